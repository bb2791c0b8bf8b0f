/**
 * What the crash catalogue (or, for other parameters, the last exploration of
 * this setup) knows about the run on screen: schedules per outcome and the
 * outcomes that can be opened. Shared by the crash button and the outcomes list.
 */
import { failingOutcomes, type CatalogEntry } from '../../analysis/catalog.ts';
import { catalogEntryOf } from '../../store/catalog.ts';
import { useLab } from '../../store/context.tsx';
import { exploreKey, type VariantCounts } from '../../store/explorerSlice.ts';
import type { LabState } from '../../store/labStore.ts';

export interface OutcomeCounts {
  /** Where the counts come from: the catalogue, an exploration of this setup, or nothing yet. */
  readonly source: 'catalog' | 'explorer' | 'none';
  readonly schedules: number;
  readonly complete: boolean;
  /** The preemption bound explored, or null for every schedule. */
  readonly bound: number | null;
  readonly byOutcome: Readonly<Record<string, number>>;
  /** Failing outcome keys, crashes first. */
  readonly failing: readonly string[];
  /** Outcomes with a schedule that can be opened. */
  readonly openable: readonly string[];
}

const NONE: OutcomeCounts = {
  source: 'none',
  schedules: 0,
  complete: false,
  bound: null,
  byOutcome: {},
  failing: [],
  openable: [],
};

// Cached per catalogue entry and per exploration row, so a selector returns the same object.
const fromEntries = new WeakMap<CatalogEntry, OutcomeCounts>();
const fromRows = new WeakMap<VariantCounts, OutcomeCounts>();

export function selectOutcomeCounts(s: LabState): OutcomeCounts {
  const sim = s.sim;
  if (!sim) return NONE;
  const entry = catalogEntryOf(sim);
  if (entry) {
    let counts = fromEntries.get(entry);
    if (!counts) fromEntries.set(entry, (counts = countsOfEntry(entry)));
    return counts;
  }
  const key = exploreKey({ scenario: sim.def.id, params: sim.params, gil: sim.gil });
  const row =
    s.explorer.key === key && s.explorer.status === 'done'
      ? s.explorer.results.find((r) => r.variant === sim.variant)
      : undefined;
  if (!row) return NONE;
  let counts = fromRows.get(row);
  if (!counts) fromRows.set(row, (counts = countsOfRow(row, s.preemptions)));
  return counts;
}

function countsOfEntry(entry: CatalogEntry): OutcomeCounts {
  return {
    source: 'catalog',
    schedules: entry.schedules,
    complete: entry.complete,
    bound: entry.preemptions,
    byOutcome: entry.byOutcome,
    failing: failingOutcomes(entry),
    openable: Object.keys(entry.minimal),
  };
}

function countsOfRow(row: VariantCounts, bound: number | null): OutcomeCounts {
  const failing = Object.keys(row.byOutcome)
    .filter((k) => k !== 'ok')
    .sort((a, b) => Number(b.startsWith('crash:')) - Number(a.startsWith('crash:')));
  return {
    source: 'explorer',
    schedules: row.schedules,
    complete: row.complete,
    bound,
    byOutcome: row.byOutcome,
    failing,
    openable: Object.keys(row.minimalByOutcome ?? {}),
  };
}

export function useOutcomeCounts(): OutcomeCounts {
  return useLab(selectOutcomeCounts);
}
