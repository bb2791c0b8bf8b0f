import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastHash } from './hash.ts';
import { Run } from './run.ts';
import { encodeSchedule, decodeSchedule } from './schedule.ts';
import { PctScheduler } from './scheduler/pct.ts';
import { RandomScheduler } from './scheduler/random.ts';
import { ReplayScheduler } from './scheduler/replay.ts';
import { counterRace } from '../testing/toy.ts';
import { traceHash, traceOf } from './trace.ts';

const expected = { scenarioId: 'toy', scenarioVersion: 1, tag: 't', threads: 3 };

describe('runs, replay and time travel', () => {
  it('any run replayed from its schedule string gives the identical trace', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 6 }), fc.boolean(), (seed, steps, pct) => {
        const program = counterRace(3, steps);
        const run = new Run(program, { gil: 'py311', checkpointEvery: 4 });
        run.extend(pct ? new PctScheduler(seed, 3, steps * 6) : new RandomScheduler(seed));
        const text = encodeSchedule(run.schedule(1, 't'));
        const decoded = decodeSchedule(text, expected);
        if (!decoded.ok) throw new Error(decoded.error);
        const replay = new Run(program, { gil: 'py311', checkpointEvery: 7 });
        replay.extend(
          new ReplayScheduler(new Map(decoded.value.deviations.map(([p, t]) => [p, t]))),
          decoded.value.steps,
        );
        expect(traceHash(traceOf(replay))).toBe(traceHash(traceOf(run)));
        expect(replay.last.state).toEqual(run.last.state);
      }),
      { numRuns: 200 },
    );
  });

  it('time travel to any step equals replaying forward to it', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (seed, pick) => {
        const program = counterRace(2, 20);
        const run = new Run(program, { gil: 'py311', checkpointEvery: 8 });
        run.extend(new RandomScheduler(seed));
        const target = pick % (run.length + 1);
        const forward = program.init();
        const slow = new Run(program, { gil: 'py311', checkpointEvery: 1_000_000 });
        for (let i = 0; i < target; i++) slow.stepWith(run.threadAt(i));
        expect(fastHash(run.worldAt(target))).toBe(fastHash(slow.worldAt(target)));
        expect(forward.step).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it("a long run keeps every step's thread, time and line, and forks, past the short-run columns", () => {
    // 10,000 steps: columns start as plain arrays and move to typed arrays at 4,096.
    const program = counterRace(2, 2500);
    const run = new Run(program, { gil: 'py311', checkpointEvery: 300 });
    run.extend(new RandomScheduler(11));
    expect(run.length).toBe(10_000);
    const records = run.records(0, run.length);
    records.forEach((r, i) => {
      expect(run.pcAt(i)).toBe(r.at === 'toy:load' ? 'load' : 'store');
      expect(run.timeAt(i)).toBe(r.timeMs);
      expect(program.actors[run.threadAt(i)]).toBe(r.actor);
    });
    const threads = run.threadsPerStep();
    expect(threads).toBeInstanceOf(Uint8Array);
    expect(Array.from(threads)).toEqual(records.map((r) => program.actors.indexOf(r.actor)));
    const replay = new Run(program, { gil: 'py311' });
    for (const t of threads) expect(replay.stepWith(t)).toBe(true);
    expect(replay.schedule(1, 't')).toEqual(run.schedule(1, 't'));
    // A fork below the first checkpoint replays from a fresh init().
    const other = 1 - run.threadAt(100);
    expect(run.stepWith(other, 100)).toBe(true);
    expect(run.length).toBe(101);
    expect(fastHash(run.worldAt(50))).toBe(fastHash(replay.worldAt(50)));
  });

  it('after forking anywhere and running on, time travel still equals replaying forward', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (seed, at, pick, every) => {
          const program = counterRace(2, 12);
          const run = new Run(program, { gil: 'py311', checkpointEvery: every });
          run.extend(new RandomScheduler(seed));
          const fork = at % run.length;
          const enabled = run.enabledAt(fork);
          run.stepWith(enabled[pick % enabled.length] as number, fork);
          run.extend(new RandomScheduler(seed + 1));
          const replay = new Run(program, { gil: 'py311', checkpointEvery: 1_000_000 });
          for (const t of run.threadsPerStep()) expect(replay.stepWith(t)).toBe(true);
          for (let k = 0; k <= run.length; k++)
            expect(fastHash(run.worldAt(k))).toBe(fastHash(replay.worldAt(k)));
          expect(run.schedule(1, 't')).toEqual(replay.schedule(1, 't'));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('forking at a step keeps the prefix and drops the rest', () => {
    const run = new Run(counterRace(2, 3), { gil: 'py311', checkpointEvery: 2 });
    run.extend(new RandomScheduler(7));
    const before = Array.from({ length: 5 }, (_, i) => run.threadAt(i));
    const other = 1 - run.threadAt(5);
    expect(run.stepWith(other, 5)).toBe(true);
    expect(run.length).toBe(6);
    expect(Array.from({ length: 5 }, (_, i) => run.threadAt(i))).toEqual(before);
    expect(run.threadAt(5)).toBe(other);
  });

  it('the lost update of the counter race is found by some schedules and not by the natural one', () => {
    const program = counterRace(2, 1);
    let lost = 0;
    for (let seed = 0; seed < 100; seed++) {
      const run = new Run(program, { gil: 'py311' });
      run.extend(new RandomScheduler(seed));
      if (run.last.violations.length > 0) lost++;
    }
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThan(100);
  });
});
