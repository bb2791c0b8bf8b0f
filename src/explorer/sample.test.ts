import { describe, expect, it } from 'vitest';
import { explore } from './explore.ts';
import { occurrenceStep } from './outcomes.ts';
import { replayDeviations } from './replay.ts';
import { sample, Sampling } from './sample.ts';
import { TOY_SCENARIO } from '../testing/toyScenario.ts';

const program = TOY_SCENARIO.build('buggy', { steps: 3 }, 'py311');

describe('sample', () => {
  it.each(['random', 'pct'] as const)(
    '%s: deterministic per seed, counts add up, the first failure replays',
    (strategy) => {
      const a = sample(program, 'py311', { strategy, runs: 300, seed: 7 });
      const b = sample(program, 'py311', { strategy, runs: 300, seed: 7 });
      expect({ ...a, ms: 0, firstFailure: { ...a.firstFailure, ms: 0 } }).toEqual({
        ...b,
        ms: 0,
        firstFailure: { ...b.firstFailure, ms: 0 },
      });
      expect(a.runs).toBe(300);
      expect((a.byOutcome['ok'] ?? 0) + a.failing).toBe(300);
      expect(a.distinctSchedules).toBeLessThanOrEqual(
        explore(program, 'py311', { preemptions: Infinity }).schedules,
      );
      const first = a.firstFailure;
      if (!first) throw new Error('the toy race fails often');
      const world = replayDeviations(program, 'py311', first.deviations, first.steps).world;
      expect(occurrenceStep(world as never, first.outcome)).toBe(first.steps);
    },
  );

  it('never reports a failure the explorer says cannot happen', () => {
    const safe = TOY_SCENARIO.build('correct', { steps: 3 }, 'py311');
    const result = sample(safe, 'py311', { strategy: 'random', runs: 200, seed: 1 });
    expect(result.failing).toBe(0);
    expect(result.firstFailure).toBeNull();
  });

  it('can be cancelled between runs', () => {
    const sampling = new Sampling(program, 'py311', {
      strategy: 'random',
      runs: 1_000_000,
      seed: 1,
    });
    sampling.runFor(5);
    sampling.cancel();
    expect(sampling.runFor(Infinity)).toBe(true);
    const result = sampling.result();
    expect(result.stopped).toBe('cancelled');
    expect(result.runs).toBeGreaterThan(0);
    expect(result.runs).toBeLessThan(1_000_000);
  });
});
