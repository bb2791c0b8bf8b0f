/**
 * Citations a reader can follow. A person who clones this repository has only the
 * repository and the public web, so comments and docs may cite files in the repository
 * (for the real code, docs/real-code.md by anchor) or public URLs, and nothing else: not
 * the notes the project was planned from, not their section numbers, not the incident
 * write-ups by file number, not issue numbers of a private tracker.
 *
 * The second half checks that every link into docs/ names a file that exists and, when it
 * has one, an anchor that exists in it (an explicit `<a id>` or a heading).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const SELF = 'src/reliability/citations.test.ts';
const SCANNED = ['src', 'docs', 'e2e', 'scripts', 'README.md'];
const TEXT_FILE = /\.(ts|tsx|mts|mjs|js|json|md|css|html)$/;

/** Each pattern is a kind of citation a reader cannot follow; docs/citations are mapped in the sweep. */
const FORBIDDEN: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'the planning notes (reference-model)', pattern: /reference[- ]model/i },
  { name: 'the planning notes (style.md)', pattern: /style\.md/i },
  { name: 'the planning notes (toolchain.md)', pattern: /toolchain\.md/i },
  {
    name: 'the planning notes (scenarios.md outside docs/)',
    // docs/scenarios.md is ours: a link to it is written docs/scenarios.md, or
    // (scenarios.md…) / [scenarios.md] inside docs/.
    pattern: /(?<![\w/([-])scenarios\.md/i,
  },
  {
    name: 'a path into the planning folder beside the repository',
    pattern: /\.\.\/shared|(?<![\w-])shared\//,
  },
  { name: 'an incident write-up by file number', pattern: /\bseed ?00\d\b/i },
  { name: 'an issue number', pattern: /\bissues? #?\d/i },
  {
    name: 'a bare section number of the planning notes',
    // "[1.3, 2.2]", "(4.4)", "(4.3, path I2)", "(4.4, I3)"; not calls like scale(5.8).
    pattern:
      /(?<![\w.([])[([][1-7]\.\d{1,2}(?:(?:, | and | to )[1-7]\.\d{1,2})*(?:,? (?:path )?I[1-3]'?)?[)\]]/,
  },
  { name: 'a section number in provenance refs', pattern: /\[\s*'[1-7]\.\d'/ },
  { name: 'an interleaving label of the planning notes', pattern: /\((?:path )?I[1-3]'?\)/ },
  { name: 'a numbered section of the planning notes', pattern: /\bsections? [1-7](?:\.\d)?\b/i },
];

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(full)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const child = join(path, name);
    if (statSync(join(ROOT, child)).isDirectory()) out.push(...filesUnder(child));
    else if (TEXT_FILE.test(name)) out.push(child);
  }
  return out;
}

const FILES = SCANNED.flatMap(filesUnder).filter((f) => f !== SELF);

function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

interface Hit {
  readonly where: string;
  readonly text: string;
}

function hitsOf(pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  for (const file of FILES) {
    read(file)
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) hits.push({ where: `${file}:${i + 1}`, text: line.trim() });
      });
  }
  return hits;
}

describe('citations resolve inside the repository or on the public web', () => {
  it('scans the files it should', () => {
    expect(FILES).toContain('README.md');
    expect(FILES.some((f) => f.startsWith('src/engine/'))).toBe(true);
    expect(FILES.some((f) => f.startsWith('docs/'))).toBe(true);
  });

  it.each(FORBIDDEN.map((f) => [f.name, f.pattern] as const))('cites no %s', (_name, pattern) => {
    expect(hitsOf(pattern)).toEqual([]);
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(m[1] as string);
  for (const m of markdown.matchAll(/^#{1,6} (.+)$/gm)) anchors.add(headingSlug(m[1] as string));
  return anchors;
}

/** `docs/x.md#a` anywhere, and `(x.md#a)` / `(x.md)` links inside docs/. */
function docLinksOf(file: string, text: string): { target: string; anchor: string | null }[] {
  const links: { target: string; anchor: string | null }[] = [];
  for (const m of text.matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)) {
    links.push({ target: m[1] as string, anchor: m[2] ?? null });
  }
  if (file.startsWith('docs/')) {
    for (const m of text.matchAll(/\]\(([\w-]+\.md)?(?:#([\w-]+))?\)/g)) {
      const target = m[1] ?? relative('docs', file);
      links.push({ target, anchor: m[2] ?? null });
    }
  }
  return links;
}

describe('links into docs/', () => {
  const docs = new Map(
    filesUnder('docs')
      .filter((f) => f.endsWith('.md'))
      .map((f) => [relative('docs', f), anchorsOf(read(f))] as const),
  );

  it('name a document and an anchor that exist', () => {
    const broken: string[] = [];
    for (const file of FILES) {
      for (const { target, anchor } of docLinksOf(file, read(file))) {
        const anchors = docs.get(target);
        if (!anchors) broken.push(`${file}: docs/${target} does not exist`);
        else if (anchor !== null && !anchors.has(anchor)) {
          broken.push(`${file}: docs/${target} has no anchor #${anchor}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('would notice a broken one', () => {
    const links = docLinksOf('src/x.ts', 'see docs/real-code.md#no-such-anchor');
    expect(links).toEqual([{ target: 'real-code.md', anchor: 'no-such-anchor' }]);
    expect(docs.get('real-code.md')?.has('no-such-anchor')).toBe(false);
    expect(docs.get('real-code.md')?.has('paused-branch')).toBe(true);
  });
});
