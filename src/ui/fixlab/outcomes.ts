/**
 * The checker's outcome keys (`ok`, `crash:<Type>@<thread>`, the conservation violation,
 * `deadlock`, `step-limit`) as rows a person reads: a label, the count, and the key to
 * open an example. Pure, so the summary's wording is tested without a browser.
 */
import { countNoun } from '../../explorer/countText.ts';
import { CONSERVATION, DEADLOCK, OK, STEP_LIMIT } from '../../fixlab/protocol.ts';

export type OutcomeKind = 'ok' | 'crash' | 'conservation' | 'deadlock' | 'step-limit' | 'other';

export interface OutcomeRow {
  readonly key: string;
  readonly kind: OutcomeKind;
  readonly label: string;
  readonly count: number;
}

const CRASH = /^crash:([A-Za-z_][\w.]*)@(\w+)$/;

/** One row per key, in a fixed order: crashes (most first), conservation, deadlock, step limit, ok. */
export function outcomeRows(byOutcome: Readonly<Record<string, number>>): OutcomeRow[] {
  const rows = Object.entries(byOutcome).map(([key, count]) => describeOutcome(key, count));
  const order: readonly OutcomeKind[] = [
    'crash',
    'conservation',
    'deadlock',
    'step-limit',
    'other',
    'ok',
  ];
  return rows.sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      b.count - a.count ||
      a.key.localeCompare(b.key),
  );
}

export function describeOutcome(key: string, count: number): OutcomeRow {
  if (key === OK)
    return { key, kind: 'ok', label: 'end cleanly, every increment emitted once', count };
  if (key === CONSERVATION) {
    return { key, kind: 'conservation', label: 'lose or double-count increments', count };
  }
  if (key === DEADLOCK) return { key, kind: 'deadlock', label: 'deadlock', count };
  if (key === STEP_LIMIT) {
    return { key, kind: 'step-limit', label: 'run away (hit the step limit)', count };
  }
  const crash = CRASH.exec(key);
  if (crash) {
    return { key, kind: 'crash', label: `crash with ${crash[1]} in the ${crash[2]} thread`, count };
  }
  return { key, kind: 'other', label: key, count };
}

/**
 * "1 schedule" / "2,048 schedules", by the lab's one count formatter. The checker runs
 * each schedule it counts, one at a time, so its counts stay far below 2^53 and exact.
 */
export function plural(count: number, noun: string): string {
  return countNoun(count, noun);
}
