import { describe, expect, it } from 'vitest';
import { encodeSchedule, ReplayScheduler, Run } from '../engine/index.ts';
import { counterRace } from '../engine/testing/toy.ts';
import { explore } from './explore.ts';

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

describe('explore', () => {
  it.each([1, 2, 3, 4])(
    'counts exactly C(2n, n) interleavings of two threads of n = %i x 2 steps',
    (s) => {
      const result = explore(counterRace(2, s), 'py311', { preemptions: 1000 });
      expect(result.complete).toBe(true);
      expect(result.schedules).toBe(binomial(4 * s, 2 * s));
      expect(
        (result.byOutcome['ok'] ?? 0) + (result.byOutcome['violation:metrics-conservation'] ?? 0),
      ).toBe(result.schedules);
    },
  );

  it('three threads: the multinomial count', () => {
    const result = explore(counterRace(3, 1), 'py311', { preemptions: 1000 });
    expect(result.schedules).toBe(90); // 6! / (2! 2! 2!)
  });

  it('an atomic increment (py311) has no lost update; split (py39) it has', () => {
    expect(
      explore(counterRace(2, 2, true), 'py311', { preemptions: 1000 }).byOutcome[
        'violation:metrics-conservation'
      ],
    ).toBeUndefined();
    expect(
      explore(counterRace(2, 2, true), 'py39', { preemptions: 1000 }).byOutcome[
        'violation:metrics-conservation'
      ],
    ).toBeGreaterThan(0);
  });

  it('the minimal counterexample replays to the same outcome', () => {
    const program = counterRace(2, 2);
    const result = explore(program, 'py311', { preemptions: 3 });
    const minimal = result.minimal['violation:metrics-conservation'];
    expect(minimal).toBeDefined();
    expect(minimal?.preemptions).toBe(1);
    const text = encodeSchedule({
      scenarioVersion: 1,
      tag: 't',
      steps: minimal!.steps,
      deviations: minimal!.deviations,
    });
    expect(text.startsWith('s1.')).toBe(true);
    const run = new Run(program, { gil: 'py311' });
    run.extend(
      new ReplayScheduler(new Map(minimal!.deviations.map(([p, t]) => [p, t]))),
      minimal!.steps,
    );
    expect(run.last.violations.map((v) => v.invariant)).toEqual(['metrics-conservation']);
  });

  it('a preemption bound of 0 explores only the natural schedule', () => {
    expect(explore(counterRace(2, 3), 'py311', { preemptions: 0 }).schedules).toBe(1);
  });

  it('stops incomplete at the state budget', () => {
    const result = explore(counterRace(2, 6), 'py311', { preemptions: 1000, maxStates: 10 });
    expect(result.complete).toBe(false);
  });
});
