/**
 * The explorer's counts for every variant of a setup, computed synchronously
 * with the scenario's default bounds: what the headless command puts in the
 * Resolution section. The lab computes the same numbers in its workers (the
 * explorer slice, with the same default bounds), so both documents agree.
 */
import { exploreScenario } from '../../explorer/report.ts';
import { VARIANT_IDS, type Params } from '../../scenarios/index.ts';
import type { VariantCounts } from '../../store/explorerSlice.ts';
import { countsOf } from '../../store/explorerRunner.ts';
import type { SwitchMode } from '../../engine/index.ts';

export function countsForSetup(scenario: string, params: Params, gil: SwitchMode): VariantCounts[] {
  const out: VariantCounts[] = [];
  for (const variant of VARIANT_IDS) {
    const report = exploreScenario({ scenario, variant, params, gil });
    if (!report.ok) throw new Error(`${variant}: ${report.error}`);
    out.push(countsOf(variant, report.value));
  }
  return out;
}
