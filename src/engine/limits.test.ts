import { describe, expect, it } from 'vitest';
import { counterRace } from '../testing/toy.ts';
import { enabledThreads } from './kernel.ts';
import { MAX_MASKED_STEP_INVARIANTS, MAX_THREADS } from './limits.ts';
import type { Invariant, Program } from './types.ts';

interface Counter {
  counter: number;
  increments: number;
}

function withStepInvariants<S>(program: Program<S>, n: number, masked: boolean): Program<S> {
  const invariants: Invariant<S>[] = Array.from({ length: n }, () => ({
    id: 'probe' as Invariant<S>['id'],
    when: 'step',
    check: () => null,
  }));
  return masked
    ? { ...program, invariants, stepInvariantMask: () => -1 }
    : { ...program, invariants };
}

describe('the limits the kernel packs into numbers', () => {
  it('prepare a program of exactly MAX_THREADS threads and refuse one more', () => {
    const most = counterRace(MAX_THREADS, 1);
    expect(enabledThreads(most, most.init())).toHaveLength(MAX_THREADS);
    const over = counterRace(MAX_THREADS + 1, 1);
    expect(() => enabledThreads(over, over.init())).toThrow(/at most 256 threads.*257/);
  });

  it('refuse a step-invariant mask over more than 31 step invariants, and allow 31', () => {
    const base: Program<Counter> = counterRace(2, 1);
    const most = withStepInvariants(base, MAX_MASKED_STEP_INVARIANTS, true);
    expect(() => enabledThreads(most, most.init())).not.toThrow();
    const over = withStepInvariants(base, MAX_MASKED_STEP_INVARIANTS + 1, true);
    expect(() => enabledThreads(over, over.init())).toThrow(/at most 31 step invariants.*32/);
  });

  it('allow any number of step invariants without a mask', () => {
    const many = withStepInvariants(counterRace(2, 1), 40, false);
    expect(() => enabledThreads(many, many.init())).not.toThrow();
  });
});
