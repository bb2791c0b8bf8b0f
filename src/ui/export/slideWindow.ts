/**
 * The window of steps a slide shows: the whole run when it is short enough to
 * read, otherwise the stretch that holds the collision and the cursor, with a
 * little room on each side.
 */
import type { Collision } from '../../analysis/collision.ts';

/** Runs up to this many steps are shown whole. */
export const WHOLE_RUN_STEPS = 160;
const MARGIN = 8;
const MIN_WIDTH = 60;

export function slideWindow(
  count: number,
  cursor: number,
  collision: Collision | null,
): [number, number] {
  if (count <= WHOLE_RUN_STEPS) return [0, Math.max(1, count)];
  const points = [
    cursor,
    ...(collision ? [collision.culprit.step - 1, collision.victim.step] : []),
  ];
  let lo = Math.max(0, Math.min(...points) - MARGIN);
  let hi = Math.min(count, Math.max(...points) + MARGIN);
  if (hi - lo < MIN_WIDTH) {
    const grow = MIN_WIDTH - (hi - lo);
    lo = Math.max(0, lo - Math.ceil(grow / 2));
    hi = Math.min(count, lo + MIN_WIDTH);
    lo = Math.max(0, hi - MIN_WIDTH);
  }
  return [lo, hi];
}
