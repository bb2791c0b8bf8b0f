/**
 * What one step changed, as paths into a plain value: `changedPaths(before, after)`
 * lists every leaf that differs (a value replaced, a key or an array slot added or
 * removed), and `withAncestors` adds every enclosing path so a collapsed branch can
 * say that something inside it changed. A path is its segments joined by '/', each
 * segment escaped as in JSON Pointer ('~' as '~0', '/' as '~1').
 */

export type Path = string;

export function pathOf(segments: readonly (string | number)[]): Path {
  return segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function changedPaths(before: unknown, after: unknown, root: Path = ''): Set<Path> {
  const out = new Set<Path>();
  walk(before, after, root, out);
  return out;
}

export function withAncestors(paths: Iterable<Path>): Set<Path> {
  const out = new Set<Path>();
  for (const path of paths) {
    out.add(path);
    let cut = path.lastIndexOf('/');
    while (cut > 0) {
      out.add(path.slice(0, cut));
      cut = path.lastIndexOf('/', cut - 1);
    }
  }
  return out;
}

function child(parent: Path, key: string | number): Path {
  const segment = pathOf([key]);
  return parent === '' ? segment : `${parent}/${segment}`;
}

function walk(a: unknown, b: unknown, path: Path, out: Set<Path>): void {
  if (Object.is(a, b)) return;
  const aObject = a !== null && typeof a === 'object';
  const bObject = b !== null && typeof b === 'object';
  if (!aObject || !bObject || Array.isArray(a) !== Array.isArray(b)) {
    out.add(path);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length) out.add(child(path, i));
      else walk(a[i], b[i], child(path, i), out);
    }
    return;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of Object.keys(ra)) {
    if (!(key in rb)) out.add(child(path, key));
    else walk(ra[key], rb[key], child(path, key), out);
  }
  for (const key of Object.keys(rb)) if (!(key in ra)) out.add(child(path, key));
}
