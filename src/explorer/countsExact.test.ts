/**
 * Counts past 2^53: the explorer says when its counts are rounded, on a program whose count
 * is known in closed form and on the real scenario whose unbounded search gets there.
 */
import { describe, expect, it } from 'vitest';
import { independentSteps } from '../testing/toy.ts';
import { countText, EXACT_COUNT_LIMIT, isExactCount } from './countText.ts';
import { explore } from './explore.ts';
import { exploreScenario } from './report.ts';

function binomial(n: bigint, k: bigint): bigint {
  let r = 1n;
  for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

describe('schedule counts around 2^53', () => {
  // Two threads of s steps each, every step a switch point: C(2s, s) interleavings.
  it('counts C(56, 28), just under 2^53, exactly', () => {
    const exact = binomial(56n, 28n);
    expect(exact).toBeLessThanOrEqual(BigInt(EXACT_COUNT_LIMIT));
    const result = explore(independentSteps(2, 28), 'py311', { preemptions: Infinity });
    expect(result.complete).toBe(true);
    expect(BigInt(result.schedules)).toBe(exact);
    expect(isExactCount(result.schedules)).toBe(true);
  });

  it('rounds C(60, 30), past 2^53, and only to the precision the estimate shows', () => {
    const exact = binomial(60n, 30n);
    expect(exact).toBeGreaterThan(BigInt(EXACT_COUNT_LIMIT));
    const result = explore(independentSteps(2, 30), 'py311', { preemptions: Infinity });
    expect(result.complete).toBe(true);
    expect(isExactCount(result.schedules)).toBe(false);
    expect(Math.abs(result.schedules - Number(exact)) / Number(exact)).toBeLessThan(1e-9);
    expect(countText(result.schedules)).toBe('about 1.18 × 10¹⁷');
    // The outcome counts are summed the same way, so they round the same way.
    expect(result.byOutcome).toEqual({ ok: result.schedules });
  });

  it('reports countsExact false for an unbounded search of metrics-stuck-flush', () => {
    const report = exploreScenario({
      scenario: 'metrics-stuck-flush',
      variant: 'correct',
      preemptions: Infinity,
    });
    if (!report.ok) throw new Error(report.error);
    expect(report.value.complete).toBe(true);
    expect(report.value.preemptions).toBeNull();
    expect(report.value.countsExact).toBe(false);
    expect(report.value.schedules).toBeGreaterThan(EXACT_COUNT_LIMIT);
    expect(countText(report.value.schedules)).toMatch(/^about \d(\.\d+)? × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
  });

  it('reports countsExact true when the unbounded count stays under 2^53 (upstream)', () => {
    const report = exploreScenario({
      scenario: 'metrics-stuck-flush',
      variant: 'upstream',
      preemptions: Infinity,
    });
    if (!report.ok) throw new Error(report.error);
    expect(report.value.countsExact).toBe(true);
    expect(report.value.schedules).toBeGreaterThan(2 ** 52);
    expect(isExactCount(report.value.schedules)).toBe(true);
  });
});
