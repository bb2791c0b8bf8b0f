/**
 * Small real runs for the timeline's tests: the engine's toy programs, and a
 * miniature of the metrics race (docs/real-code.md#minimal-crash) written on the engine
 * with its Python dict, so dict and state lanes, the crash and the conflict
 * arrow come from real StepRecords rather than hand-written ones.
 */
import {
  defineListing,
  naturalScheduler,
  newThread,
  newWorld,
  Run,
  type Instr,
  type Plain,
  type Program,
} from '../engine/index.ts';
import {
  iterItems,
  newDict,
  next,
  setItem,
  type PyDict,
  type PyDictIter,
} from '../engine/python/dict.ts';
import { buildTimelineModel, type TimelineModel } from './model.ts';

interface MiniState {
  timers: PyDict;
  paused: boolean;
}

const LISTING = defineListing(
  'mini',
  'mini_metrics.py',
  `
def main():
    while True:
        timers[key] = 1          #@insert
        time.sleep(1)
def stuck():
    time.sleep(2)                #@sleep
    it = iter(timers.items())    #@iter
    for k, v in it:              #@next
        time.sleep(1)
`,
);

/** `main` inserts a key and flips a flag every ms; `stuck` iterates the dict slowly and dies of RuntimeError. */
export function miniMetricsRace(inserts = 6): Program<MiniState> {
  const instrs: Record<string, Instr<MiniState>> = {
    insert: {
      at: 'mini:insert',
      preempt: true,
      run(c) {
        const n = (c.thread.locals['n'] as number | undefined) ?? 0;
        const d = c.world.state.timers;
        setItem(d, `k${n}`, 1);
        c.emit({
          kind: 'dict',
          actor: c.thread.actor,
          dict: 'timers',
          op: 'insert',
          key: `k${n}`,
          value: 1,
          size: d.used,
        });
        const from = c.world.state.paused;
        c.world.state.paused = !from;
        c.emit({
          kind: 'state',
          actor: c.thread.actor,
          path: 'processor.is_paused',
          from: py(from),
          to: py(!from),
        });
        c.thread.locals['n'] = n + 1;
        if (n + 1 >= inserts) c.finish();
        else c.sleep(1, 'insert');
      },
    },
    sleep: { at: 'mini:sleep', preempt: true, run: (c) => c.sleep(2, 'iter') },
    iter: {
      at: 'mini:iter',
      preempt: true,
      run(c) {
        const it = iterItems(c.world.state.timers);
        c.thread.locals['it'] = it as unknown as Plain;
        c.emit({
          kind: 'dict',
          actor: c.thread.actor,
          dict: 'timers',
          op: 'iter',
          size: it.diUsed,
          recordedSize: it.diUsed,
        });
        c.goto('next');
      },
    },
    next: {
      at: 'mini:next',
      preempt: true,
      run(c) {
        const it = c.thread.locals['it'] as unknown as PyDictIter;
        const d = c.world.state.timers;
        const recorded = it.diUsed;
        const r = next(d, it);
        const key = r.kind === 'item' ? { key: r.key } : {};
        c.emit({
          kind: 'dict',
          actor: c.thread.actor,
          dict: 'timers',
          op: 'next',
          ...key,
          size: d.used,
          recordedSize: recorded,
        });
        if (r.kind === 'error') c.raise(r.type, r.message);
        else if (r.kind === 'stop') c.finish();
        else c.sleep(1, 'next');
      },
    },
  };
  const actors = ['main', 'stuck'];
  return {
    actors,
    instrs,
    listings: { mini: LISTING },
    invariants: [],
    fatalActors: [],
    horizon: { maxSteps: 10_000, maxTimeMs: 10_000 },
    init: () =>
      newWorld([newThread('main', 'insert'), newThread('stuck', 'sleep')], {
        timers: newDict(),
        paused: false,
      }),
  };
}

function py(b: boolean): string {
  return b ? 'True' : 'False';
}

/** Runs a program naturally and builds its timeline model from real records. */
export function modelOf<S>(program: Program<S>): { run: Run<S>; model: TimelineModel } {
  const run = new Run(program, { gil: 'py311' });
  run.extend(naturalScheduler);
  const model = buildTimelineModel({
    actors: program.actors,
    steps: run.records(0, run.length),
    crashes: run.last.crashes,
    violations: run.last.violations,
  });
  return { run, model };
}
