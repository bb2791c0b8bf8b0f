/**
 * Nothing from a link or a file is executed or injected as HTML: the app's source has
 * no eval, no Function constructor, no string timers, and no way to write HTML into
 * the page (innerHTML, outerHTML, insertAdjacentHTML, document.write,
 * dangerouslySetInnerHTML). React renders every value as text. Tests and this folder
 * (which names the patterns) are not scanned.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FORBIDDEN: readonly RegExp[] = [
  /\beval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /\bset(?:Timeout|Interval)\s*\(\s*['"`]/,
  /\.innerHTML\s*=/,
  /\.outerHTML\s*=/,
  /\binsertAdjacentHTML\s*\(/,
  /\bdocument\.write(?:ln)?\s*\(/,
  /\bdangerouslySetInnerHTML\b/,
  /\bcreateContextualFragment\s*\(/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'reliability' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the app source', () => {
  it('never evaluates text or writes HTML', () => {
    const files = sources(fileURLToPath(new URL('..', import.meta.url)));
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter((p) => p.test(text)).map((p) => `${file}: ${p.source}`);
    });
    expect(hits).toEqual([]);
  });
});
