/**
 * The committed crash catalogue must be what the engine finds today: the
 * explorer runs again for every entry and the results must be equal. When a
 * model changes, this fails until `npx tsx scripts/crash-catalog.ts` is run.
 * Every minimal schedule must also replay to its outcome at its step.
 */
import { describe, expect, it } from 'vitest';
import { SWITCH_MODES } from '../engine/index.ts';
import { occurrenceStep } from '../explorer/outcomes.ts';
import { exploreScenario } from '../explorer/report.ts';
import { SCENARIOS, VARIANT_IDS } from '../scenarios/index.ts';
import { simulate } from '../scenarios/simulate.ts';
import { catalogEntry, catalogKey, CRASH_CATALOG, failingOutcomes } from './catalog.ts';
import { buildCatalogEntry } from './catalogBuild.ts';

const combos = SCENARIOS.flatMap((def) =>
  VARIANT_IDS.flatMap((variant) => SWITCH_MODES.map((gil) => [def.id, variant, gil] as const)),
);

describe('the committed crash catalogue', () => {
  it('has exactly one entry per scenario, variant and switch mode', () => {
    expect(Object.keys(CRASH_CATALOG.entries).sort()).toEqual(
      combos.map(([s, v, g]) => catalogKey(s, v, g)).sort(),
    );
  });

  it.each(combos)('%s %s %s matches a fresh exploration', (scenario, variant, gil) => {
    const committed = CRASH_CATALOG.entries[catalogKey(scenario, variant, gil)];
    expect(committed, 'run npx tsx scripts/crash-catalog.ts').toEqual(
      buildCatalogEntry(scenario, variant, gil),
    );
  });

  it.each(combos.filter(([, , g]) => g === 'py311'))(
    '%s %s %s: every minimal schedule replays to its outcome at its step',
    (scenario, variant, gil) => {
      const entry = CRASH_CATALOG.entries[catalogKey(scenario, variant, gil)];
      if (!entry) throw new Error('missing entry');
      const outcomes = [...failingOutcomes(entry), ...(entry.minimal['ok'] ? ['ok'] : [])];
      for (const outcome of outcomes) {
        const ref = entry.minimal[outcome];
        const sim = simulate({ scenario, variant, gil, schedule: ref?.schedule ?? '' });
        if (!sim.ok) throw new Error(sim.error);
        const world = sim.value.run.last;
        expect(occurrenceStep(world, outcome)).toBe(ref?.steps);
      }
    },
  );

  it('puts first the outcome the explorer calls minimal', () => {
    for (const [scenario, variant, gil] of combos.filter(([, , g]) => g === 'py311')) {
      const entry = CRASH_CATALOG.entries[catalogKey(scenario, variant, gil)];
      const report = exploreScenario({ scenario, variant, gil });
      if (!entry || !report.ok) throw new Error('missing');
      expect(failingOutcomes(entry)[0] ?? null).toBe(report.value.minimal?.outcome ?? null);
    }
  });

  it('is not used for other parameters or another scenario version', () => {
    const base = {
      scenario: 'metrics-stuck-flush',
      variant: 'buggy',
      gil: 'py311',
      scenarioVersion: SCENARIOS.find((s) => s.id === 'metrics-stuck-flush')?.version ?? 0,
    };
    expect(catalogEntry({ ...base, defaultParams: true })).not.toBeNull();
    expect(catalogEntry({ ...base, defaultParams: false })).toBeNull();
    expect(catalogEntry({ ...base, scenarioVersion: 999, defaultParams: true })).toBeNull();
  });
});
