/**
 * A small scenario for the explorer's and the CLI's tests, independent of the
 * real worlds: `main` makes `steps` unsynchronised increments of a shared
 * counter (load, store) while `stuck` makes one increment and then reads the
 * counter twice, raising RuntimeError if it moved in between (like a dict
 * iterator noticing a size change). Variants: `buggy` has both races (a crash
 * in `stuck`, lost updates), `seed-fix` only the lost updates, `upstream` and
 * `correct` neither under py311 (the increment is one non-preemptible step).
 */
import {
  defineListing,
  newThread,
  newWorld,
  type SwitchMode,
  type Instr,
  type Program,
} from '../engine/index.ts';
import type { Params, ScenarioDef, VariantId } from '../scenarios/types.ts';

interface ToyState {
  counter: number;
  increments: number;
}

const LISTING = defineListing(
  'toy',
  'toy.py (model)',
  `
def worker():
    for _ in range(N):
        tmp = counter           #@load
        counter = tmp + 1       #@store
def check():
    tmp = counter               #@s.load
    counter = tmp + 1           #@s.store
    before = counter            #@s.read1
    if counter != before:       #@s.read2
        raise RuntimeError("counter changed during check")
`,
);

function program(variant: VariantId, params: Params): Program<ToyState> {
  const steps = params['steps'] ?? 2;
  const split = variant === 'buggy' || variant === 'seed-fix';
  const raises = variant === 'buggy';
  const increment = (
    prefix: string,
    next: (c: Parameters<Instr<ToyState>['run']>[0]) => void,
  ): Record<string, Instr<ToyState>> => ({
    [`${prefix}load`]: {
      at: `toy:${prefix}load`,
      preempt: split,
      run(c) {
        c.thread.locals['tmp'] = c.world.state.counter;
        c.goto(`${prefix}store`);
      },
    },
    [`${prefix}store`]: {
      at: `toy:${prefix}store`,
      preempt: true,
      run(c) {
        c.world.state.counter = (c.thread.locals['tmp'] as number) + 1;
        c.world.state.increments += 1;
        c.spend(1);
        next(c);
      },
    },
  });
  const instrs: Record<string, Instr<ToyState>> = {
    ...increment('', (c) => {
      const done = ((c.thread.locals['done'] as number | undefined) ?? 0) + 1;
      c.thread.locals['done'] = done;
      if (done >= steps) c.finish();
      else c.goto('load');
    }),
    ...increment('s.', (c) => c.goto('s.read1')),
    's.read1': {
      at: 'toy:s.read1',
      preempt: true,
      run(c) {
        c.thread.locals['before'] = c.world.state.counter;
        c.goto('s.read2');
      },
    },
    's.read2': {
      at: 'toy:s.read2',
      preempt: true,
      run(c) {
        if (raises && c.world.state.counter !== c.thread.locals['before']) {
          return c.raise('RuntimeError', 'counter changed during check');
        }
        c.finish();
      },
    },
  };
  return {
    actors: ['main', 'stuck'],
    instrs,
    listings: { toy: LISTING },
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
    fatalActors: ['main'],
    horizon: { maxSteps: 10_000, maxTimeMs: 100_000 },
    init: () =>
      newWorld([newThread('main', 'load'), newThread('stuck', 's.load')], {
        counter: 0,
        increments: 0,
      }),
  };
}

export const TOY_SCENARIO: ScenarioDef = {
  id: 'toy-counter',
  version: 1,
  race: 'B',
  title: 'Toy counter race',
  summary: 'Two threads increment a counter; one of them checks that it did not move.',
  provenance: { kind: 'what-if', text: 'A test fixture, not a real scenario.', refs: [] },
  seedScenario: null,
  actors: [
    { id: 'main', label: 'main thread' },
    { id: 'stuck', label: 'checker thread' },
  ],
  params: [
    {
      id: 'steps',
      label: 'Increments by main',
      unit: 'increments',
      defaultValue: 2,
      min: 1,
      max: 8,
      description: 'How many times main increments.',
    },
  ],
  expected: {
    buggy: 'RuntimeError reachable in stuck; lost updates reachable',
    'seed-fix': 'never raises; lost updates reachable',
    upstream: 'never raises, counts conserved (py311)',
    correct: 'never raises, counts conserved (py311)',
  },
  build: (variant: VariantId, params: Params, _gil: SwitchMode) =>
    program(variant, params) as Program<unknown>,
};
