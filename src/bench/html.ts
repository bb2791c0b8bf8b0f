/**
 * What a built page loads before it can render: the module scripts and
 * modulepreload links of its HTML, then every chunk those import statically
 * (dynamic `import()` is lazy and not counted). Pure string parsing, tested in
 * bench.test.ts; bundle.ts applies it to the files of a build.
 */

export interface EntryAssets {
  /** `<script type="module" src>`: executed before the first render. */
  readonly scripts: readonly string[];
  /** `<link rel="modulepreload" href>`: fetched up front. */
  readonly preloads: readonly string[];
  /** `<link rel="stylesheet" href>`. */
  readonly styles: readonly string[];
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  // Skip the tag name itself.
  const body = tag.replace(/^<\s*[\w-]+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(re)) {
    out.set((m[1] as string).toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The assets an HTML page loads up front, in document order. Comments are ignored. */
export function entryAssets(html: string): EntryAssets {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  const scripts: string[] = [];
  const preloads: string[] = [];
  const styles: string[] = [];
  for (const m of text.matchAll(/<script\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const src = a.get('src');
    if (src && a.get('type')?.toLowerCase() === 'module') scripts.push(src);
  }
  for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const href = a.get('href');
    const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!href) continue;
    if (rel.includes('modulepreload')) preloads.push(href);
    else if (rel.includes('stylesheet')) styles.push(href);
  }
  return { scripts, preloads, styles };
}

/**
 * Relative specifiers a (minified) ES module imports statically:
 * `import x from "./a.js"`, `import"./b.js"`, `export * from "./c.js"`.
 * `import("./d.js")` is dynamic (loaded lazily) and not returned.
 */
export function staticImports(js: string): string[] {
  const out = new Set<string>();
  const re =
    /(?:^|[;\s})])(?:import|export)\s*(?:(?:[\w$*{}\s,]+?|\*\s*as\s+[\w$]+)\s*from\s*)?(["'])(\.{1,2}\/[^"']+)\1/g;
  for (const m of js.matchAll(re)) out.add(m[2] as string);
  return [...out];
}

/** Resolves `spec` (relative or root-relative) against the URL path of the file that names it. */
export function resolveAssetPath(fromFile: string, spec: string): string {
  const clean = spec.replace(/[?#].*$/, '');
  const base = clean.startsWith('/') ? [] : fromFile.split('/').slice(0, -1);
  for (const part of clean.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') base.pop();
    else base.push(part);
  }
  return base.join('/');
}
