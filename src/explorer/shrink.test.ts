import { describe, expect, it } from 'vitest';
import { explore } from './explore.ts';
import { occurrenceStep } from './outcomes.ts';
import { replayDeviations } from './replay.ts';
import { sample } from './sample.ts';
import { shrink } from './shrink.ts';
import { TOY_SCENARIO } from '../testing/toyScenario.ts';

const program = TOY_SCENARIO.build('buggy', { steps: 4 }, 'py39');

describe('shrink', () => {
  it('makes any failing schedule no more complex, still failing, with no removable deviation', () => {
    const best = explore(program, 'py39', { preemptions: Infinity }).minimal;
    let shrunk = 0;
    for (let seed = 0; seed < 40; seed++) {
      const found = sample(program, 'py39', { strategy: 'random', runs: 1, seed }).firstFailure;
      if (!found) continue;
      const result = shrink(program, 'py39', found.deviations, found.outcome);
      if (!result.ok) throw new Error(result.error);
      shrunk++;
      expect(result.preemptions).toBeLessThanOrEqual(found.preemptions);
      expect(result.preemptions).toBeGreaterThanOrEqual(best[found.outcome]?.preemptions ?? 0);
      const world = replayDeviations(program, 'py39', result.deviations, result.steps).world;
      expect(occurrenceStep(world as never, found.outcome)).toBe(result.steps);
      for (let i = 0; i < result.deviations.length; i++) {
        const fewer = result.deviations.filter((_, k) => k !== i);
        expect(
          occurrenceStep(replayDeviations(program, 'py39', fewer).world as never, found.outcome),
        ).toBeNull();
      }
    }
    expect(shrunk).toBeGreaterThan(5);
  });

  it('drops deviations that do not matter and cuts the schedule at the failure', () => {
    const minimal = explore(program, 'py39', { preemptions: Infinity }).minimal[
      'crash:RuntimeError@stuck'
    ];
    if (!minimal) throw new Error('the toy crash is reachable');
    const padded = [...minimal.deviations, [40, 0] as const, [41, 1] as const];
    const result = shrink(program, 'py39', padded, 'crash:RuntimeError@stuck');
    expect(result).toMatchObject({
      ok: true,
      preemptions: minimal.preemptions,
      steps: minimal.steps,
    });
  });

  it('says so when the schedule does not reach the outcome', () => {
    expect(shrink(program, 'py39', [], 'crash:RuntimeError@stuck')).toMatchObject({ ok: false });
  });
});
