import { describe, expect, it } from 'vitest';
import { enabledOf, enabledThreads, scanEnabled, stepWorld } from './kernel.ts';
import { Run } from './run.ts';
import { naturalChoice, naturalScheduler } from './scheduler/natural.ts';
import { RandomScheduler } from './scheduler/random.ts';
import { counterRace, sleepers } from '../testing/toy.ts';
import { lateEvents } from '../testing/lateEvents.ts';
import type { Program } from './types.ts';

describe('kernel', () => {
  it("checks the step invariants a program's mask names, and only those, and scans the natural choice", () => {
    const base = counterRace(2, 2);
    const always = (id: 'duplicate' | 'liveness') => ({
      id,
      when: 'step' as const,
      check: () => `${id} always reports`,
    });
    const program = {
      ...base,
      invariants: [always('duplicate'), always('liveness')],
      stepInvariantMask: () => 0b10,
    };
    const run = new Run(program, { gil: 'py311' });
    run.extend(naturalScheduler);
    expect(run.last.violations.map((v) => v.invariant)).toEqual(['liveness']);
    const unmasked = new Run({ ...program, stepInvariantMask: () => -1 }, { gil: 'py311' });
    unmasked.extend(naturalScheduler);
    expect(unmasked.last.violations.map((v) => v.invariant)).toEqual(['duplicate', 'liveness']);
  });

  it('the scan picks what naturalChoice picks, at every step of random runs', () => {
    const programs: Program<unknown>[] = [
      counterRace(3, 4) as Program<unknown>,
      sleepers([7, 11, 13], 6, 40) as Program<unknown>,
      lateEvents(
        [
          { periodMs: 30, workMs: 25, rounds: 4 },
          { periodMs: 70, workMs: 0, rounds: 3 },
        ],
        [{ atMs: 20, latestMs: 45 }, { atMs: 60, latestMs: 60, afterLogs: 3 }, { atMs: 10 }],
      ) as Program<unknown>,
    ];
    for (const program of programs) {
      for (let seed = 0; seed < 50; seed++) {
        const world = program.init();
        const rng = new RandomScheduler(seed);
        let scan = scanEnabled(program, world);
        while (scan.count > 0) {
          const enabled = enabledOf(scan);
          expect(scan.natural).toBe(naturalChoice(program, world, enabled));
          stepWorld(program, world, rng.choose(program, world, enabled), {
            gil: 'py311',
            recording: false,
          });
          scan = scanEnabled(program, world);
        }
      }
    }
  });

  it('natural time orders sleepers by their wake times and fires the event at its time', () => {
    const program = sleepers([30, 50], 3, 70);
    const run = new Run(program, { gil: 'py311' });
    run.extend(naturalScheduler);
    expect(run.last.state.log).toEqual([
      's0@0',
      's1@0',
      's0@30',
      's1@50',
      's0@60',
      'event@70',
      's1@100',
    ]);
  });

  it('the clock never goes backwards, whatever the scheduler picks', () => {
    for (let seed = 0; seed < 200; seed++) {
      const program = sleepers([7, 11, 13], 6, 40);
      const run = new Run(program, { gil: 'py311' });
      run.extend(new RandomScheduler(seed));
      for (let i = 1; i < run.length; i++)
        expect(run.timeAt(i)).toBeGreaterThanOrEqual(run.timeAt(i - 1));
      expect(run.ended).toBe(true);
    }
  });

  it('a sleeping thread is not enabled before its wake time while another thread is due', () => {
    const program = sleepers([100, 10], 5, 1_000_000);
    const world = program.init();
    stepWorld(program, world, 0, { gil: 'py311', recording: false }); // s0 logs
    stepWorld(program, world, 0, { gil: 'py311', recording: false }); // s0 sleeps until 100
    // s1 is due now; s0 is not; the outside event (due at 1,000,000) is later than the next moment.
    expect(enabledThreads(program, world)).toEqual([1]);
  });

  it('an outside event may fire early but never before its earliest time', () => {
    const program = sleepers([100], 2, 50);
    const world = program.init();
    stepWorld(program, world, 0, { gil: 'py311', recording: false });
    stepWorld(program, world, 0, { gil: 'py311', recording: false }); // sleeps until 100
    expect(enabledThreads(program, world)).toEqual([0, 1]);
    stepWorld(program, world, 1, { gil: 'py311', recording: false });
    expect(world.state.log).toContain('event@50');
  });

  it('py311 keeps a non-preemptible section atomic; py39 does not', () => {
    const atomic = counterRace(2, 1, true);
    const w = atomic.init();
    stepWorld(atomic, w, 0, { gil: 'py311', recording: false });
    expect(enabledThreads(atomic, w)).toEqual([0]);
    const w39 = atomic.init();
    stepWorld(atomic, w39, 0, { gil: 'py39', recording: false });
    expect(enabledThreads(atomic, w39)).toEqual([0, 1]);
  });

  it('records name the listing line of every step', () => {
    const run = new Run(counterRace(2, 1), { gil: 'py311' });
    run.extend(naturalScheduler);
    const records = run.records(0, run.length);
    expect(records.map((r) => `${r.actor}:${r.at}`)).toEqual([
      't0:toy:load',
      't0:toy:store',
      't1:toy:load',
      't1:toy:store',
    ]);
  });
});
