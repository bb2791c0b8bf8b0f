/**
 * The four implementations of one scenario side by side (a comparison of
 * the four variants of a scenario on one table): each variant
 * explored under the same parameters, switch mode and bound, with the union
 * of their outcome keys as the table's columns, crashes first.
 */
import type { Result } from '../engine/index.ts';
import { VARIANT_IDS, type VariantId } from '../scenarios/index.ts';
import { exploreScenario, type ExploreReport, type ExploreRequest } from './report.ts';
import { tableOf, type CompareTable } from './table.ts';

export type { CompareTable };

export type CompareOptions = Omit<ExploreRequest, 'scenario' | 'variant' | 'params' | 'gil'>;

export function compareVariants(
  scenarioId: string,
  params: Readonly<Record<string, unknown>>,
  gil: string,
  options: CompareOptions = {},
  variants: readonly VariantId[] = VARIANT_IDS,
): Result<CompareTable> {
  const rows: ExploreReport[] = [];
  for (const variant of variants) {
    const report = exploreScenario({ ...options, scenario: scenarioId, variant, params, gil });
    if (!report.ok) return report;
    rows.push(report.value);
  }
  return { ok: true, value: tableOf(rows) };
}
