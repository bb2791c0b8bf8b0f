/**
 * Manual scheduling helpers for tests and tours of the race B world: step one
 * named thread until a condition holds, the way a person drives the stepper
 * ("run the detector until it is about to call flush()"). Each helper fails
 * loudly, naming the thread and its line, if the thread cannot step or the
 * condition never comes.
 */
import type { Run } from '../../engine/run.ts';
import type { ThreadState } from '../../engine/types.ts';
import type { MetricsState } from './state.ts';

export const MAIN = 0;
export const STUCK = 1;

export function threadOf(run: Run<MetricsState>, t: number): ThreadState {
  const thread = run.last.threads[t];
  if (!thread) throw new Error(`no thread ${t}`);
  return thread;
}

export function canStep(run: Run<MetricsState>, t: number): boolean {
  return run.enabledAt(run.length).includes(t);
}

/** One step of thread `t`; throws if it cannot step now. */
export function stepThread(run: Run<MetricsState>, t: number): void {
  if (!run.stepWith(t)) {
    const th = threadOf(run, t);
    throw new Error(
      `${th.actor} cannot step at ${th.pc} (step ${run.length}, ${run.last.nowMs} ms)`,
    );
  }
}

/** Steps thread `t` until `done` holds (checked before each step). */
export function stepUntil(
  run: Run<MetricsState>,
  t: number,
  done: (run: Run<MetricsState>) => boolean,
  maxSteps = 500,
): void {
  for (let i = 0; i < maxSteps; i++) {
    if (done(run)) return;
    stepThread(run, t);
  }
  throw new Error(`${threadOf(run, t).actor}: condition not reached in ${maxSteps} steps`);
}

/** Steps thread `t` until it is about to execute `pc` (optionally at a given call depth). */
export function stepTo(run: Run<MetricsState>, t: number, pc: string, depth?: number): void {
  stepUntil(run, t, (r) => {
    const th = threadOf(r, t);
    return th.pc === pc && (depth === undefined || th.stack.length === depth);
  });
}

/**
 * Steps whichever thread is ready, preferring `prefer`, until `done` holds:
 * the other thread only moves while `prefer` cannot.
 */
export function stepPreferring(
  run: Run<MetricsState>,
  prefer: number,
  done: (run: Run<MetricsState>) => boolean,
  maxSteps = 500,
): void {
  for (let i = 0; i < maxSteps; i++) {
    if (done(run)) return;
    const enabled = run.enabledAt(run.length);
    const t = enabled.includes(prefer) ? prefer : enabled[0];
    if (t === undefined) throw new Error('no thread can step');
    stepThread(run, t);
  }
  throw new Error(`condition not reached in ${maxSteps} steps`);
}
