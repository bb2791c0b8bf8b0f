import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAKE_SCENARIO } from '../testing/fakeScenario.ts';
import { absoluteLink, labLinkHash, parseLabLink, type LabLink } from './link.ts';
import { parseRoute } from './router.ts';

const CATALOG = [FAKE_SCENARIO];
const parse = (query: Record<string, string>, id = 'toy-counter') =>
  parseLabLink(id, query, CATALOG);

describe('lab links', () => {
  it('fills defaults for a bare scenario link', () => {
    expect(parse({})).toEqual({
      ok: true,
      value: {
        scenario: 'toy-counter',
        variant: 'buggy',
        gil: 'py311',
        params: { increments: 2 },
        schedule: null,
        step: null,
      },
    });
  });

  it('reads every field', () => {
    const parsed = parse({
      v: 'correct',
      gil: 'py39',
      s: 's1.1.abc.KA',
      at: '7',
      'p.increments': '3',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        scenario: 'toy-counter',
        variant: 'correct',
        gil: 'py39',
        params: { increments: 3 },
        schedule: 's1.1.abc.KA',
        step: 7,
      },
    });
  });

  it.each([
    [{}, 'nope', /There is no scenario "nope". Valid scenarios: toy-counter/],
    [{ v: 'fixed' }, undefined, /Unknown variant "fixed". Valid variants: buggy, seed-fix/],
    [{ gil: 'py2' }, undefined, /Unknown switch mode "py2". Valid modes: py311, py39/],
    [{ s: 'has space' }, undefined, /schedule in the link is damaged/],
    [{ at: '-1' }, undefined, /"at" must be a whole number of 0 or more, got "-1"/],
    [{ at: '1e3' }, undefined, /"at" must be a whole number/],
    [{ 'p.increments': '2.5' }, undefined, /Parameter "increments" must be a whole number/],
    [{ 'p.increments': '9' }, undefined, /must be between 1 and 5 increments, got 9/],
    [{ 'p.nope': '1' }, undefined, /has no parameter "nope"/],
    [{ seed: '1' }, undefined, /unknown field "seed"/],
  ])('refuses %j with a clear message', (query, id, message) => {
    const parsed = parse(query as Record<string, string>, id);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('shortens a very long bad value in its message', () => {
    const parsed = parse({ v: 'x'.repeat(500) });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.length).toBeLessThan(200);
  });

  it('writes a link that reads back the same through the router', () => {
    const link: LabLink = {
      scenario: 'toy-counter',
      variant: 'seed-fix',
      gil: 'free-threaded',
      params: { increments: 4 },
      schedule: 's1.1.x_y-z.AB',
      step: 12,
    };
    const hash = labLinkHash(link);
    expect(hash).toBe(
      '#/lab/toy-counter?v=seed-fix&gil=free-threaded&s=s1.1.x_y-z.AB&at=12&p.increments=4',
    );
    const route = parseRoute(hash);
    if (route.kind !== 'lab') throw new Error('not a lab route');
    expect(parseLabLink(route.id, route.query, CATALOG)).toEqual({ ok: true, value: link });
    expect(absoluteLink('https://x.test/lab/?q#/old', link)).toBe(`https://x.test/lab/?q${hash}`);
  });

  it('never throws on any query', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 })), (q) => {
        const parsed = parse(q);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
