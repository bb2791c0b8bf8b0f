/**
 * The standalone replay: one HTML file with everything inside it (the viewer's
 * script and style, the run as JSON, the timeline as inline SVG). Its own
 * Content-Security-Policy allows exactly that script and that style, by their
 * SHA-256 hashes computed here, and nothing from anywhere: no network at all,
 * so it opens from disk (file://), offline, as an attachment to a ticket.
 */
import { htmlText } from '../postmortem/doc.ts';
import type { RunFacts } from '../postmortem/input.ts';
import { replayData, type ReplayData } from './data.ts';
import { sha256Base64 } from './sha256.ts';
import { REPLAY_CSS } from './style.ts';

/** JSON that is safe inside a <script> element: no "<" at all, so no "</script>". */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The viewer's code with any "</script" spelled so it cannot end the element. */
export function scriptSafeJs(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

export function replayPolicy(js: string, css: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(js)}'`,
    `style-src 'sha256-${sha256Base64(css)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function replayDocument(data: ReplayData, viewerJs: string): string {
  const js = scriptSafeJs(viewerJs);
  const css = REPLAY_CSS;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${htmlText(replayPolicy(js, css))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${htmlText(`Replay: ${data.title}`)}</title>
<style>${css}</style>
</head>
<body>
<noscript><p>This replay needs JavaScript to step through the run; the timeline below is the whole run.</p></noscript>
<main id="replay">
<h1>${htmlText(data.title)}</h1>
<p class="sub">${htmlText(data.subtitle)}</p>
<figure class="timeline" id="timeline">${data.timeline.svg}</figure>
</main>
<script type="application/json" id="replay-data">${scriptSafeJson(withoutSvg(data))}</script>
<script>${js}</script>
</body>
</html>
`;
}

/** The SVG is in the page already; the data keeps only where the plot is. */
function withoutSvg(data: ReplayData): ReplayData {
  return { ...data, timeline: { ...data.timeline, svg: '' } };
}

export function replayHtml(facts: RunFacts, viewerJs: string): string {
  return replayDocument(replayData(facts), viewerJs);
}
