import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCode,
  encodeCode,
  fixLinkHash,
  MAX_LINK_CODE_CHARS,
  parseFixLink,
} from './fixLink.ts';
import { parseRoute } from './router.ts';

const SAMPLE = `class MetricsBuffer:
    def __init__(self, metrics):
        self.metrics = metrics  # “quotes” and ünïcode survive
`;

describe('Fix lab links', () => {
  it('carry any text through compression and back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
        const decoded = await decodeCode(await encodeCode(text));
        expect(decoded).toEqual({ ok: true, value: text });
      }),
      { numRuns: 150 },
    );
  });

  it('round-trip code and counterexample through a routed hash', async () => {
    const hash = await fixLinkHash('metrics', { code: SAMPLE, counterexample: 'm3.s2.m9' });
    const route = parseRoute(hash);
    expect(route.kind).toBe('fix');
    if (route.kind !== 'fix') return;
    expect(route.race).toBe('metrics');
    expect(await parseFixLink(route.query)).toEqual({
      ok: true,
      value: { code: SAMPLE, counterexample: 'm3.s2.m9' },
    });
    // base64url needs no escaping in a query.
    expect(hash).not.toMatch(/%/);
  });

  it('refuse every damaged code field with one sentence, never a throw', async () => {
    const good = await encodeCode(SAMPLE);
    const damaged = [
      good.slice(0, Math.floor(good.length / 2)),
      `${good}x`,
      'not base64!',
      'A',
      '',
      good.replace(/./g, 'Z'),
    ];
    for (const code of damaged) {
      const result = await parseFixLink({ code });
      expect(result.ok, code).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^The code in the link .*\.$/);
    }
  });

  it('refuse random garbage in every field without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('code', 'cx', 'x'), fc.string({ maxLength: 60 })),
        async (query) => {
          const result = await parseFixLink(query);
          if (!result.ok) expect(result.error).toMatch(/\.$/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuse a small link that inflates past the limit', async () => {
    const bomb = await encodeCode('a'.repeat(MAX_LINK_CODE_CHARS * 5));
    expect(bomb.length).toBeLessThan(2_000);
    const result = await decodeCode(bomb);
    expect(result).toEqual({
      ok: false,
      error: `The code in the link is longer than ${MAX_LINK_CODE_CHARS} characters.`,
    });
  });

  it('refuse unknown fields and damaged schedules', async () => {
    expect(await parseFixLink({ run: '1' })).toMatchObject({ ok: false });
    expect(await parseFixLink({ cx: '<script>' })).toMatchObject({ ok: false });
    expect(await parseFixLink({})).toEqual({
      ok: true,
      value: { code: null, counterexample: null },
    });
  });
});
