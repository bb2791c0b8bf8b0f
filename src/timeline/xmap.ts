/**
 * Where steps sit on the x-axis, in domain units (before any scale): in 'step'
 * mode step `i` spans [i, i + 1) and the boundary `c` (the world after `c`
 * steps) is at x = c; in 'time' mode step `i` spans its virtual start and end
 * in milliseconds and boundary `c` is at the virtual time after `c` steps.
 * Both are ascending in `i`, which is what lets `visibleRange` binary-search.
 */
import type { TimelineModel, XMode } from './model.ts';
import { lowerBound, upperBound } from '../analysis/search.ts';

/** The whole run's x extent. Never empty, so a scale over it is well defined. */
export function domainOf(model: TimelineModel, mode: XMode): readonly [number, number] {
  if (mode === 'step') return [0, Math.max(1, model.steps.count)];
  const end = model.boundaryMs[model.steps.count] as number;
  return [0, Math.max(1, end)];
}

export function stepStartX(model: TimelineModel, mode: XMode, i: number): number {
  return mode === 'step' ? i : (model.steps.startMs[i] as number);
}

export function stepEndX(model: TimelineModel, mode: XMode, i: number): number {
  return mode === 'step' ? i + 1 : (model.steps.endMs[i] as number);
}

/** x of the boundary after `c` steps (the cursor position), `c` clamped to [0, count]. */
export function boundaryX(model: TimelineModel, mode: XMode, c: number): number {
  const k = Math.max(0, Math.min(model.steps.count, c));
  return mode === 'step' ? k : (model.boundaryMs[k] as number);
}

/**
 * The boundary nearest to domain x: in step mode the nearest integer; in time
 * mode the latest boundary at or before x (the world as it stood at that
 * virtual time), or the first one after it when x precedes them all.
 */
export function boundaryAtX(model: TimelineModel, mode: XMode, x: number): number {
  const n = model.steps.count;
  if (mode === 'step') return Math.max(0, Math.min(n, Math.round(x)));
  const k = upperBound(model.boundaryMs, x) - 1;
  return Math.max(0, Math.min(n, k));
}

/** The step whose extent holds domain x, or the nearest one; -1 for an empty run. */
export function stepAtX(model: TimelineModel, mode: XMode, x: number): number {
  const n = model.steps.count;
  if (n === 0) return -1;
  if (mode === 'step') return Math.max(0, Math.min(n - 1, Math.floor(x)));
  const i = Math.min(n - 1, lowerBound(model.steps.endMs, x));
  const prev = i - 1;
  if (prev >= 0 && x - (model.steps.endMs[prev] as number) < (model.steps.startMs[i] as number) - x)
    return prev;
  return i;
}
