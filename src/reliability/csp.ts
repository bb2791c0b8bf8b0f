/**
 * Reading a page's Content-Security-Policy from its <meta http-equiv> tag, and the
 * rules issue 10 holds it to: scripts only from the site itself (no inline script,
 * no eval), no plugins, no <base> hijack, nothing fetched from another origin.
 * Shared by the Node test (index.html and the build) and the browser test.
 */
export type Policy = ReadonlyMap<string, readonly string[]>;

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
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", 'data:', '*']) {
    if (script?.includes(bad)) problems.push(`script-src allows ${bad}.`);
  }
  if (script && script.some((s) => s !== "'self'")) {
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
