/**
 * The explorer slice: a bounded exploration of every schedule of the current scenario,
 * for each variant, run off the main thread by an `ExplorerRunner` (the explorer's
 * worker client in the app, a fake in tests). It holds the progress and the counts per
 * variant; loading a minimal counterexample is the run slice's `open` with its schedule.
 * Results are kept with the setup they belong to (`key`), so the panel can tell when
 * they no longer match what is on screen.
 */
import type { SwitchMode } from '../engine/index.ts';
import type { Params, VariantId } from '../scenarios/index.ts';

export interface ExploreRequest {
  readonly scenario: string;
  readonly params: Params;
  readonly gil: SwitchMode;
  readonly variants: readonly VariantId[];
  /** The most deviations from the natural schedule; null for the scenario's default bound. */
  readonly preemptions: number | null;
}

export interface MinimalCounterexample {
  /** The outcome key it reaches, such as `crash:AssertionError@main`. */
  readonly outcome: string;
  /** A schedule string for this scenario, variant-independent. */
  readonly schedule: string;
  readonly steps: number;
  readonly preemptions: number;
}

export interface VariantCounts {
  readonly variant: VariantId;
  readonly complete: boolean;
  readonly schedules: number;
  readonly states: number;
  readonly crashing: number;
  readonly violating: number;
  readonly byOutcome: Readonly<Record<string, number>>;
  /** The simplest schedule reaching a failure (a crash first), or null if none fails. */
  readonly minimal: MinimalCounterexample | null;
  /** The simplest schedule of each failing outcome (absent from older runners). */
  readonly minimalByOutcome?: Readonly<
    Record<string, Pick<MinimalCounterexample, 'schedule' | 'steps' | 'preemptions'>>
  >;
}

export interface ExploreProgress {
  /** 0..1, or null when the total is unknown. */
  readonly fraction: number | null;
  readonly text: string;
}

export interface ExplorerRunner {
  (
    request: ExploreRequest,
    onProgress: (progress: ExploreProgress) => void,
  ): { readonly result: Promise<readonly VariantCounts[]>; cancel(): void };
}

export type ExplorerStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface ExplorerView {
  readonly status: ExplorerStatus;
  /** Which setup the results belong to (scenario, parameters, switch mode). */
  readonly key: string | null;
  readonly progress: ExploreProgress | null;
  readonly results: readonly VariantCounts[];
  readonly error: string | null;
}

export interface ExplorerSlice {
  readonly explorer: ExplorerView;
  /** The bound the next exploration uses; null for the scenario's default. */
  readonly preemptions: number | null;
  setPreemptions(bound: number | null): void;
  startExplore(request: ExploreRequest): void;
  cancelExplore(): void;
}

export const MAX_PREEMPTIONS = 4;

const IDLE: ExplorerView = { status: 'idle', key: null, progress: null, results: [], error: null };

export function exploreKey(request: Pick<ExploreRequest, 'scenario' | 'params' | 'gil'>): string {
  const params = Object.keys(request.params)
    .sort()
    .map((k) => `${k}=${request.params[k]}`)
    .join('&');
  return `${request.scenario}|${request.gil}|${params}`;
}

type Set = (partial: Partial<ExplorerSlice>) => void;
type Get = () => ExplorerSlice;

export function createExplorerSlice(
  set: Set,
  get: Get,
  runner: () => Promise<ExplorerRunner>,
): ExplorerSlice {
  let cancel: (() => void) | null = null;
  let generation = 0;
  const update = (view: Partial<ExplorerView>, mine: number): void => {
    if (mine === generation) set({ explorer: { ...get().explorer, ...view } });
  };

  return {
    explorer: IDLE,
    preemptions: null,
    setPreemptions(bound) {
      if (bound === null || (Number.isInteger(bound) && bound >= 0 && bound <= MAX_PREEMPTIONS)) {
        set({ preemptions: bound });
      }
    },
    startExplore(request) {
      cancel?.();
      const mine = ++generation;
      const key = exploreKey(request);
      set({
        explorer: { status: 'running', key, progress: null, results: [], error: null },
      });
      runner()
        .then((run) => {
          if (mine !== generation) return;
          const job = run(request, (progress) => update({ progress }, mine));
          cancel = job.cancel;
          return job.result.then((results) => update({ status: 'done', results }, mine));
        })
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          update({ status: 'error', error: message }, mine);
        });
    },
    cancelExplore() {
      if (get().explorer.status !== 'running') return;
      cancel?.();
      cancel = null;
      generation++;
      set({ explorer: { ...get().explorer, status: 'cancelled', progress: null } });
    },
  };
}
