/**
 * The comparison table's shape and assembly, apart from the exploration
 * itself so that the page (client.ts) can build a table from worker reports
 * without bundling the engine.
 */
import { compareKeys } from './outcomes.ts';
import type { ExploreReport } from './report.ts';

export interface CompareTable {
  readonly scenario: string;
  readonly gil: string;
  readonly params: Readonly<Record<string, number>>;
  readonly preemptions: number | null;
  /** Every outcome key any variant reached, crashes first, `ok` last. */
  readonly outcomes: readonly string[];
  readonly rows: readonly ExploreReport[];
}

/** Assembles a table from reports of the same scenario (the worker client builds it this way too). */
export function tableOf(rows: readonly ExploreReport[]): CompareTable {
  const first = rows[0];
  const outcomes = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.byOutcome)) outcomes.add(key);
  return {
    scenario: first?.scenario ?? '',
    gil: first?.gil ?? '',
    params: first?.params ?? {},
    preemptions: first?.preemptions ?? null,
    outcomes: [...outcomes].sort(compareKeys),
    rows,
  };
}
