/**
 * "Show me the crash" and the outcomes list as store actions: open the minimal
 * schedule of an outcome at the step where it holds. For a setup in the crash
 * catalogue (default parameters) this is one `open` of a schedule known in
 * advance; for other parameters the explorer searches first (in its worker),
 * and the outcome opens when it is done (`crashSearch` says what is awaited).
 */
import type { Simulation } from '../scenarios/simulate.ts';
import { catalogEntryOf, crashOutcomeOf } from './catalog.ts';
import type { LabState } from './labStore.ts';

export interface CrashSearch {
  /** The outcome to open when the exploration is done; null for the first failing one. */
  readonly outcome: string | null;
  /** Which setup it is for (exploreKey). */
  readonly key: string;
}

export interface CrashSlice {
  readonly crashSearch: CrashSearch | null;
  /** The outcome last opened from the outcomes list: the one the "Why" callout explains. */
  readonly outcomeFocus: string | null;
  /** Opens the minimal counterexample of the first failing outcome; false if none is known. */
  showCrash(): boolean;
  /** Opens the minimal schedule of `outcome` at the step where it holds; false if unknown. */
  openOutcome(outcome: string): boolean;
  /** Explores the setup on screen, then opens `outcome` (null: the first failing one). */
  searchOutcome(outcome: string | null): void;
  /** Called when an exploration finishes: opens what `crashSearch` waited for. */
  settleCrashSearch(): void;
}

type Set = (partial: Partial<LabState>) => void;
type Get = () => LabState;

export function createCrashSlice(set: Set, get: Get): CrashSlice {
  const openSchedule = (sim: Simulation, schedule: string, at: number): boolean =>
    get().open({
      scenario: sim.def.id,
      variant: sim.variant,
      gil: sim.gil,
      params: sim.params,
      schedule,
      step: at,
    });

  return {
    crashSearch: null,
    outcomeFocus: null,

    showCrash() {
      const sim = get().sim;
      if (!sim) return false;
      const entry = catalogEntryOf(sim);
      if (!entry) return false;
      const outcome = crashOutcomeOf(entry);
      return outcome === null ? false : get().openOutcome(outcome);
    },

    openOutcome(outcome) {
      const sim = get().sim;
      if (!sim) return false;
      const found = get().explorer.results.find((r) => r.variant === sim.variant);
      const ref = catalogEntryOf(sim)?.minimal[outcome] ?? found?.minimalByOutcome?.[outcome];
      if (!ref || !openSchedule(sim, ref.schedule, ref.steps)) return false;
      set({ outcomeFocus: outcome });
      return true;
    },

    searchOutcome(outcome) {
      const sim = get().sim;
      if (!sim) return;
      const request = {
        scenario: sim.def.id,
        params: sim.params,
        gil: sim.gil,
        variants: [sim.variant],
        preemptions: get().preemptions,
      };
      get().startExplore(request);
      set({ crashSearch: { outcome, key: get().explorer.key ?? '' } });
    },

    settleCrashSearch() {
      const { crashSearch, explorer, sim } = get();
      if (!crashSearch || !sim || explorer.key !== crashSearch.key) return;
      if (explorer.status === 'running') return;
      set({ crashSearch: null });
      if (explorer.status !== 'done') return;
      const row = explorer.results.find((r) => r.variant === sim.variant);
      const outcome = crashSearch.outcome ?? row?.minimal?.outcome ?? null;
      if (outcome !== null) get().openOutcome(outcome);
    },
  };
}
