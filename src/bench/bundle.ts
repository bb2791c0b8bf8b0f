/**
 * Bundle weight of a build: the JavaScript the entry page loads before its
 * first render (its module scripts, modulepreload links and their static
 * imports, followed transitively), gzipped with node:zlib at level 9 as
 * Vite's own size report does. Lazy chunks (dynamic import()) are left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryAssets, resolveAssetPath, staticImports } from './html.ts';
import type { BundleFigure } from './types.ts';

const KB = 1024;

function gz(buf: Buffer): number {
  return gzipSync(buf, { level: 9 }).length;
}

/** `dir` is the build's output directory; `page` the entry HTML inside it. */
export function measureBundle(dir: string, page = 'index.html'): BundleFigure {
  const html = readFileSync(join(dir, page), 'utf8');
  const assets = entryAssets(html);
  const seen = new Set<string>();
  const queue = [...assets.scripts, ...assets.preloads].map((s) => resolveAssetPath(page, s));
  const files: { file: string; bytes: number; gzipBytes: number }[] = [];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${page} loads ${file}, which is not in ${dir}`);
    const buf = readFileSync(path);
    files.push({ file, bytes: buf.length, gzipBytes: gz(buf) });
    for (const spec of staticImports(buf.toString('utf8')))
      queue.push(resolveAssetPath(file, spec));
  }
  let cssGzip = 0;
  for (const href of assets.styles) {
    const path = join(dir, resolveAssetPath(page, href));
    if (existsSync(path)) cssGzip += gz(readFileSync(path));
  }
  let allJs = 0;
  const assetsDir = join(dir, 'assets');
  if (existsSync(assetsDir)) {
    for (const name of readdirSync(assetsDir)) {
      if (name.endsWith('.js')) allJs += gz(readFileSync(join(assetsDir, name)));
    }
  }
  const sum = (k: 'bytes' | 'gzipBytes'): number => files.reduce((s, f) => s + f[k], 0);
  return {
    files,
    jsGzipKb: Math.round((sum('gzipBytes') / KB) * 10) / 10,
    jsKb: Math.round((sum('bytes') / KB) * 10) / 10,
    cssGzipKb: Math.round((cssGzip / KB) * 10) / 10,
    allJsGzipKb: Math.round((allJs / KB) * 10) / 10,
  };
}
