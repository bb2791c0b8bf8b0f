import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allExact,
  countNoun,
  countText,
  EXACT_COUNT_LIMIT,
  isExactCount,
  ROUNDED_COUNT_NOTE,
} from './countText.ts';

const TWO_53 = 2 ** 53;
const DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Reads "about 1.23 × 10¹⁵" back as a number. */
function parseEstimate(text: string): number {
  const match = /^about (\d(?:\.\d{1,2})?) × 10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (!match) throw new Error(`not an estimate: ${text}`);
  const power = [...(match[2] as string)].map((c) => DIGITS.indexOf(c)).join('');
  return Number(match[1]) * 10 ** Number(power);
}

describe('countText', () => {
  it('writes exact counts as today, with grouping', () => {
    expect(countText(0)).toBe('0');
    expect(countText(1)).toBe('1');
    expect(countText(1227)).toBe('1,227');
    expect(countText(135_903_762_539)).toBe('135,903,762,539');
  });

  it('keeps 2^53 - 1 exact and calls 2^53 an estimate', () => {
    expect(EXACT_COUNT_LIMIT).toBe(TWO_53 - 1);
    expect(countText(TWO_53 - 1)).toBe('9,007,199,254,740,991');
    // 2^53 itself is what 2^53 + 1 rounds to, so it cannot be trusted as exact.
    expect(countText(TWO_53)).toBe('about 9.01 × 10¹⁵');
    expect(TWO_53 + 1).toBe(TWO_53);
    expect(countText(TWO_53 + 1)).toBe('about 9.01 × 10¹⁵');
    expect(countText(TWO_53 + 2)).toBe('about 9.01 × 10¹⁵');
  });

  it('writes huge counts with three significant digits, dropping trailing zeros', () => {
    expect(countText(4_085_990_501_753_217_000)).toBe('about 4.09 × 10¹⁸');
    expect(countText(1.0477414490691882e21)).toBe('about 1.05 × 10²¹');
    expect(countText(1e20)).toBe('about 1 × 10²⁰');
    expect(countText(1.2e22)).toBe('about 1.2 × 10²²');
    expect(countText(Number.MAX_VALUE)).toBe('about 1.8 × 10³⁰⁸');
    expect(countText(Infinity)).toBe('more than 1.8 × 10³⁰⁸');
  });

  it('puts the noun after the count, singular only for exactly one', () => {
    expect(countNoun(0, 'schedule')).toBe('0 schedules');
    expect(countNoun(1, 'schedule')).toBe('1 schedule');
    expect(countNoun(1227, 'schedule')).toBe('1,227 schedules');
    expect(countNoun(2.5e19, 'schedule')).toBe('about 2.5 × 10¹⁹ schedules');
    expect(countNoun(NaN, 'schedule')).toBe('an unknown number of schedules');
  });

  it('tells whether a footnote is needed', () => {
    expect(allExact([0, 1, TWO_53 - 1])).toBe(true);
    expect(allExact([1, TWO_53])).toBe(false);
    expect(allExact([])).toBe(true);
    expect(ROUNDED_COUNT_NOTE).toContain('2⁵³');
  });

  it('reads back within the three digits it shows, for every count past 2^53', () => {
    fc.assert(
      fc.property(fc.double({ min: TWO_53, max: 1e300, noNaN: true }), (n) => {
        const text = countText(n);
        expect(isExactCount(n)).toBe(false);
        expect(Math.abs(parseEstimate(text) - n) / n).toBeLessThanOrEqual(0.005);
      }),
    );
  });
});

describe('the per-count rule: a float sum of whole counts is exact while it is at most 2^53 - 1', () => {
  // Terms up to 2^51, so that a handful of them crosses 2^53 and rounding happens.
  const term = fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 2n ** 51n }));

  it('whatever the terms and their order', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 40 }), (terms) => {
        let float = 0;
        let exact = 0n;
        for (const t of terms) {
          float += Number(t);
          exact += t;
        }
        if (isExactCount(float)) expect(BigInt(float)).toBe(exact);
        else expect(exact > BigInt(EXACT_COUNT_LIMIT)).toBe(true);
        // The estimate is as good as the header claims: m additions, at most m * 2^-53 off.
        const error = Math.abs(Number(exact - BigInt(float))) / Math.max(1, Number(exact));
        expect(error).toBeLessThanOrEqual(terms.length * 2 ** -53);
      }),
    );
  });
});
