/**
 * Where the cursor goes for "to the crash", "to the next step of an actor" and the
 * invariant list. The cursor counts steps taken: cursor k shows the world after k
 * steps, and step i (0-based) moves the world from cursor i to cursor i + 1.
 * A crash records the index of the step that raised (`Crash.step`), so its world is
 * at cursor `step + 1`; a violation records the count of steps taken when it was
 * seen (`Violation.step`), which already is a cursor.
 */
import type { Crash, Run, Violation } from '../engine/index.ts';

/** The cursor showing the world right after the crash. */
export function crashCursor(crash: Pick<Crash, 'step'>): number {
  return crash.step + 1;
}

/** The cursor showing the world right after the step that broke the invariant. */
export function violationCursor(violation: Pick<Violation, 'step'>): number {
  return violation.step;
}

/** The first crash of the whole run (not only up to the cursor), or null. */
export function firstCrash(run: Run<unknown>): Crash | null {
  return run.last.crashes[0] ?? null;
}

/**
 * The cursor just after the next step taken by `thread` at or after `from`, or null
 * if that thread takes no further step in the recorded history.
 */
export function nextStepOf(run: Run<unknown>, thread: number, from: number): number | null {
  for (let i = Math.max(0, from); i < run.length; i++) {
    if (run.threadAt(i) === thread) return i + 1;
  }
  return null;
}

/** The cursor just after the previous step taken by `thread` before `from`, or null. */
export function previousStepOf(run: Run<unknown>, thread: number, from: number): number | null {
  for (let i = Math.min(run.length, from) - 2; i >= 0; i--) {
    if (run.threadAt(i) === thread) return i + 1;
  }
  return null;
}

export function clampCursor(cursor: number, length: number): number {
  if (!Number.isFinite(cursor)) return 0;
  return Math.max(0, Math.min(length, Math.floor(cursor)));
}
