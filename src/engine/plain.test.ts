import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastHash } from './hash.ts';
import { clonePlain, frozenHash } from './plain.ts';

const plainValue = fc.jsonValue();

describe('plain values', () => {
  it('a clone is equal and independent', () => {
    fc.assert(
      fc.property(plainValue, (v) => {
        const c = clonePlain(v);
        expect(c).toEqual(v);
        expect(fastHash(c)).toBe(fastHash(v));
      }),
    );
    const original = { a: [1, { b: 2 }] };
    const copy = clonePlain(original);
    (copy.a[1] as { b: number }).b = 3;
    expect((original.a[1] as { b: number }).b).toBe(2);
  });

  it('keeps an own "__proto__" key as a key (fast-check found it setting the prototype)', () => {
    const v = JSON.parse('{"__proto__": {"a": 1}, "b": 2}') as Record<string, unknown>;
    const c = clonePlain(v);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(Object.keys(c)).toEqual(['__proto__', 'b']);
    expect(c).toEqual(v);
    expect(fastHash(c)).toBe(fastHash(v));
  });

  it('hashes tell different values apart', () => {
    expect(fastHash({ a: 1 })).not.toBe(fastHash({ a: 2 }));
    expect(fastHash([1, 2])).not.toBe(fastHash([2, 1]));
    expect(fastHash({ a: '1' })).not.toBe(fastHash({ a: 1 }));
  });
});

describe('the frozen schedule-tag hash', () => {
  it('never changes: shared links depend on it', () => {
    // If this fails, every schedule string ever shared is refused: do not change frozenHash.
    expect(frozenHash({ scenarioId: 'metrics-stuck-flush', params: { a: 1 }, gil: 'py311' })).toBe(
      frozenHash({ scenarioId: 'metrics-stuck-flush', params: { a: 1 }, gil: 'py311' }),
    );
    expect(frozenHash({ a: 1, b: 'x' })).toMatchInlineSnapshot(`6497027416577481`);
  });
});
