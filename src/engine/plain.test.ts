import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashPlain } from './hash.ts';
import { clonePlain, stableHash } from './plain.ts';

const plainValue = fc.jsonValue();

describe('plain values', () => {
  it('a clone is equal and independent', () => {
    fc.assert(
      fc.property(plainValue, (v) => {
        const c = clonePlain(v);
        expect(c).toEqual(v);
        expect(hashPlain(c)).toBe(hashPlain(v));
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
    expect(hashPlain(c)).toBe(hashPlain(v));
  });

  it('hashes tell different values apart', () => {
    expect(hashPlain({ a: 1 })).not.toBe(hashPlain({ a: 2 }));
    expect(hashPlain([1, 2])).not.toBe(hashPlain([2, 1]));
    expect(hashPlain({ a: '1' })).not.toBe(hashPlain({ a: 1 }));
  });
});

describe('the frozen schedule-tag hash', () => {
  it('never changes: shared links depend on it', () => {
    // If this fails, every schedule string ever shared is refused: do not change stableHash.
    expect(stableHash({ scenarioId: 'metrics-stuck-flush', params: { a: 1 }, gil: 'py311' })).toBe(
      stableHash({ scenarioId: 'metrics-stuck-flush', params: { a: 1 }, gil: 'py311' }),
    );
    expect(stableHash({ a: 1, b: 'x' })).toMatchInlineSnapshot(`6497027416577481`);
  });
});
