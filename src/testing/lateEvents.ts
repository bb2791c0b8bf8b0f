/**
 * A toy for the kernel's latest times (`Instr.latest` in engine/types.ts):
 * worker threads that each round log, work for a while (`spend`, which can
 * carry the clock past an event's latest time) and sleep; and outside events,
 * each due at `atMs`, with or without a latest time, and optionally pending
 * only once the workers have logged `afterLogs` times (a guard that becomes
 * true late, possibly after the latest time has passed).
 */
import { defineListing } from '../engine/listing.ts';
import { newThread, newWorld } from '../engine/kernel.ts';
import type { Instr, Program } from '../engine/types.ts';

export interface WorkerSpec {
  readonly periodMs: number;
  readonly workMs: number;
  readonly rounds: number;
}

export interface LateEventSpec {
  readonly atMs: number;
  /** Absent: the event never holds the clock back. */
  readonly latestMs?: number;
  /** The event is pending only once the workers have logged this many times. */
  readonly afterLogs?: number;
}

export interface LateState {
  /** `<actor>@<start time>` per step, in order. */
  log: string[];
  /** How many rounds the workers have logged. */
  logs: number;
}

const LATE_LISTING = defineListing(
  'late',
  'late.py',
  `
def worker():
    while True:
        log(name); work(); time.sleep(PERIOD)   #@work
def event():
    happen()                                    #@fire
`,
);

function workerStep(workers: readonly WorkerSpec[]): Instr<LateState> {
  return {
    at: 'late:work',
    preempt: true,
    run(c) {
      const spec = workers[c.threadIndex] as WorkerSpec;
      c.world.state.log.push(`${c.thread.actor}@${c.world.nowMs}`);
      c.world.state.logs += 1;
      c.spend(spec.workMs);
      const n = ((c.thread.locals['n'] as number | undefined) ?? 0) + 1;
      c.thread.locals['n'] = n;
      if (n >= spec.rounds) c.finish();
      else c.sleep(spec.periodMs, 'work');
    },
  };
}

function eventStep(spec: LateEventSpec): Instr<LateState> {
  const afterLogs = spec.afterLogs ?? 0;
  const latestMs = spec.latestMs;
  return {
    at: 'late:fire',
    outside: true,
    preempt: true,
    ...(afterLogs > 0 ? { guard: (w) => w.state.logs >= afterLogs } : {}),
    ...(latestMs !== undefined ? { latest: () => latestMs } : {}),
    run(c) {
      c.world.state.log.push(`${c.thread.actor}@${c.world.nowMs}`);
      c.finish();
    },
  };
}

/**
 * Workers `w0, w1, ...` then events `e0, e1, ...`, in that actor order. The
 * run ends at `maxTimeMs`, or when every thread is done.
 */
export function lateEvents(
  workers: readonly WorkerSpec[],
  events: readonly LateEventSpec[],
  maxTimeMs = 1_000_000,
): Program<LateState> {
  const instrs: Record<string, Instr<LateState>> = { work: workerStep(workers) };
  events.forEach((e, k) => (instrs[`fire${k}`] = eventStep(e)));
  return {
    actors: [...workers.map((_, i) => `w${i}`), ...events.map((_, k) => `e${k}`)],
    instrs,
    listings: { late: LATE_LISTING },
    invariants: [],
    fatalActors: [],
    horizon: { maxSteps: 10_000, maxTimeMs },
    init: () =>
      newWorld(
        [
          ...workers.map((_, i) => newThread(`w${i}`, 'work')),
          ...events.map((e, k) => newThread(`e${k}`, `fire${k}`, e.atMs)),
        ],
        { log: [], logs: 0 },
      ),
  };
}
