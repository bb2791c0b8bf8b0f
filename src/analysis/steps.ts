/**
 * One step numbering for every view: step 0 is the initial state, and step N is
 * the state after the Nth step was taken. So the lab's cursor, the `at=` of a
 * link and the number a person reads are the same number, and "step N" also
 * names the Nth step itself (the one that led to that state).
 *
 * The engine counts differently in two places, and these helpers are the only
 * translation: a step record's `step` and a crash's `step` are 0-based indexes
 * of the step taken (record i is shown as step i + 1), while a violation's
 * `step` is the number of steps taken when it was found (already a state).
 */
import type { Crash, Violation } from '../engine/index.ts';

/** The shown step of the step recorded at 0-based index `index`. */
export function stepOfRecord(index: number): number {
  return index + 1;
}

/** The 0-based record index of shown step `step` (step >= 1). */
export function recordOfStep(step: number): number {
  return step - 1;
}

/** The shown step at which a crash has happened (the step that raised). */
export function crashStep(crash: Pick<Crash, 'step'>): number {
  return crash.step + 1;
}

/** The shown step at which a broken invariant was found. */
export function violationStep(violation: Pick<Violation, 'step'>): number {
  return violation.step;
}

/** "step 140", the one way a step is written in sentences. */
export function stepWords(step: number): string {
  return `step ${step}`;
}

/** "Step 140 of 169", the one way a position in a run is written. */
export function positionWords(step: number, last: number): string {
  return `Step ${step} of ${last}`;
}
