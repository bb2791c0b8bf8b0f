/**
 * A fake scenario for component tests only (never imported by the app): two threads
 * increment a shared counter with a load and a store, then assert that no increment
 * was lost. The natural schedule passes; running the other thread between a load and
 * its store loses an update and the assertion fails. The `correct` variant makes the
 * increment atomic under a lock, so its listing differs from `buggy` by two lines.
 * `registerFakeScenario()` adds it to the shared catalogue and returns the undo.
 */
import {
  defineListing,
  newThread,
  newWorld,
  type Instr,
  type Listing,
  type Program,
} from '../engine/index.ts';
import { dictFrom, setItem, type PyDict } from '../engine/python/dict.ts';
import { SCENARIO_CATALOG, type ScenarioMeta } from '../scenarios/catalog.ts';
import { SCENARIOS, type ScenarioDef, type VariantId } from '../scenarios/index.ts';

export const FAKE_ID = 'toy-counter';

interface ToyState {
  counter: number;
  increments: number;
  done: PyDict;
}

const BUGGY_SOURCE = `
def worker():
    for _ in range(N):                    #@loop
        tmp = counter                     #@load
        counter = tmp + 1                 #@store
    # every increment stored so far must show
    assert counter == stored, "lost an update" #@check
`;

const CORRECT_SOURCE = `
def worker():
    for _ in range(N):                    #@loop
        with lock:
            tmp = counter                 #@load
            counter = tmp + 1             #@store
    # every increment stored so far must show
    assert counter == stored, "lost an update" #@check
`;

function listingFor(variant: VariantId): Listing {
  return defineListing(
    'toy',
    'toy/counter.py (model)',
    variant === 'correct' ? CORRECT_SOURCE : BUGGY_SOURCE,
  );
}

export function fakeProgram(variant: VariantId, increments: number): Program<unknown> {
  const atomic = variant === 'correct';
  const instrs: Record<string, Instr<ToyState>> = {
    load: {
      at: 'toy:load',
      preempt: !atomic,
      run(c) {
        const done = (c.thread.locals['done'] as number | undefined) ?? 0;
        if (done >= increments) return c.goto('check');
        c.thread.locals['tmp'] = c.world.state.counter;
        c.narrate(`${c.thread.actor} reads counter = ${c.world.state.counter}.`);
        c.goto('store');
      },
    },
    store: {
      at: 'toy:store',
      preempt: true,
      run(c) {
        const value = (c.thread.locals['tmp'] as number) + 1;
        if (c.recording) {
          c.emit({
            kind: 'state',
            actor: c.thread.actor,
            path: 'counter',
            from: String(c.world.state.counter),
            to: String(value),
          });
        }
        c.world.state.counter = value;
        c.world.state.increments += 1;
        const done = ((c.thread.locals['done'] as number | undefined) ?? 0) + 1;
        c.thread.locals['done'] = done;
        setItem(c.world.state.done, c.thread.actor, done);
        c.narrate(`${c.thread.actor} writes counter = ${value}.`);
        c.spend(1);
        c.goto(done >= increments ? 'check' : 'load');
      },
    },
    check: {
      at: 'toy:check',
      preempt: true,
      run(c) {
        if (c.world.state.counter !== c.world.state.increments) {
          return c.raise('AssertionError', 'lost an update');
        }
        c.narrate(`${c.thread.actor} checks the counter and finishes.`);
        c.finish();
      },
    },
  };
  const actors = ['t0', 't1'];
  const program: Program<ToyState> = {
    actors,
    instrs,
    listings: { toy: listingFor(variant) },
    invariants: [
      {
        id: 'metrics-conservation',
        when: 'step',
        check: (w) =>
          w.state.counter === w.state.increments
            ? null
            : `counter is ${w.state.counter} after ${w.state.increments} increments`,
      },
    ],
    fatalActors: actors,
    horizon: { maxSteps: 1000, maxTimeMs: 100_000 },
    init: () =>
      newWorld(
        actors.map((a) => newThread(a, 'load')),
        { counter: 0, increments: 0, done: dictFrom([]) },
      ),
  };
  return program as Program<unknown>;
}

export const FAKE_SCENARIO: ScenarioDef = {
  id: FAKE_ID,
  version: 1,
  race: 'B',
  title: 'Toy counter',
  summary: 'Two threads add one to a shared counter without a lock.',
  provenance: {
    kind: 'what-if',
    text: 'A toy for tests, not from any incident.',
    refs: [],
  },
  seedScenario: null,
  actors: [
    { id: 't0', label: 'Thread 0' },
    { id: 't1', label: 'Thread 1' },
  ],
  params: [
    {
      id: 'increments',
      label: 'Increments per thread',
      unit: 'increments',
      defaultValue: 2,
      min: 1,
      max: 5,
      description: 'How many times each thread adds one.',
    },
  ],
  expected: {
    buggy: 'lost update reachable',
    'seed-fix': 'lost update reachable',
    upstream: 'lost update reachable',
    correct: 'never loses',
  },
  build: (variant, params) => fakeProgram(variant, params['increments'] ?? 2),
};

/** Adds the fake scenario to the catalogue for one test file; returns the undo. */
export function registerFakeScenario(): () => void {
  // Both lists: the full one (the lab builds from it) and the metadata one (links, landing).
  const lists = [SCENARIOS as ScenarioDef[], SCENARIO_CATALOG as ScenarioMeta[]];
  for (const list of lists) if (!list.includes(FAKE_SCENARIO)) list.push(FAKE_SCENARIO);
  return () => {
    for (const list of lists) {
      const i = list.indexOf(FAKE_SCENARIO);
      if (i >= 0) list.splice(i, 1);
    }
  };
}

/**
 * The schedule string of a buggy run that loses an update and crashes: thread 1 runs
 * between thread 0's load and store. Needs the fake scenario registered.
 */
export async function crashingSchedule(): Promise<string> {
  const { simulate } = await import('../scenarios/simulate.ts');
  const { encodeSchedule, naturalScheduler } = await import('../engine/index.ts');
  const sim = simulate({ scenario: FAKE_ID, variant: 'buggy' });
  if (!sim.ok) throw new Error(sim.error);
  const { run, def, tag } = sim.value;
  run.stepWith(1, 1);
  run.extend(naturalScheduler);
  if (run.last.crashes.length === 0) throw new Error('the fake run did not crash');
  return encodeSchedule(run.schedule(def.version, tag));
}
