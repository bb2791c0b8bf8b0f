/**
 * The benchmark's report: one JSON document (`npm run --silent bench -- --json`).
 * The field names the README's Performance section lists are the top-level keys; everything else is detail
 * for the table and for whoever profiles a miss. A part that was not measured
 * (quick mode, no Chromium, a scenario not in the catalogue yet) is null and
 * says why in `skipped`.
 */

import type { Basis } from './clock.ts';
import type { FixLabBrowserFigures } from './fixlab-browser.ts';
import type { FixLabNodeFigures } from './fixlab.ts';
import type { LabFeltFigure } from './lab-felt.ts';

export type { FixLabBrowserFigures, FixLabNodeFigures, LabFeltFigure };

/** The Fix lab's checker: in Node (its own part) and in Chromium (the browser part). */
export interface FixLabFigure {
  readonly node: FixLabNodeFigures | null;
  readonly browser: FixLabBrowserFigures | null;
}

export interface EngineFigure {
  /** What ran: a scenario id (buggy variant) or a toy program. */
  readonly target: string;
  readonly toy: boolean;
  /**
   * Which clock the Run figures are on: the wall clock, or the CPU clock when
   * the process waited for a CPU more than 10% of the time (clock.ts). The
   * random and kernel columns choose their clock the same way, each from its
   * own trials.
   */
  readonly basis: Basis;
  /** Steps of one natural run. */
  readonly stepsPerRun: number;
  /**
   * `Run` + natural scheduler, fresh `program.init()` per run, runs back to
   * back: the fastest of ten trials (the figure judged), and the median trial.
   */
  readonly runStepsPerSec: number;
  readonly runStepsPerSecMedian: number;
  /** The fastest trial by the wall clock, whatever the basis. */
  readonly runStepsPerSecWall: number;
  /** `Run` + seeded random scheduler (a new seed per run). */
  readonly randomStepsPerSec: number;
  /** scanEnabled + stepWorld only: no Run columns, checkpoints or deviations. */
  readonly kernelStepsPerSec: number;
  readonly kernelStepsPerSecMedian: number;
  /** Share of the wall time the process waited for a CPU during the Run trials. */
  readonly waitPct: number;
  readonly runsPerSec: number;
}

export interface ExploreFigure {
  readonly scenario: string;
  readonly variant: string;
  /** The default preemption bound; null when unbounded (every schedule). */
  readonly preemptions: number | null;
  readonly maxStates: number;
  readonly complete: boolean;
  /** Judged: wall ms, or main-thread CPU ms when the machine was busy (`basis`). */
  readonly ms: number;
  readonly basis: Basis;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly waitPct: number;
  readonly states: number;
  readonly statesPerSec: number;
  readonly schedules: number;
  readonly steps: number;
  readonly crashing: number;
  /** Ms (same basis) from the start until the explorer first counted a crashing schedule (onFound), or null. */
  readonly firstCrashMs: number | null;
}

export interface TimeTravelFigure {
  readonly steps: number;
  readonly program: string;
  readonly jumps: number;
  /** Judged percentiles (`basis`), then both clocks' figures. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly basis: Basis;
  readonly wall: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
  readonly cpu: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
  readonly waitPct: number;
  readonly buildMs: number;
  readonly checkpointEvery: number;
}

export interface TimelineFigure {
  readonly events: number;
  readonly steps: number;
  readonly frames: number;
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly frameMaxMs: number;
  /**
   * 'single': one draw per frame (the judged figure on a quiet machine);
   * 'best-of-3': the fastest of three draws per frame, judged when the
   * renderer waited for a CPU more than 10% of the single-draw loop.
   */
  readonly basis: 'single' | 'best-of-3';
  readonly singleDraw: { readonly p50Ms: number; readonly p95Ms: number; readonly maxMs: number };
  readonly modelBuildMs: number;
  readonly canvas: string;
  /** Share of the frame loop the renderer main thread was not on a CPU (CDP ThreadTime), or null. */
  readonly rendererWaitPct: number | null;
  /** Frame times by zoom level: how many steps share a pixel column. */
  readonly byZoom: readonly ZoomBand[];
}

export interface ZoomBand {
  readonly band: string;
  readonly frames: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

export interface StressFigure {
  readonly scenario: string;
  readonly variant: string;
  readonly strategy: 'random';
  readonly seed: number;
  readonly runs: number;
  /** Judged (`basis`), like every ms of this figure. */
  readonly ms: number;
  readonly basis: Basis;
  readonly wallMs: number;
  readonly waitPct: number;
  readonly crashesFound: number;
  readonly failingRuns: number;
  /** 1-based run that first crashed, and ms from the start of sampling until then. */
  readonly firstCrashRun: number | null;
  readonly firstCrashMs: number | null;
  readonly distinctSchedules: number;
  /** The explorer on the same program with its default bound, beside it. */
  readonly explorer: {
    readonly firstCrashMs: number | null;
    readonly ms: number;
    readonly complete: boolean;
    readonly schedules: number;
    readonly crashing: number;
  };
}

export type BudgetStatus = 'PASS' | 'MISS' | 'SKIP';

export interface BudgetRow {
  readonly id: string;
  readonly label: string;
  /** e.g. '>= 5,000,000 steps/s'. */
  readonly budget: string;
  /** The measured figure as shown, or why it was not measured. */
  readonly measured: string;
  readonly status: BudgetStatus;
}

export interface BenchReport {
  readonly mode: 'full' | 'quick';
  readonly machine: {
    readonly node: string;
    readonly cpus: number;
    readonly cpu: string;
    /** 1, 5 and 15 minute load averages when the benchmark ended: other work skews every figure. */
    readonly loadAverage: readonly number[];
    /** % of the last 10 s some task waited for a CPU (/proc/pressure/cpu), at start and end. */
    readonly cpuPressure: { readonly start: number | null; readonly end: number | null };
  };
  readonly engineStepsPerSec: Readonly<Record<string, number>>;
  readonly explore: Readonly<
    Record<
      string,
      { readonly ms: number; readonly statesPerSec: number; readonly complete: boolean }
    >
  >;
  readonly timeTravel: TimeTravelFigure | null;
  readonly memoryMbAt1MSteps: number | null;
  readonly timeline: TimelineFigure | null;
  readonly bundleGzipKb: number | null;
  readonly firstRenderMs: number | null;
  readonly stress: StressFigure | null;
  /** The lab as felt in Chromium: interactive, "Show me the crash", playback frames. */
  readonly labFelt: LabFeltFigure | null;
  readonly fixLab: FixLabFigure;
  // Detail beyond the fields.
  readonly engine: readonly EngineFigure[];
  readonly exploreVariants: readonly ExploreFigure[];
  readonly memory: MemoryFigure | null;
  readonly bundle: BundleFigure | null;
  readonly firstRender: FirstRenderFigure | null;
  readonly budgets: readonly BudgetRow[];
  readonly skipped: Readonly<Record<string, string>>;
  readonly totalMs: number;
}

export interface MemoryFigure {
  readonly steps: number;
  readonly program: string;
  /** Growth of V8 heap + external (ArrayBuffer) memory while the run was built, after GC. */
  readonly mb: number;
  readonly heapMb: number;
  readonly externalMb: number;
  /** True when the figure was measured on a shorter run and scaled to 1,000,000 steps. */
  readonly extrapolated: boolean;
  readonly gcExposed: boolean;
}

export interface BundleFigure {
  readonly files: readonly {
    readonly file: string;
    readonly bytes: number;
    readonly gzipBytes: number;
  }[];
  readonly jsGzipKb: number;
  readonly jsKb: number;
  readonly cssGzipKb: number;
  /** Every JS file of the build (lazy chunks included), gzipped. */
  readonly allJsGzipKb: number;
}

export interface FirstRenderFigure {
  readonly loads: number;
  /** Median first-contentful-paint (ms from navigation start). */
  readonly fcpMs: number;
  /** Median time at which the header (role banner) was in the DOM. */
  readonly bannerMs: number;
  readonly samplesMs: readonly number[];
}
