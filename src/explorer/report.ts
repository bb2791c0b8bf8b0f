/**
 * The explorer at the level of a scenario, in the vocabulary of the headless
 * contract (docs/headless.md#explore): a request names a scenario, a variant,
 * parameters and a switch mode; the report carries the contract's fields
 * (`complete`, `schedules`, `states`, `crashing`, `violating`, `byOutcome`,
 * `minimal`, `ms`) with every schedule as the string `sim --schedule` and the
 * app's links replay. The CLI, the worker and the comparison table all build
 * their answers here, so they agree by construction.
 */
import { encodeSchedule, type Result } from '../engine/index.ts';
import { resolveSetup, type Setup } from '../scenarios/simulate.ts';
import { defaultBounds } from './defaults.ts';
import {
  Exploration,
  REDUCTIONS,
  type ExploreOptions,
  type ExploreResult,
  type MinimalPath,
  type Reduction,
} from './explore.ts';
import { compareKeys, isCrashKey, isFailureKey } from './outcomes.ts';
import {
  sample,
  SAMPLE_STRATEGIES,
  type SampleOptions,
  type SampleResult,
  type SampleStrategy,
} from './sample.ts';

export interface ExploreRequest {
  readonly scenario: string;
  readonly variant: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly gil?: string;
  /** Default: the scenario's default bound (defaults.ts). `Infinity` explores every schedule. */
  readonly preemptions?: number;
  readonly maxStates?: number;
  /** Stop (incomplete) after this much search time. */
  readonly maxMs?: number;
  readonly reduction?: string;
}

/** A counterexample as the contract shows it. */
export interface ScheduleRef {
  readonly schedule: string;
  readonly preemptions: number;
  readonly steps: number;
}

export interface ExploreReport {
  readonly scenario: string;
  readonly variant: string;
  readonly gil: string;
  readonly params: Readonly<Record<string, number>>;
  /** The bound used; null when unbounded (JSON has no Infinity). */
  readonly preemptions: number | null;
  readonly reduction: Reduction;
  readonly complete: boolean;
  readonly stopped: ExploreResult['stopped'];
  readonly schedules: number;
  /**
   * False when the schedule count passed 2^53: it, and every other count above 2^53 - 1, is
   * rounded; a count below stays exact (countText.ts says why and writes them).
   */
  readonly countsExact: boolean;
  readonly states: number;
  readonly crashing: number;
  readonly violating: number;
  readonly byOutcome: Readonly<Record<string, number>>;
  /** The minimal counterexample over all failing outcomes, a crash preferred over a violation. */
  readonly minimal: null | (ScheduleRef & { readonly outcome: string });
  /** The minimal counterexample of each failing outcome. */
  readonly minimalByOutcome: Readonly<Record<string, ScheduleRef>>;
  readonly ms: number;
}

export interface PreparedExploration {
  readonly setup: Setup;
  readonly exploration: Exploration<unknown>;
}

/** Validates the request and sets up a resumable exploration (the worker runs it in slices). */
export function prepareExploration(
  req: ExploreRequest,
  hooks: Pick<ExploreOptions, 'onProgress' | 'onFound' | 'shouldStop' | 'progressEveryMs'> = {},
): Result<PreparedExploration> {
  const setup = resolveSetup(req);
  if (!setup.ok) return setup;
  const reduction = req.reduction ?? 'none';
  if (!(REDUCTIONS as readonly string[]).includes(reduction)) {
    return fail(`Unknown reduction "${reduction}". Valid reductions: ${REDUCTIONS.join(', ')}.`);
  }
  const bounds = defaultBounds(setup.value.def.id);
  const preemptions = req.preemptions ?? bounds.preemptions;
  if (!(preemptions === Infinity || (Number.isSafeInteger(preemptions) && preemptions >= 0))) {
    return fail(
      `The preemption bound must be a whole number from 0 up (or "all"), got ${preemptions}.`,
    );
  }
  const maxStates = req.maxStates ?? bounds.maxStates;
  if (!Number.isSafeInteger(maxStates) || maxStates < 1) {
    return fail(`The state limit must be a whole number from 1 up, got ${maxStates}.`);
  }
  if (req.maxMs !== undefined && !(req.maxMs > 0)) {
    return fail(`The time limit must be a positive number of milliseconds, got ${req.maxMs}.`);
  }
  const exploration = new Exploration(setup.value.program, setup.value.gil, {
    ...hooks,
    preemptions,
    maxStates,
    ...(req.maxMs === undefined ? {} : { maxMs: req.maxMs }),
    reduction: reduction as Reduction,
  });
  return { ok: true, value: { setup: setup.value, exploration } };
}

/** Explores one scenario variant to the end (or its state limit), synchronously. */
export function exploreScenario(
  req: ExploreRequest,
  hooks: Parameters<typeof prepareExploration>[1] = {},
): Result<ExploreReport> {
  const prepared = prepareExploration(req, hooks);
  if (!prepared.ok) return prepared;
  prepared.value.exploration.runFor(Infinity);
  return { ok: true, value: reportOf(prepared.value.setup, prepared.value.exploration.result()) };
}

/** The schedule string for a path of `setup`'s program. */
export function scheduleString(
  setup: Setup,
  path: Pick<MinimalPath, 'deviations' | 'steps'>,
): string {
  return encodeSchedule({
    scenarioVersion: setup.def.version,
    tag: setup.tag,
    steps: path.steps,
    deviations: path.deviations,
  });
}

export function reportOf(setup: Setup, result: ExploreResult): ExploreReport {
  const keys = Object.keys(result.byOutcome).sort(compareKeys);
  const minimalByOutcome: Record<string, ScheduleRef> = {};
  for (const key of keys) {
    const path = result.minimal[key];
    if (!path || !isFailureKey(key)) continue;
    minimalByOutcome[key] = {
      schedule: scheduleString(setup, path),
      preemptions: path.preemptions,
      steps: path.steps,
    };
  }
  return {
    scenario: setup.def.id,
    variant: setup.variant,
    gil: setup.gil,
    params: setup.params,
    preemptions: result.preemptionBound === Infinity ? null : result.preemptionBound,
    reduction: result.reduction,
    complete: result.complete,
    stopped: result.stopped,
    schedules: result.schedules,
    countsExact: result.schedules <= Number.MAX_SAFE_INTEGER,
    states: result.states,
    crashing: result.crashing,
    violating: result.violating,
    byOutcome: Object.fromEntries(keys.map((k) => [k, result.byOutcome[k] as number])),
    minimal: pickMinimal(minimalByOutcome),
    minimalByOutcome,
    ms: result.ms,
  };
}

/** Crashes before violations; then fewest preemptions, then fewest steps, then key order. */
export function pickMinimal(
  byKey: Readonly<Record<string, ScheduleRef>>,
): ExploreReport['minimal'] {
  let best: (ScheduleRef & { outcome: string }) | null = null;
  for (const [outcome, ref] of Object.entries(byKey)) {
    if (
      !best ||
      (isCrashKey(outcome) && !isCrashKey(best.outcome)) ||
      (isCrashKey(outcome) === isCrashKey(best.outcome) &&
        (ref.preemptions < best.preemptions ||
          (ref.preemptions === best.preemptions &&
            (ref.steps < best.steps ||
              (ref.steps === best.steps && compareKeys(outcome, best.outcome) < 0)))))
    ) {
      best = { schedule: ref.schedule, preemptions: ref.preemptions, steps: ref.steps, outcome };
    }
  }
  return best;
}

export interface SampleRequest extends Omit<
  ExploreRequest,
  'preemptions' | 'maxStates' | 'maxMs' | 'reduction'
> {
  readonly strategy: string;
  readonly runs: number;
  readonly seed: number;
  readonly depth?: number;
}

export interface SampleReport extends Omit<SampleResult, 'firstFailure'> {
  readonly scenario: string;
  readonly variant: string;
  readonly gil: string;
  readonly params: Readonly<Record<string, number>>;
  readonly firstFailure:
    null | (ScheduleRef & { readonly outcome: string; readonly run: number; readonly ms: number });
}

export function validateSample(req: SampleRequest): Result<Setup> {
  if (!(SAMPLE_STRATEGIES as readonly string[]).includes(req.strategy)) {
    return fail(
      `Unknown sampling strategy "${req.strategy}". Valid strategies: ${SAMPLE_STRATEGIES.join(', ')}.`,
    );
  }
  if (!Number.isSafeInteger(req.runs) || req.runs < 1)
    return fail(`The number of runs must be a whole number from 1 up, got ${req.runs}.`);
  if (!Number.isSafeInteger(req.seed) || req.seed < 0 || req.seed > 0xffffffff) {
    return fail(`The seed must be a whole number from 0 to 4294967295, got ${req.seed}.`);
  }
  if (
    req.depth !== undefined &&
    (!Number.isSafeInteger(req.depth) || req.depth < 1 || req.depth > 20)
  ) {
    return fail(`The PCT depth must be a whole number from 1 to 20, got ${req.depth}.`);
  }
  return resolveSetup(req);
}

export function sampleOptions(
  req: SampleRequest,
  hooks: Partial<SampleOptions> = {},
): SampleOptions {
  return {
    ...hooks,
    strategy: req.strategy as SampleStrategy,
    runs: req.runs,
    seed: req.seed,
    ...(req.depth === undefined ? {} : { depth: req.depth }),
  };
}

/** Samples N schedules of one scenario variant: the "stress mode" beside the exact count. */
export function sampleScenario(
  req: SampleRequest,
  hooks: Partial<SampleOptions> = {},
): Result<SampleReport> {
  const setup = validateSample(req);
  if (!setup.ok) return setup;
  const result = sample(setup.value.program, setup.value.gil, sampleOptions(req, hooks));
  return { ok: true, value: sampleReportOf(setup.value, result) };
}

export function sampleReportOf(setup: Setup, result: SampleResult): SampleReport {
  const first = result.firstFailure;
  return {
    ...result,
    scenario: setup.def.id,
    variant: setup.variant,
    gil: setup.gil,
    params: setup.params,
    firstFailure: first
      ? {
          schedule: scheduleString(setup, first),
          preemptions: first.preemptions,
          steps: first.steps,
          outcome: first.outcome,
          run: first.run,
          ms: first.ms,
        }
      : null,
  };
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
