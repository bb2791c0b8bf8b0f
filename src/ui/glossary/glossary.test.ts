/**
 * docs/glossary.md and the glossary page's terms (terms.ts) must say the same thing: the
 * same terms, in the same order, with the same anchors, definitions and "see also" links.
 * The Markdown may add "More:" lines pointing into the other docs; the page does not
 * show those.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../routes/router.ts';
import { glossaryHref } from './links.ts';
import { GLOSSARY_TERMS } from './terms.ts';

interface MarkdownTerm {
  readonly id: string;
  readonly term: string;
  readonly definition: readonly string[];
  readonly related: readonly string[];
}

const GLOSSARY_MD = new URL('../../../docs/glossary.md', import.meta.url);

/** Collapses whitespace, so line wrapping in the Markdown does not matter. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function parseMarkdownTerms(markdown: string): MarkdownTerm[] {
  const terms: MarkdownTerm[] = [];
  const sections = markdown.split(/^<a id="([^"]+)"><\/a>$/m);
  // sections: [preamble, id1, body1, id2, body2, ...]
  for (let i = 1; i < sections.length; i += 2) {
    const id = sections[i] as string;
    const blocks = (sections[i + 1] as string).split(/\n\s*\n/).map(normalise);
    const heading = blocks.find((b) => b.startsWith('### '));
    const related = blocks.find((b) => b.startsWith('See also:')) ?? '';
    terms.push({
      id,
      term: heading?.slice(4) ?? '',
      definition: blocks.filter(
        (b) => b !== '' && !/^(### |See also:|More:)/.test(b) && !b.startsWith('<a '),
      ),
      related: [...related.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string),
    });
  }
  return terms;
}

const markdownTerms = parseMarkdownTerms(readFileSync(GLOSSARY_MD, 'utf8'));

describe('the glossary: docs/glossary.md and the page agree', () => {
  it('has the same terms, in the same order, with the same anchors', () => {
    expect(markdownTerms.map((t) => [t.id, t.term])).toEqual(
      GLOSSARY_TERMS.map((t) => [t.id, t.term]),
    );
  });

  it.each(GLOSSARY_TERMS.map((t) => [t.id, t] as const))(
    'defines %s in the same words',
    (id, t) => {
      const md = markdownTerms.find((m) => m.id === id);
      expect(md?.definition).toEqual(t.definition.map(normalise));
      expect(md?.related).toEqual(t.related);
    },
  );

  it('covers the words every page uses', () => {
    const ids = new Set(GLOSSARY_TERMS.map((t) => t.id));
    for (const required of [
      'variant',
      'buggy',
      'seed-fix',
      'upstream',
      'correct',
      'switch-mode',
      'py311',
      'py39',
      'free-threaded',
      'preemption',
      'schedule',
      'provenance',
      'step',
      'seed',
      'outside-event',
      'invariant',
      'minimal-counterexample',
      'collision',
    ]) {
      expect(ids, required).toContain(required);
    }
  });

  it('has unique ids, and every "see also" names another term', () => {
    const ids = GLOSSARY_TERMS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of GLOSSARY_TERMS) {
      expect(t.id).toMatch(/^[a-z0-9-]+$/);
      for (const r of t.related) {
        expect(ids, `${t.id} -> ${r}`).toContain(r);
        expect(r).not.toBe(t.id);
      }
    }
  });

  it('closes every backtick, so no definition shows a stray one', () => {
    for (const t of GLOSSARY_TERMS) {
      for (const p of t.definition) expect(p.split('`').length % 2, t.id).toBe(1);
    }
  });
});

describe('links to a term', () => {
  it('round-trip through the router', () => {
    const href = glossaryHref('preemption');
    expect(href).toBe('#/glossary?term=preemption');
    const route = parseRoute(href);
    expect(route).toEqual({ kind: 'glossary', query: { term: 'preemption' } });
    expect(routeHref(route)).toBe(href);
  });

  it('leave the plain glossary address as it was', () => {
    expect(parseRoute('#/glossary')).toEqual({ kind: 'glossary', query: {} });
    expect(routeHref({ kind: 'glossary', query: {} })).toBe('#/glossary');
    expect(parseRoute('#/glossary/extra').kind).toBe('notFound');
  });
});
