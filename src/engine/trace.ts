/**
 * A trace is every step record of a run plus how it ended. Two runs are the
 * same run exactly when their trace hashes are equal (the determinism tests
 * compare these across Node, the browser and a worker).
 */
import { fastHash } from './hash.ts';
import type { Run } from './run.ts';
import type { StepRecord } from './types.ts';

export interface Trace {
  readonly steps: readonly StepRecord[];
  readonly endTimeMs: number;
  readonly crashes: readonly {
    readonly type: string;
    readonly actor: string;
    readonly step: number;
  }[];
  readonly violations: readonly { readonly invariant: string; readonly step: number }[];
}

export function traceOf<S>(run: Run<S>): Trace {
  const last = run.last;
  return {
    steps: run.records(0, run.length),
    endTimeMs: last.nowMs,
    crashes: last.crashes.map((c) => ({ type: c.type, actor: c.actor, step: c.step })),
    violations: last.violations.map((v) => ({ invariant: v.invariant, step: v.step })),
  };
}

export function traceHash(trace: Trace): number {
  return fastHash(trace as never);
}
