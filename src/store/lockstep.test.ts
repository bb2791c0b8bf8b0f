import { describe, expect, it } from 'vitest';
import { RandomScheduler, Run } from '../engine/index.ts';
import { counterRace } from '../testing/toy.ts';
import { fakeProgram } from '../testing/fakeScenario.ts';
import { firstDivergence, lockstepRun } from './lockstep.ts';

describe('lockstep runs and their first divergence', () => {
  it('a run replayed on the same program agrees everywhere', () => {
    const program = counterRace(2, 3);
    const run = new Run(program, { gil: 'py311' });
    run.extend(new RandomScheduler(3));
    const { run: twin, forced } = lockstepRun(program, 'py311', run.threadsPerStep());
    expect(forced).toEqual([]);
    expect(firstDivergence(run, twin)).toBeNull();
  });

  it('finds where the buggy run crashes and the fixed one does not', () => {
    const buggy = new Run(fakeProgram('buggy', 1), { gil: 'py311' });
    buggy.stepWith(0); // t0 load
    buggy.stepWith(1); // t1 load
    buggy.stepWith(0); // t0 store
    buggy.stepWith(1); // t1 store: lost update
    buggy.stepWith(0); // t0 check: AssertionError
    expect(buggy.last.crashes).toHaveLength(1);
    const { run: fixed, forced } = lockstepRun(
      fakeProgram('correct', 1),
      'py311',
      buggy.threadsPerStep(),
    );
    // Under the lock t0's load and store are one section: t1 cannot run at step 1.
    expect(forced).toContain(1);
    const d = firstDivergence(buggy, fixed);
    expect(d?.step).toBe(1);
    expect(d?.reason).toMatch(/t1 runs on one side and t0 on the other/);
  });

  it('a shorter run diverges where it ends', () => {
    const program = counterRace(2, 2);
    const long = new Run(program, { gil: 'py311' });
    long.extend(new RandomScheduler(1));
    const short = new Run(program, { gil: 'py311' });
    for (let i = 0; i < 3; i++) short.stepWith(long.threadAt(i));
    expect(firstDivergence(long, short)).toEqual({
      step: 3,
      reason: `one run ends after 3 steps and the other goes on`,
    });
  });
});
