import { describe, expect, it } from 'vitest';
import {
  defineListing,
  encodeSchedule,
  newThread,
  newWorld,
  ReplayScheduler,
  Run,
  type SwitchMode,
  type Program,
} from '../engine/index.ts';
import { counterRace, sleepers } from '../testing/toy.ts';
import { VARIANT_IDS } from '../scenarios/types.ts';
import { explore, Exploration, MAX_SLEEP_SET_THREADS, type ExploreResult } from './explore.ts';
import { occurrenceStep } from './outcomes.ts';
import { replayDeviations } from './replay.ts';
import { naiveEnumerate } from '../testing/naive.ts';
import { TOY_SCENARIO } from '../testing/toyScenario.ts';

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

/** Small programs with different shapes: plain races, atomic sections, crashes, sleeps and outside events. */
const PROGRAMS: readonly [string, Program<unknown>, SwitchMode][] = [
  ['counter 2x2 py311', counterRace(2, 2) as Program<unknown>, 'py311'],
  ['counter 3x1 py311', counterRace(3, 1) as Program<unknown>, 'py311'],
  ['atomic counter 2x2 py39', counterRace(2, 2, true) as Program<unknown>, 'py39'],
  ['atomic counter 2x2 py311', counterRace(2, 2, true) as Program<unknown>, 'py311'],
  ['sleepers with an outside event', sleepers([30, 50], 3, 70) as Program<unknown>, 'py311'],
  ...VARIANT_IDS.map(
    (v) =>
      [`toy ${v}`, TOY_SCENARIO.build(v, { steps: 2 }, 'py311'), 'py311'] as [
        string,
        Program<unknown>,
        SwitchMode,
      ],
  ),
  ['toy buggy py39', TOY_SCENARIO.build('buggy', { steps: 3 }, 'py39'), 'py39'],
];

const BOUNDS = [0, 1, 2, 3, Infinity];

/** Two threads, each incrementing its own counter `n` times: every step of one commutes with every step of the other. */
function disjointCounters(n: number): Program<unknown> {
  const listing = defineListing('d', 'd.py', 'def f():\n    mine += 1  #@inc');
  return {
    actors: ['a', 'b'],
    listings: { d: listing },
    instrs: {
      inc: {
        at: 'd:inc',
        preempt: true,
        run(c) {
          const state = c.world.state as Record<string, number>;
          state[c.thread.actor] = (state[c.thread.actor] ?? 0) + 1;
          if ((state[c.thread.actor] ?? 0) >= n) c.finish();
          else c.goto('inc');
        },
      },
    },
    invariants: [],
    fatalActors: [],
    horizon: { maxSteps: 1000, maxTimeMs: 1000 },
    init: () => newWorld([newThread('a', 'inc'), newThread('b', 'inc')], { a: 0, b: 0 }),
  };
}

describe('explore against naive enumeration', () => {
  it.each(PROGRAMS)(
    '%s: exact counts and minimal counterexamples at every bound',
    (_name, program, gil) => {
      for (const bound of BOUNDS) {
        const naive = naiveEnumerate(program, gil, bound);
        const result = explore(program, gil, { preemptions: bound });
        expect(result.complete).toBe(true);
        expect(result.schedules).toBe(naive.schedules);
        expect(result.crashing).toBe(naive.crashing);
        expect(result.violating).toBe(naive.violating);
        expect(result.byOutcome).toEqual(naive.byOutcome);
        const minimal = Object.fromEntries(
          Object.entries(result.minimal).map(([k, m]) => [
            k,
            { preemptions: m.preemptions, steps: m.steps },
          ]),
        );
        expect(minimal).toEqual(naive.minimal);
      }
    },
  );

  it.each(PROGRAMS)(
    '%s: with sleep sets every outcome of the naive enumeration is still found',
    (_name, program, gil) => {
      for (const bound of [Infinity, 3, 2, 1]) {
        const naive = naiveEnumerate(program, gil, bound);
        const reduced = explore(program, gil, { preemptions: bound, reduction: 'sleep-sets' });
        expect(reduced.complete).toBe(true);
        expect(Object.keys(reduced.byOutcome).sort()).toEqual(Object.keys(naive.byOutcome).sort());
        expect(reduced.schedules).toBeLessThanOrEqual(naive.schedules);
      }
    },
  );

  it('sleep sets explore one schedule per class of equivalent interleavings', () => {
    // Two threads that share nothing: C(8, 4) interleavings, all equivalent.
    const independent = disjointCounters(4);
    expect(explore(independent, 'py311', { preemptions: Infinity }).schedules).toBe(70);
    expect(
      explore(independent, 'py311', { preemptions: Infinity, reduction: 'sleep-sets' }).schedules,
    ).toBe(1);
  });
});

describe('minimal counterexamples', () => {
  it.each(PROGRAMS)(
    '%s: each replays to its outcome, which first holds at its last step',
    (_name, program, gil) => {
      const result = explore(program, gil, { preemptions: 3 });
      for (const [key, m] of Object.entries(result.minimal)) {
        const full = replayDeviations(program, gil, m.deviations);
        expect(occurrenceStep(full.world as never, key), key).toBe(m.steps);
        const cut = replayDeviations(program, gil, m.deviations, m.steps);
        expect(cut.deviations).toEqual(m.deviations.map(([p, t]) => [p, t]));
        if (key === 'ok' || key.startsWith('violation:metrics')) continue; // end-of-run checks hold only at the end
        expect(
          occurrenceStep(
            replayDeviations(program, gil, m.deviations, m.steps - 1).world as never,
            key,
          ),
        ).toBeNull();
      }
    },
  );
});

describe('running the search', () => {
  const program = TOY_SCENARIO.build('buggy', { steps: 4 }, 'py39');

  function strip(r: ExploreResult): Omit<ExploreResult, 'ms'> {
    const { ms: _ms, ...rest } = r;
    return rest;
  }

  it('in slices gives the same result as in one go', () => {
    const whole = explore(program, 'py39', { preemptions: 3 });
    const sliced = new Exploration(program, 'py39', { preemptions: 3 });
    let slices = 0;
    while (!sliced.runFor(0)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(strip(sliced.result())).toEqual(strip(whole));
  });

  it('the running totals at the end equal the final counts', () => {
    const exploration = new Exploration(program, 'py39', { preemptions: 3 });
    exploration.runFor(Infinity);
    const progress = exploration.progress();
    const result = exploration.result();
    expect(progress.schedules).toBe(result.schedules);
    expect(progress.byOutcome).toEqual(result.byOutcome);
    expect([progress.crashing, progress.violating]).toEqual([result.crashing, result.violating]);
  });

  it('reports progress and each outcome once, as found, with a schedule that reaches it', () => {
    const found: string[] = [];
    let reports = 0;
    const result = explore(program, 'py39', {
      preemptions: Infinity,
      progressEveryMs: 0,
      onProgress: () => reports++,
      onFound: (key, path) => {
        found.push(key);
        const world = replayDeviations(program, 'py39', path.deviations, path.steps).world;
        expect(occurrenceStep(world as never, key) ?? Infinity).toBeLessThanOrEqual(path.steps);
      },
    });
    expect(reports).toBeGreaterThan(0);
    expect(found.sort()).toEqual(Object.keys(result.byOutcome).sort());
  });

  it('stops when asked and keeps what it covered as lower bounds', () => {
    const full = explore(program, 'py39', { preemptions: Infinity });
    let polls = 0;
    const stopped = explore(program, 'py39', {
      preemptions: Infinity,
      shouldStop: () => ++polls > 3,
    });
    expect(stopped.complete).toBe(false);
    expect(stopped.stopped).toBe('cancelled');
    expect(stopped.schedules).toBeGreaterThan(0);
    expect(stopped.schedules).toBeLessThan(full.schedules);
    for (const [key, n] of Object.entries(stopped.byOutcome))
      expect(n).toBeLessThanOrEqual(full.byOutcome[key] ?? 0);
    const limited = explore(program, 'py39', { preemptions: Infinity, maxStates: 20 });
    expect(limited.stopped).toBe('max-states');
    expect(limited.states).toBe(20);
  });
});

describe('the sleep-set limit', () => {
  it('refuses sleep sets for more threads than a mask holds, and allows them without reduction', () => {
    const many = counterRace(MAX_SLEEP_SET_THREADS + 1, 1);
    expect(() => new Exploration(many, 'py311', { reduction: 'sleep-sets' })).toThrow(
      /at most 31 threads.*32/,
    );
    expect(() => new Exploration(many, 'py311', { maxStates: 10 })).not.toThrow();
    const most = counterRace(3, 1);
    expect(() => new Exploration(most, 'py311', { reduction: 'sleep-sets' })).not.toThrow();
  });
});
