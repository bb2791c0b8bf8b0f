/**
 * The crash catalogue (src/analysis/catalog.ts) for the simulation on screen:
 * its entry when the setup was precomputed (default parameters), and what
 * "Show me the crash" should open.
 */
import { catalogEntry, failingOutcomes, type CatalogEntry } from '../analysis/catalog.ts';
import { defaultParams } from '../scenarios/index.ts';
import type { Simulation } from '../scenarios/simulate.ts';

export function hasDefaultParams(sim: Pick<Simulation, 'def' | 'params'>): boolean {
  const defaults = defaultParams(sim.def);
  return Object.keys(defaults).every((k) => defaults[k] === sim.params[k]);
}

/** The catalogue entry for the setup on screen, or null when it was not precomputed. */
export function catalogEntryOf(
  sim: Pick<Simulation, 'def' | 'params' | 'variant' | 'gil'>,
): CatalogEntry | null {
  return catalogEntry({
    scenario: sim.def.id,
    scenarioVersion: sim.def.version,
    variant: sim.variant,
    gil: sim.gil,
    defaultParams: hasDefaultParams(sim),
  });
}

/** The outcome "Show me the crash" opens: the first failing one (a crash before a violation). */
export function crashOutcomeOf(entry: CatalogEntry): string | null {
  return failingOutcomes(entry)[0] ?? null;
}
