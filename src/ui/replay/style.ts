/** The replay page's stylesheet (inline, allowed by its hash in the page's policy). */
export const REPLAY_CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1d21; background: #fff; }
body { margin: 0; }
main { max-width: 1600px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 18px 0 6px; }
.sub { color: #4b5260; margin: 0 0 10px; overflow-wrap: anywhere; }
.bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; position: sticky; top: 0; background: #fff; padding: 8px 0; z-index: 1; border-bottom: 1px solid #dfe3ea; }
button { font: inherit; padding: 6px 12px; border: 1px solid #6b7280; border-radius: 6px; background: #f3f4f6; color: inherit; cursor: pointer; }
button:hover { background: #e5e7eb; }
button:focus-visible { outline: 3px solid #1a1aa6; outline-offset: 2px; }
button:disabled { opacity: 0.5; cursor: default; }
.status { font-weight: 600; }
.now { margin: 8px 0; font-size: 1.05rem; }
.callout { border: 2px solid #b3261e; border-radius: 8px; padding: 8px 12px; margin: 10px 0; background: #fff7f6; }
.callout ul { margin: 6px 0 0; padding-left: 20px; }
.timeline { margin: 8px 0; }
.timeline svg { width: 100%; height: auto; display: block; border: 1px solid #dfe3ea; }
.threads { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; }
.thread { border: 1px solid #dfe3ea; border-radius: 8px; padding: 6px 8px; min-width: 0; }
.thread h3 { font-size: 1rem; margin: 2px 0 4px; }
.thread .file { color: #4b5260; font-size: 0.85rem; margin: 0 0 4px; overflow-wrap: anywhere; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; max-height: 300px; overflow: auto; margin: 0; padding: 0; list-style: none; counter-reset: line; }
.code li { white-space: pre; padding: 0 6px; }
.code li::before { counter-increment: line; content: counter(line); display: inline-block; width: 3ch; margin-right: 1ch; color: #6b7280; text-align: right; }
.code li[aria-current] { background: #dbe7fd; outline: 2px solid #0b57d0; }
.notes li[aria-current] { background: #fff4cc; }
pre.tb { background: #f3f4f6; padding: 8px; overflow: auto; }
.muted { color: #4b5260; }
`;
