/**
 * Small programs with known behaviour, for testing the kernel, the schedulers
 * and the explorer: `counterRace(threads, steps)` runs `threads` threads that
 * each do `steps` unsynchronised increments of one shared counter, split into
 * a load and a store (the lost-update race); `sleepers` exercises the clock;
 * `independentSteps` has huge schedule counts over few states.
 */
import { defineListing } from '../engine/listing.ts';
import { newThread, newWorld } from '../engine/kernel.ts';
import type { Instr, Program } from '../engine/types.ts';

export interface CounterState {
  counter: number;
  increments: number;
}

const COUNTER_LISTING = defineListing(
  'toy',
  'toy.py',
  `
def worker():
    for _ in range(N):          #@loop
        tmp = counter           #@load
        counter = tmp + 1       #@store
`,
);

/**
 * Each thread takes exactly `2 * steps` steps (load, store) and every step is
 * a switch point, so two threads have C(4 * steps, 2 * steps) interleavings.
 */
export function counterRace(
  threads: number,
  steps: number,
  atomicIncrement = false,
): Program<CounterState> {
  const instrs: Record<string, Instr<CounterState>> = {
    load: {
      at: 'toy:load',
      preempt: !atomicIncrement,
      run(c) {
        const done = (c.thread.locals['done'] as number | undefined) ?? 0;
        if (done >= steps) return c.finish();
        c.thread.locals['tmp'] = c.world.state.counter;
        c.goto('store');
      },
    },
    store: {
      at: 'toy:store',
      preempt: true,
      run(c) {
        c.world.state.counter = (c.thread.locals['tmp'] as number) + 1;
        c.world.state.increments += 1;
        c.thread.locals['done'] = ((c.thread.locals['done'] as number | undefined) ?? 0) + 1;
        if ((c.thread.locals['done'] as number) >= steps) c.finish();
        else c.goto('load');
      },
    },
  };
  const actors = Array.from({ length: threads }, (_, i) => `t${i}`);
  return {
    actors,
    instrs,
    listings: { toy: COUNTER_LISTING },
    invariants: [
      {
        id: 'metrics-conservation',
        when: 'end',
        check: (w) =>
          w.state.counter === w.state.increments
            ? null
            : `counter is ${w.state.counter} after ${w.state.increments} increments`,
      },
    ],
    fatalActors: [],
    horizon: { maxSteps: 1_000_000, maxTimeMs: 1_000_000 },
    init: () =>
      newWorld(
        actors.map((a) => newThread(a, 'load')),
        { counter: 0, increments: 0 },
      ),
  };
}

export interface SleeperState {
  log: string[];
}

const SLEEPER_LISTING = defineListing(
  'sleepers',
  'sleepers.py',
  `
def sleeper():
    while True:
        log(name)               #@log
        time.sleep(PERIOD)      #@sleep
def event():
    join_group()                #@fire
`,
);

/** Threads that log and sleep with different periods, plus one outside event at `eventAtMs`. */
export function sleepers(
  periodsMs: readonly number[],
  rounds: number,
  eventAtMs: number,
): Program<SleeperState> {
  const instrs: Record<string, Instr<SleeperState>> = {
    log: {
      at: 'sleepers:log',
      preempt: true,
      run(c) {
        c.world.state.log.push(`${c.thread.actor}@${c.world.nowMs}`);
        const n = ((c.thread.locals['n'] as number | undefined) ?? 0) + 1;
        c.thread.locals['n'] = n;
        if (n >= rounds) c.finish();
        else c.goto('sleep');
      },
    },
    sleep: {
      at: 'sleepers:sleep',
      preempt: true,
      run(c) {
        const i = c.world.threads.indexOf(c.thread);
        c.sleep(periodsMs[i] ?? 1, 'log');
      },
    },
    fire: {
      at: 'sleepers:fire',
      outside: true,
      preempt: true,
      run(c) {
        c.world.state.log.push(`event@${c.world.nowMs}`);
        c.finish();
      },
    },
  };
  const actors = [...periodsMs.map((_, i) => `s${i}`), 'event'];
  return {
    actors,
    instrs,
    listings: { sleepers: SLEEPER_LISTING },
    invariants: [],
    fatalActors: [],
    horizon: { maxSteps: 100_000, maxTimeMs: 1_000_000 },
    init: () =>
      newWorld(
        [
          ...periodsMs.map((_, i) => newThread(`s${i}`, 'log')),
          newThread('event', 'fire', eventAtMs),
        ],
        {
          log: [],
        },
      ),
  };
}

const STEP_LISTING = defineListing(
  'steps',
  'steps.py',
  `
def worker():
    for _ in range(N):
        pass                    #@step
`,
);

/**
 * `threads` threads that each take `steps` steps touching nothing shared, every step a
 * switch point: (threads * steps)! / (steps!)^threads interleavings over only
 * (steps + 1)^threads worlds, so the explorer's memo counts past 2^53 in milliseconds.
 */
export function independentSteps(threads: number, steps: number): Program<null> {
  const instrs: Record<string, Instr<null>> = {
    step: {
      at: 'steps:step',
      preempt: true,
      run(c) {
        const done = ((c.thread.locals['done'] as number | undefined) ?? 0) + 1;
        c.thread.locals['done'] = done;
        if (done >= steps) c.finish();
        else c.goto('step');
      },
    },
  };
  const actors = Array.from({ length: threads }, (_, i) => `t${i}`);
  return {
    actors,
    instrs,
    listings: { steps: STEP_LISTING },
    invariants: [],
    fatalActors: [],
    horizon: { maxSteps: 1_000_000, maxTimeMs: 1_000_000 },
    init: () =>
      newWorld(
        actors.map((a) => newThread(a, 'step')),
        null,
      ),
  };
}
