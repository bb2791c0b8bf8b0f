/**
 * How much the benchmark measures: the full run (about four minutes) and the
 * quick one the test ladder runs so the benchmark cannot rot (rough figures).
 */
import { VARIANT_IDS, type VariantId } from '../scenarios/index.ts';

export interface Sizes {
  readonly engineSeconds: number;
  /** Processes per (program, column) pair (see isolate.ts). */
  readonly engineForks: number;
  readonly exploreVariants: readonly VariantId[];
  readonly exploreMaxStates: number | undefined;
  readonly timeTravelSteps: number;
  readonly jumps: number;
  readonly stressRuns: number;
  readonly timelineSteps: number;
  readonly timelineFrames: number;
  readonly loads: number;
  /** Fresh loads of the lab for the lab-as-felt figures. */
  readonly labFeltLoads: number;
  /** Reloads of the Fix lab after the cold one (Pyodide warm). */
  readonly fixLabWarm: number;
}

export const FULL: Sizes = {
  engineSeconds: 3,
  engineForks: 3,
  exploreVariants: VARIANT_IDS,
  exploreMaxStates: undefined,
  timeTravelSteps: 1_000_000,
  jumps: 2_000,
  stressRuns: 10_000,
  timelineSteps: 100_000,
  timelineFrames: 240,
  loads: 5,
  labFeltLoads: 5,
  fixLabWarm: 2,
};

export const QUICK: Sizes = {
  engineSeconds: 0.05,
  engineForks: 1,
  exploreVariants: ['buggy'],
  exploreMaxStates: 20_000,
  timeTravelSteps: 50_000,
  jumps: 500,
  stressRuns: 300,
  timelineSteps: 0,
  timelineFrames: 0,
  loads: 0,
  labFeltLoads: 0,
  fixLabWarm: 0,
};

/** The parts of the benchmark, in the order they run. */
export const PARTS = ['engine', 'explore', 'timetravel', 'stress', 'fixlab', 'browser'] as const;
export type Part = (typeof PARTS)[number];
