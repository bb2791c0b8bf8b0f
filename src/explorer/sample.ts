/**
 * Stress mode: N sampled schedules, as a test suite that "ran it many times"
 * would (the metrics-race status report: "6,000 operations, zero errors"), reported beside the
 * explorer's exact count. Uniform random scheduling picks any enabled thread
 * at every step; PCT (Burckhardt et al., ASPLOS 2010) gives each thread a
 * random priority and lowers the running one at d - 1 random steps, which
 * finds a bug of depth d with probability at least 1 / (n k^(d-1)) per run.
 * Both use the engine's schedulers with one seed per run, derived from the
 * sampling seed, so every sampled run can be replayed.
 */
import {
  enabledOf,
  endWorld,
  fastHash,
  nextUint32,
  outcomeKeys,
  PctScheduler,
  RandomScheduler,
  scanEnabled,
  seedRng,
  stepWorld,
  type SwitchMode,
  type Program,
  type RngState,
  type Scheduler,
  type World,
} from '../engine/index.ts';
import { compareKeys, occurrenceStep } from './outcomes.ts';
import { replayDeviations } from './replay.ts';

export type SampleStrategy = 'random' | 'pct';
export const SAMPLE_STRATEGIES: readonly SampleStrategy[] = ['random', 'pct'];

export interface SampleOptions {
  readonly strategy: SampleStrategy;
  readonly runs: number;
  readonly seed: number;
  /** PCT's bug depth d. Default 3. */
  readonly depth?: number;
  readonly onProgress?: (progress: SampleProgress) => void;
  readonly progressEveryMs?: number;
  readonly shouldStop?: () => boolean;
}

export interface SampleProgress {
  readonly runs: number;
  readonly failing: number;
  readonly ms: number;
  readonly runsPerSecond: number;
}

export interface SampledFailure {
  /** 1-based number of the run that found it. */
  readonly run: number;
  /** The seed of that run's scheduler. */
  readonly runSeed: number;
  readonly outcome: string;
  readonly deviations: readonly (readonly [number, number])[];
  /** Steps up to the first step at which the outcome holds. */
  readonly steps: number;
  readonly preemptions: number;
  /** Milliseconds from the start of sampling until it was found. */
  readonly ms: number;
}

export interface SampleResult {
  readonly strategy: SampleStrategy;
  readonly seed: number;
  readonly depth: number;
  readonly requested: number;
  readonly runs: number;
  readonly stopped: 'cancelled' | null;
  readonly failing: number;
  readonly crashing: number;
  readonly violating: number;
  readonly byOutcome: Readonly<Record<string, number>>;
  /** Different schedules among the runs (runs that made the same choices count once). */
  readonly distinctSchedules: number;
  readonly firstFailure: SampledFailure | null;
  readonly ms: number;
}

const now = (): number => performance.now();

export function sample<S>(
  program: Program<S>,
  gil: SwitchMode,
  options: SampleOptions,
): SampleResult {
  const sampling = new Sampling(program, gil, options);
  sampling.runFor(Infinity);
  return sampling.result();
}

/** Resumable sampling, for slicing inside a worker like `Exploration`. */
export class Sampling<S> {
  private readonly rng: RngState;
  private readonly depth: number;
  private readonly expectedSteps: number;
  private readonly stepOptions: { gil: SwitchMode; recording: false };
  private done = 0;
  private failing = 0;
  private crashing = 0;
  private violating = 0;
  private readonly byOutcome = new Map<string, number>();
  private readonly seen = new Set<number>();
  private firstFailure: SampledFailure | null = null;
  private stopped: 'cancelled' | null = null;
  private activeMs = 0;
  private lastProgressMs = 0;

  constructor(
    private readonly program: Program<S>,
    private readonly gil: SwitchMode,
    private readonly options: SampleOptions,
  ) {
    if (!Number.isSafeInteger(options.runs) || options.runs < 0)
      throw new Error(`runs must be a whole number, got ${options.runs}`);
    this.rng = seedRng(options.seed);
    this.depth = options.depth ?? 3;
    this.stepOptions = { gil, recording: false };
    // PCT spreads its priority change points over the expected run length: the natural run's.
    this.expectedSteps = options.strategy === 'pct' ? replayDeviations(program, gil, []).steps : 0;
  }

  get finished(): boolean {
    return this.stopped !== null || this.done >= this.options.runs;
  }

  cancel(): void {
    if (!this.finished) this.stopped = 'cancelled';
  }

  runFor(maxMs: number): boolean {
    const t0 = now();
    const every = this.options.progressEveryMs ?? 100;
    while (!this.finished) {
      this.runOnce(t0);
      if (this.options.shouldStop?.()) this.cancel();
      const t = now();
      const ms = this.activeMs + t - t0;
      if (this.options.onProgress && ms - this.lastProgressMs >= every) {
        this.lastProgressMs = ms;
        this.options.onProgress(this.progressAt(ms));
      }
      if (t - t0 >= maxMs) break;
    }
    this.activeMs += now() - t0;
    return this.finished;
  }

  progress(): SampleProgress {
    return this.progressAt(this.activeMs);
  }

  result(): SampleResult {
    return {
      strategy: this.options.strategy,
      seed: this.options.seed,
      depth: this.depth,
      requested: this.options.runs,
      runs: this.done,
      stopped: this.stopped,
      failing: this.failing,
      crashing: this.crashing,
      violating: this.violating,
      byOutcome: Object.fromEntries([...this.byOutcome].sort(([a], [b]) => compareKeys(a, b))),
      distinctSchedules: this.seen.size,
      firstFailure: this.firstFailure,
      ms: Math.round(this.activeMs * 10) / 10,
    };
  }

  private progressAt(ms: number): SampleProgress {
    return {
      runs: this.done,
      failing: this.failing,
      ms: Math.round(ms),
      runsPerSecond: ms > 0 ? Math.round((this.done * 1000) / ms) : 0,
    };
  }

  private runOnce(sliceStart: number): void {
    const runSeed = nextUint32(this.rng);
    const scheduler: Scheduler =
      this.options.strategy === 'pct'
        ? new PctScheduler(runSeed, this.depth, this.expectedSteps)
        : new RandomScheduler(runSeed);
    const { world, deviations } = this.runWith(scheduler);
    this.done++;
    this.seen.add(fastHash(deviations));
    const keys = outcomeKeys(world as World<unknown>);
    for (const key of keys) this.byOutcome.set(key, (this.byOutcome.get(key) ?? 0) + 1);
    if (world.crashes.length > 0) this.crashing++;
    if (world.violations.length > 0) this.violating++;
    if (keys[0] === 'ok') return;
    this.failing++;
    if (this.firstFailure) return;
    const outcome = [...keys].sort(compareKeys)[0] as string;
    const steps = occurrenceStep(world as World<unknown>, outcome) ?? world.step;
    const cut = replayDeviations(this.program, this.gil, deviations, steps).deviations;
    this.firstFailure = {
      run: this.done,
      runSeed,
      outcome,
      deviations: cut,
      steps,
      preemptions: cut.length,
      ms: Math.round(this.activeMs + now() - sliceStart),
    };
  }

  /** Runs one schedule as `Run.extend` would, recording its deviations from the natural choice. */
  private runWith(scheduler: Scheduler): { world: World<S>; deviations: [number, number][] } {
    const program = this.program;
    const world = program.init();
    const deviations: [number, number][] = [];
    let point = 0;
    let scan = scanEnabled(program, world);
    while (scan.count > 0) {
      const natural = scan.natural;
      // Asked even with one thread enabled: PCT counts steps to its change points.
      const chosen = scheduler.choose(program, world, enabledOf(scan));
      if (scan.count > 1) {
        if (chosen !== natural) deviations.push([point, chosen]);
        point++;
      }
      stepWorld(program, world, chosen, this.stepOptions);
      scan = scanEnabled(program, world);
    }
    if (!world.ended) endWorld(program, world, this.stepOptions);
    return { world, deviations };
  }
}
