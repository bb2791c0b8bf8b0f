/**
 * Builds the crash catalogue (catalog.ts): for every scenario, variant and
 * switch mode with the scenario's default parameters, the explorer's exact
 * count of schedules per outcome and the minimal schedule of each failing
 * outcome, under the scenario's default bound. `scripts/crash-catalog.ts`
 * writes it to crash-catalog.json; `catalog.test.ts` builds it again and fails
 * when the committed file no longer matches what the engine finds.
 *
 * This is the one file of src/analysis that runs the explorer; it is used at
 * build time and in tests, never by the app.
 */
import { SWITCH_MODES } from '../engine/index.ts';
import { prepareExploration, reportOf, scheduleString } from '../explorer/report.ts';
import { SCENARIOS, VARIANT_IDS } from '../scenarios/index.ts';
import { catalogKey, type CatalogEntry, type CrashCatalog } from './catalog.ts';

export function buildCatalogEntry(scenario: string, variant: string, gil: string): CatalogEntry {
  const prepared = prepareExploration({ scenario, variant, gil });
  if (!prepared.ok) throw new Error(prepared.error);
  const { setup, exploration } = prepared.value;
  exploration.runFor(Infinity);
  const result = exploration.result();
  const r = reportOf(setup, result);
  // The explorer keeps the simplest working schedule too; the outcomes list loads it.
  const ok = result.minimal['ok'];
  const works = ok
    ? { ok: { schedule: scheduleString(setup, ok), steps: ok.steps, preemptions: ok.preemptions } }
    : {};
  return {
    scenario,
    scenarioVersion: setup.def.version,
    variant: r.variant,
    gil: r.gil,
    preemptions: r.preemptions,
    complete: r.complete,
    schedules: r.schedules,
    byOutcome: r.byOutcome,
    minimal: { ...r.minimalByOutcome, ...works },
  };
}

export function buildCatalog(): CrashCatalog {
  const entries: Record<string, CatalogEntry> = {};
  for (const def of SCENARIOS) {
    for (const variant of VARIANT_IDS) {
      for (const gil of SWITCH_MODES) {
        entries[catalogKey(def.id, variant, gil)] = buildCatalogEntry(def.id, variant, gil);
      }
    }
  }
  return { format: 1, entries };
}
