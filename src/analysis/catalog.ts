/**
 * The crash catalogue, computed at build time (catalogBuild.ts, written by
 * `npx tsx scripts/crash-catalog.ts`) and shipped with the lab: per scenario,
 * variant and switch mode (default parameters), how many schedules end in
 * each outcome and the minimal schedule of each failing outcome. It is what
 * makes "Show me the crash" instant and lets the lab say "every one of 1,227
 * schedules works" without exploring first. `catalog.test.ts` fails when the
 * committed data no longer matches the engine.
 */
import data from './crash-catalog.json' with { type: 'json' };

export interface CatalogSchedule {
  /** A schedule string that replays to the outcome. */
  readonly schedule: string;
  /** The shown step at which the outcome holds (the crash step, or the step the invariant broke). */
  readonly steps: number;
  readonly preemptions: number;
}

export interface CatalogEntry {
  readonly scenario: string;
  readonly scenarioVersion: number;
  readonly variant: string;
  readonly gil: string;
  /** The preemption bound explored; null when every schedule was. */
  readonly preemptions: number | null;
  readonly complete: boolean;
  readonly schedules: number;
  /** Schedules per outcome key (`ok`, `crash:<Type>@<thread>`, `violation:<invariant>`). */
  readonly byOutcome: Readonly<Record<string, number>>;
  /** The minimal schedule of each outcome: every failing one, and `ok` (the simplest that works). */
  readonly minimal: Readonly<Record<string, CatalogSchedule>>;
}

export interface CrashCatalog {
  readonly format: 1;
  readonly entries: Readonly<Record<string, CatalogEntry>>;
}

export function catalogKey(scenario: string, variant: string, gil: string): string {
  return `${scenario}/${variant}/${gil}`;
}

export const CRASH_CATALOG = data as CrashCatalog;

/**
 * The entry for a setup, or null when it was not precomputed: other
 * parameters than the defaults, or a scenario version the data predates.
 */
export function catalogEntry(
  setup: {
    readonly scenario: string;
    readonly scenarioVersion: number;
    readonly variant: string;
    readonly gil: string;
    readonly defaultParams: boolean;
  },
  catalog: CrashCatalog = CRASH_CATALOG,
): CatalogEntry | null {
  if (!setup.defaultParams) return null;
  const entry = catalog.entries[catalogKey(setup.scenario, setup.variant, setup.gil)];
  return entry && entry.scenarioVersion === setup.scenarioVersion ? entry : null;
}

/**
 * Failing outcome keys of an entry, simplest first, as the explorer picks its
 * minimal counterexample: crashes before violations, then fewest preemptions,
 * then fewest steps.
 */
export function failingOutcomes(entry: CatalogEntry): string[] {
  const rank = (k: string): number => (k.startsWith('crash:') ? 0 : 1);
  const ref = (k: string): CatalogSchedule | undefined => entry.minimal[k];
  return Object.keys(entry.minimal)
    .filter((k) => k !== 'ok')
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (ref(a)?.preemptions ?? 0) - (ref(b)?.preemptions ?? 0) ||
        (ref(a)?.steps ?? 0) - (ref(b)?.steps ?? 0) ||
        (a < b ? -1 : a > b ? 1 : 0),
    );
}
