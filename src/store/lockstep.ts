/**
 * The split view's second run: the same interleaving, thread for thread, on another
 * variant (`LockstepScheduler`), and the first step where the two runs part ways.
 * Two steps agree when the same thread runs the same line (the same `listing:anchor`,
 * so a line that only moved because the fix added lines above it still agrees) and
 * neither step crashes or breaks an invariant that the other does not.
 */
import { LockstepScheduler, Run, type Program } from '../engine/index.ts';

export interface Divergence {
  /** Index of the first step that differs (0-based); its cursor is `step + 1`. */
  readonly step: number;
  readonly reason: string;
}

/** Replays `threads` (one thread index per step) on `program` and returns that run. */
export function lockstepRun<S>(
  program: Program<S>,
  gil: Run<S>['gil'],
  threads: ArrayLike<number>,
): { readonly run: Run<S>; readonly forced: readonly number[] } {
  const run = new Run(program, { gil });
  const scheduler = new LockstepScheduler(threads);
  run.extend(scheduler, threads.length);
  return { run, forced: scheduler.divergences };
}

/** The first step where runs `a` and `b` differ, or null if they agree throughout. */
export function firstDivergence<A, B>(a: Run<A>, b: Run<B>): Divergence | null {
  const n = Math.min(a.length, b.length);
  const crashA = crashSteps(a);
  const crashB = crashSteps(b);
  const brokeA = violationSteps(a);
  const brokeB = violationSteps(b);
  for (let i = 0; i < n; i++) {
    const ta = a.threadAt(i);
    const tb = b.threadAt(i);
    if (ta !== tb) {
      return {
        step: i,
        reason: `${actor(a, ta)} runs on one side and ${actor(b, tb)} on the other`,
      };
    }
    const atA = lineOf(a, i);
    const atB = lineOf(b, i);
    if (atA !== atB) return { step: i, reason: `${actor(a, ta)} runs different lines` };
    if (crashA.has(i) !== crashB.has(i)) {
      return { step: i, reason: `${actor(a, ta)} raises on one side only` };
    }
    if ((brokeA.get(i + 1) ?? '') !== (brokeB.get(i + 1) ?? '')) {
      return { step: i, reason: 'an invariant breaks on one side only' };
    }
  }
  if (a.length !== b.length) {
    return { step: n, reason: `one run ends after ${n} steps and the other goes on` };
  }
  return null;
}

function lineOf<S>(run: Run<S>, step: number): string {
  return run.program.instrs[run.pcAt(step)]?.at ?? run.pcAt(step);
}

function actor<S>(run: Run<S>, thread: number): string {
  return run.program.actors[thread] ?? `thread ${thread}`;
}

function crashSteps<S>(run: Run<S>): Set<number> {
  return new Set(run.last.crashes.map((c) => c.step));
}

function violationSteps<S>(run: Run<S>): Map<number, string> {
  const out = new Map<number, string>();
  for (const v of run.last.violations) {
    out.set(v.step, [out.get(v.step), v.invariant].filter(Boolean).join(','));
  }
  return out;
}
