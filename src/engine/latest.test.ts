/**
 * Latest times of outside events (types.ts `Instr.latest`, the kernel's header):
 * a pending event holds the clock at its latest time, an overdue one fires
 * before the clock moves on, natural runs are the same with or without latest
 * times, and a program without them is scanned exactly as before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enabledThreads, stepWorld } from './kernel.ts';
import { instrOf } from './prepared.ts';
import { Run } from './run.ts';
import { naturalScheduler } from './scheduler/natural.ts';
import { RandomScheduler } from './scheduler/random.ts';
import type { Program, World } from './types.ts';
import {
  lateEvents,
  type LateEventSpec,
  type LateState,
  type WorkerSpec,
} from '../testing/lateEvents.ts';

const STEP = { gil: 'py311', recording: false } as const;

/** The rule as the kernel's header states it, written out plainly. */
function specEnabled(program: Program<LateState>, world: World<LateState>): number[] {
  if (world.ended) return [];
  const now = world.nowMs;
  const ready = world.threads.flatMap((t, i) => {
    if (t.status !== 'ready') return [];
    const instr = instrOf(program, t, i);
    return instr.guard === null || instr.guard(world, t) ? [{ t, i, instr }] : [];
  });
  const busy = ready.filter((c) => !c.instr.outside);
  const due = busy.some((c) => c.t.wakeAtMs <= now);
  const h0 = due ? now : Math.min(Infinity, ...busy.map((c) => c.t.wakeAtMs));
  const latest = ready.flatMap((c) =>
    c.instr.latest === null ? [] : [Math.max(c.instr.latest(world, c.t), c.t.wakeAtMs)],
  );
  const horizon = Math.min(h0, Math.max(now, Math.min(Infinity, ...latest)));
  return ready
    .filter((c) => c.t.wakeAtMs <= horizon || (c.instr.outside && horizon === Infinity))
    .map((c) => c.i);
}

/** The same program with every latest time left out. */
function withoutLatest(events: readonly LateEventSpec[]): LateEventSpec[] {
  return events.map((e) => ({ atMs: e.atMs, ...(e.afterLogs ? { afterLogs: e.afterLogs } : {}) }));
}

const workerArb: fc.Arbitrary<WorkerSpec> = fc.record({
  periodMs: fc.integer({ min: 1, max: 200 }),
  workMs: fc.integer({ min: 0, max: 60 }),
  rounds: fc.integer({ min: 1, max: 4 }),
});
const eventArb: fc.Arbitrary<LateEventSpec> = fc
  .record({
    atMs: fc.integer({ min: 0, max: 400 }),
    // Some latest times lie before the nominal time: they count as the nominal time.
    slack: fc.option(fc.integer({ min: -50, max: 200 }), { nil: undefined }),
    afterLogs: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ atMs, slack, afterLogs }) => ({
    atMs,
    ...(slack === undefined ? {} : { latestMs: atMs + slack }),
    ...(afterLogs > 0 ? { afterLogs } : {}),
  }));
const configArb = fc.record({
  workers: fc.array(workerArb, { minLength: 1, maxLength: 3 }),
  events: fc.array(eventArb, { minLength: 0, maxLength: 3 }),
  seed: fc.nat(),
});

describe('latest times of outside events', () => {
  it('a pending event with a latest time holds the clock there; without one it does not', () => {
    const at = (latestMs?: number) => {
      const program = lateEvents(
        [{ periodMs: 100, workMs: 0, rounds: 2 }],
        [{ atMs: 50, ...(latestMs === undefined ? {} : { latestMs }) }],
      );
      const world = program.init();
      stepWorld(program, world, 0, STEP); // w0 logs at 0 and sleeps until 100
      return enabledThreads(program, world);
    };
    // The worker's next step would start at 100, after the event's latest time (80).
    expect(at(80)).toEqual([1]);
    // At 100 or later, the worker may go first: the clock stops at 100 anyway.
    expect(at(100)).toEqual([0, 1]);
    expect(at(undefined)).toEqual([0, 1]);
  });

  it('the event fires before a long sleep passes its latest time, in every schedule', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const program = lateEvents(
          [{ periodMs: 1000, workMs: 0, rounds: 3 }],
          [{ atMs: 50, latestMs: 120 }],
        );
        const run = new Run(program, { gil: 'py311' });
        run.extend(new RandomScheduler(seed));
        const log = run.last.state.log;
        const fired = log.findIndex((entry) => entry.startsWith('e0@'));
        expect(fired).toBeGreaterThanOrEqual(0);
        const time = Number(log[fired]?.slice(3));
        expect(time).toBeGreaterThanOrEqual(50);
        expect(time).toBeLessThanOrEqual(120);
        expect(log.indexOf('w0@1000')).toBeGreaterThan(fired);
      }),
      { numRuns: 100 },
    );
  });

  it('an event overdue because a step spent past its latest time fires before the clock moves', () => {
    const enabledAfterWork = (latestMs?: number) => {
      const program = lateEvents(
        [{ periodMs: 10, workMs: 500, rounds: 2 }],
        [{ atMs: 0, ...(latestMs === undefined ? {} : { latestMs }) }],
      );
      const world = program.init();
      stepWorld(program, world, 0, STEP); // logs at 0, works until 500, sleeps until 510
      expect(world.nowMs).toBe(500);
      return enabledThreads(program, world);
    };
    expect(enabledAfterWork(100)).toEqual([1]);
    expect(enabledAfterWork(undefined)).toEqual([0, 1]);
  });

  it('an event whose guard becomes true after its latest time fires before the clock moves', () => {
    const program = lateEvents(
      [{ periodMs: 300, workMs: 0, rounds: 3 }],
      [{ atMs: 0, latestMs: 100, afterLogs: 2 }],
    );
    const world = program.init();
    stepWorld(program, world, 0, STEP); // logs at 0; the event is not pending yet
    expect(enabledThreads(program, world)).toEqual([0]);
    stepWorld(program, world, 0, STEP); // logs at 300; the event is pending and overdue
    expect(enabledThreads(program, world)).toEqual([1]);
    const run = new Run(program, { gil: 'py311' });
    run.extend(new RandomScheduler(1));
    expect(run.last.state.log).toEqual(['w0@0', 'w0@300', 'e0@300', 'w0@600']);
  });

  it('at every step of random runs, the scan enables exactly what the rule says', () => {
    fc.assert(
      fc.property(configArb, ({ workers, events, seed }) => {
        for (const program of [
          lateEvents(workers, events),
          lateEvents(workers, withoutLatest(events)),
        ]) {
          const world = program.init();
          const rng = new RandomScheduler(seed);
          for (let enabled = enabledThreads(program, world); enabled.length > 0;) {
            expect(enabled).toEqual(specEnabled(program, world));
            stepWorld(program, world, rng.choose(program, world, enabled), STEP);
            enabled = enabledThreads(program, world);
          }
          expect(specEnabled(program, world)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every event whose latest time passed before the run ended happened by then', () => {
    // No work and no late guards here: the clock moves only when a step starts.
    const plainArb = fc.record({
      workers: fc.array(workerArb, { minLength: 1, maxLength: 3 }),
      events: fc.array(eventArb, { minLength: 1, maxLength: 3 }),
      maxTimeMs: fc.integer({ min: 50, max: 600 }),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(plainArb, ({ workers, events, maxTimeMs, seed }) => {
        const plainWorkers = workers.map((w) => ({ ...w, workMs: 0 }));
        const plainEvents = events.map((e) => ({ ...e, afterLogs: 0 }));
        const run = new Run(lateEvents(plainWorkers, plainEvents, maxTimeMs), { gil: 'py311' });
        run.extend(new RandomScheduler(seed));
        const endMs = run.last.nowMs;
        plainEvents.forEach((e, k) => {
          if (e.latestMs === undefined) return;
          const latestMs = Math.max(e.latestMs, e.atMs);
          const entry = run.last.state.log.find((x) => x.startsWith(`e${k}@`));
          if (latestMs < endMs) expect(entry).toBeDefined();
          if (entry)
            expect(Number(entry.slice(entry.indexOf('@') + 1))).toBeLessThanOrEqual(latestMs);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('natural runs are the same with and without latest times', () => {
    fc.assert(
      fc.property(configArb, ({ workers, events }) => {
        const natural = (evs: readonly LateEventSpec[]) => {
          const run = new Run(lateEvents(workers, evs), { gil: 'py311' });
          run.extend(naturalScheduler);
          return run.last.state.log;
        };
        expect(natural(events)).toEqual(natural(withoutLatest(events)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a latest time on a step that is not an outside event', () => {
    const program = lateEvents([{ periodMs: 1, workMs: 0, rounds: 1 }], []);
    const work = program.instrs['work'];
    if (!work) throw new Error('the toy has a work step');
    const broken = { ...program, instrs: { work: { ...work, latest: () => 5 } } };
    expect(() => enabledThreads(broken, broken.init())).toThrow(
      /latest time but is not an outside event/,
    );
  });
});
