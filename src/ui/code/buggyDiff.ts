/**
 * A fixed implementation against the buggy one: the buggy program built with the same
 * parameters and switch mode, and the line diff of two listings with the same id.
 */
import type { Listing, Program } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { diffLines, type DiffOp } from './lineDiff.ts';

export function buggyProgram(sim: Simulation): Program<unknown> | null {
  if (sim.variant === 'buggy') return null;
  try {
    return sim.def.build('buggy', sim.params, sim.gil);
  } catch {
    return null;
  }
}

const diffs = new WeakMap<Listing, WeakMap<Listing, DiffOp[]>>();

/** Listings never change, so their diff is computed once per pair. */
export function cachedDiff(before: Listing, after: Listing): DiffOp[] {
  let inner = diffs.get(before);
  if (!inner) {
    inner = new WeakMap();
    diffs.set(before, inner);
  }
  let ops = inner.get(after);
  if (!ops) {
    ops = diffLines(before.lines, after.lines);
    inner.set(after, ops);
  }
  return ops;
}
