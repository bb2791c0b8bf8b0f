/**
 * Reading a page's Content-Security-Policy from its <meta http-equiv> tag, and the
 * rules the README (Hostile input) holds it to: scripts only from the site itself (no inline script,
 * no JavaScript eval; compiling WebAssembly is the one exception), no plugins, no
 * <base> hijack, nothing fetched from another origin.
 * Shared by the Node test (index.html and the build) and the browser test.
 */
export type Policy = ReadonlyMap<string, readonly string[]>;

/**
 * What script-src may hold. 'wasm-unsafe-eval' lets the page compile WebAssembly (the
 * Fix lab runs CPython, built as wasm, in a worker) and nothing else: JavaScript eval,
 * `new Function` and string timers stay blocked, which 'unsafe-eval' would allow.
 */
const SCRIPT_SOURCES: readonly string[] = ["'self'", "'wasm-unsafe-eval'"];

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;

/** The policy string of an HTML page's CSP meta tag, or null if it has none. */
export function cspOfHtml(html: string): string | null {
  return META.exec(html)?.[1] ?? null;
}

export function parsePolicy(policy: string): Policy {
  const out = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** What is wrong with a policy, as sentences; empty when it meets the rules. */
export function policyProblems(policy: string): string[] {
  const p = parsePolicy(policy);
  const problems: string[] = [];
  const script = p.get('script-src') ?? p.get('default-src');
  if (!script) problems.push('No script-src or default-src.');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", 'data:', '*']) {
    if (script?.includes(bad)) problems.push(`script-src allows ${bad}.`);
  }
  if (script && script.some((s) => !SCRIPT_SOURCES.includes(s))) {
    problems.push(`script-src allows more than 'self': ${script.join(' ')}.`);
  }
  if ((p.get('default-src') ?? []).join(' ') !== "'self'")
    problems.push("default-src is not 'self'.");
  if ((p.get('object-src') ?? []).join(' ') !== "'none'")
    problems.push("object-src is not 'none'.");
  if (!p.has('base-uri')) problems.push('No base-uri.');
  const connect = p.get('connect-src') ?? p.get('default-src') ?? [];
  if (connect.some((s) => s !== "'self'")) problems.push('connect-src reaches other origins.');
  return problems;
}

/** Inline <script> elements (with a body and no src) in an HTML page. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') || (body ?? '').trim() !== '')
    .map(([whole]) => whole);
}
