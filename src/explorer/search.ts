/**
 * The explorer's search (explore.ts describes it): a depth-first walk over the
 * choice points on an explicit stack, memoised by (state, remaining budget),
 * resumable in slices. Running totals live in tallies.ts, sleep sets in
 * reductions.ts, and the summaries of finished subtrees in summary.ts.
 */
// Imported from their modules rather than engine/index.ts: this is the hot loop, and
// re-exports cost a getter call per use under tsx.
import { enabledOf, endWorld, scanEnabled, stepWorld } from '../engine/kernel.ts';
import { outcomeKeys } from '../engine/outcome.ts';
import { clonePlain } from '../engine/plain.ts';
import type { SwitchMode, Program, World } from '../engine/types.ts';
import { fastHash } from '../engine/hash.ts';
import type { ExploreOptions, ExploreProgress, ExploreResult, StopReason } from './explore.ts';
import { occurrenceStep } from './outcomes.ts';
import { SleepSets, type Reduction, type SleepFrame } from './reductions.ts';
import { emptySummary, lengthen, mergeInto, type Summary } from './summary.ts';
import { Tallies } from './tallies.ts';

interface Frame<S> extends SleepFrame<S> {
  /** The world at this choice point; the last child steps it in place. */
  readonly world: World<S>;
  readonly step: number;
  readonly budget: number;
  readonly memo: Map<number | string, Summary>;
  readonly key: number | string;
  /** The key of the state the forced stretch started from, when there was one. */
  readonly entryKey: number | string | null;
  readonly natural: number;
  readonly children: readonly number[];
  next: number;
  readonly acc: Summary;
  /** How this frame's summary attaches to its parent. */
  readonly via: number;
  readonly stretch: number;
  /** Deviations on the path from the root to this choice point. */
  readonly devsAbove: number;
}

const now = (): number => performance.now();

/** A new choice point, as `enter` found it, for `push`. */
interface ChoicePoint<S> {
  readonly world: World<S>;
  /** The enabled threads, in actor order. */
  readonly enabled: readonly number[];
  readonly natural: number;
  readonly budget: number;
  readonly memo: Map<number | string, Summary>;
  readonly key: number | string;
  readonly entryKey: number | string | null;
  readonly sleep: number;
  readonly via: number;
  readonly stretch: number;
}

/** A resumable exploration: `runFor(ms)` works for about `ms` and says whether it finished. */
export class Exploration<S> {
  readonly bound: number;
  readonly reduction: Reduction;
  private readonly maxStates: number;
  private readonly stepOptions: { gil: SwitchMode; recording: false };
  private readonly stack: Frame<S>[] = [];
  private readonly memos = new Map<number, Map<number | string, Summary>>();
  private status: 'running' | 'done' | StopReason = 'running';
  private root: { summary: Summary; baseStep: number } | null = null;
  private states = 0;
  private steps = 0;
  private activeMs = 0;
  private lastProgressMs = 0;
  // Running totals over finished leaves and memo hits: the partial result if the search stops early.
  private readonly tallies: Tallies;
  private readonly sleepSets: SleepSets<S> | null;

  constructor(
    private readonly program: Program<S>,
    gil: SwitchMode,
    private readonly options: ExploreOptions = {},
  ) {
    this.bound = options.preemptions ?? 2;
    if (!(this.bound >= 0))
      throw new Error(`the preemption bound must be 0 or more, got ${this.bound}`);
    this.maxStates = options.maxStates ?? 2_000_000;
    this.reduction = options.reduction ?? 'none';
    this.stepOptions = { gil, recording: false };
    this.sleepSets =
      this.reduction === 'sleep-sets' ? new SleepSets(program, this.stepOptions) : null;
    this.tallies = new Tallies(options.onFound);
    const t0 = now();
    this.enter(program.init(), this.bound, 0, -1);
    this.activeMs += now() - t0;
  }

  get finished(): boolean {
    return this.status !== 'running';
  }

  /** Stops the search at the next check; the result is then incomplete ('cancelled'). */
  cancel(): void {
    if (this.status === 'running') this.status = 'cancelled';
  }

  /** Works for about `maxMs` (Infinity: to the end). Returns true once the search is over. */
  runFor(maxMs: number): boolean {
    const t0 = now();
    const every = this.options.progressEveryMs ?? 100;
    while (this.status === 'running') {
      for (let i = 0; i < 64 && this.status === 'running'; i++) this.advance();
      if (this.status === 'running' && this.options.shouldStop?.()) this.status = 'cancelled';
      const t = now();
      if (this.status === 'running' && t - t0 + this.activeMs >= (this.options.maxMs ?? Infinity)) {
        this.status = 'time-limit';
      }
      if (this.options.onProgress && t - t0 + this.activeMs - this.lastProgressMs >= every) {
        this.lastProgressMs = t - t0 + this.activeMs;
        this.options.onProgress(this.progressAt(this.lastProgressMs));
      }
      if (t - t0 >= maxMs) break;
    }
    this.activeMs += now() - t0;
    return this.status !== 'running';
  }

  /** Running totals, as reported to `onProgress`. */
  progress(): ExploreProgress {
    return this.progressAt(this.activeMs);
  }

  /** The result so far: final once `finished` is true and nothing stopped it early. */
  result(): ExploreResult {
    const base = {
      complete: this.status === 'done',
      stopped: this.status === 'done' || this.status === 'running' ? null : this.status,
      preemptionBound: this.bound,
      reduction: this.reduction,
      states: this.states,
      steps: this.totalSteps(),
      ms: Math.round(this.activeMs * 10) / 10,
    };
    const t = this.tallies;
    if (this.status === 'done' && this.root) {
      const { summary, baseStep } = this.root;
      return {
        ...base,
        schedules: summary.schedules,
        crashing: summary.crashing,
        violating: summary.violating,
        ...t.final(summary, baseStep),
      };
    }
    return {
      ...base,
      schedules: t.covered,
      crashing: t.crashing,
      violating: t.violating,
      byOutcome: t.byOutcome(),
      minimal: t.minimal(),
    };
  }

  private progressAt(ms: number): ExploreProgress {
    const t = this.tallies;
    return {
      schedules: t.covered,
      states: this.states,
      steps: this.totalSteps(),
      ms: Math.round(ms),
      statesPerSecond: ms > 0 ? Math.round((this.states * 1000) / ms) : 0,
      crashing: t.crashing,
      violating: t.violating,
      byOutcome: t.byOutcome(),
    };
  }

  /** Kernel steps so far, the sleep sets' independence checks included. */
  private totalSteps(): number {
    return this.steps + (this.sleepSets?.steps ?? 0);
  }

  /** One unit of work: expand the next child of the top frame, or finish the frame. */
  private advance(): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) return;
    if (frame.next >= frame.children.length) {
      this.stack.pop();
      frame.memo.set(frame.key, frame.acc);
      if (frame.entryKey !== null)
        frame.memo.set(frame.entryKey, lengthen(frame.acc, frame.stretch));
      this.attach(frame.acc, frame.via, frame.stretch, frame.step, false);
      return;
    }
    const k = frame.next++;
    const thread = frame.children[k] as number;
    const sleep = this.sleepSets === null ? 0 : this.sleepSets.childSleep(frame, thread);
    frame.explored |= 1 << thread;
    const child = k === frame.children.length - 1 ? frame.world : clonePlain(frame.world);
    stepWorld(this.program, child, thread, this.stepOptions);
    this.steps++;
    const via = thread === frame.natural ? -1 : thread;
    this.enter(child, via < 0 ? frame.budget : frame.budget - 1, sleep, via);
  }

  /**
   * Takes the forced steps from `world` to its next choice point, then either
   * attaches a summary (end of run, memo hit, natural tail, sleep-blocked) to
   * the top frame or pushes a new frame for the choice point.
   *
   * Summaries are memoised both at the choice point and at the entry (the
   * state right after the branch step), each relative to its own state: paths
   * that converge right after the branch then skip the forced stretch too,
   * which in the pause scenarios runs to hundreds of steps.
   */
  private enter(world: World<S>, budget: number, sleepIn: number, via: number): void {
    const program = this.program;
    const memo = this.memoFor(budget);
    const entryStep = world.step;
    const entryKey = this.keyOf(world, sleepIn);
    const known = memo.get(entryKey);
    if (known) return this.attach(known, via, 0, entryStep, true);
    let sleep = sleepIn;
    let stretch = 0;
    let scan = scanEnabled(program, world);
    while (!world.ended && scan.count === 1) {
      const only = scan.natural;
      if (sleep & (1 << only)) return this.attach(emptySummary(), via, stretch, world.step, true);
      sleep = 0;
      stepWorld(program, world, only, this.stepOptions);
      stretch++;
      this.steps++;
      scan = scanEnabled(program, world);
    }
    if (world.ended || scan.count === 0) {
      endWorld(program, world, this.stepOptions);
      const summary = this.leaf(world, world.step);
      if (stretch > 0) memo.set(entryKey, lengthen(summary, stretch));
      return this.attach(summary, via, stretch, world.step, true);
    }
    const key = stretch === 0 ? entryKey : this.keyOf(world, sleep);
    const hit = stretch === 0 ? undefined : memo.get(key);
    if (hit) {
      memo.set(entryKey, lengthen(hit, stretch));
      return this.attach(hit, via, stretch, world.step, true);
    }
    if (this.states >= this.maxStates) {
      this.status = 'max-states';
      return;
    }
    this.states++;
    if (budget === 0 && this.reduction === 'none') {
      const pointStep = world.step;
      const summary = this.naturalTail(world);
      memo.set(key, summary);
      if (stretch > 0) memo.set(entryKey, lengthen(summary, stretch));
      return this.attach(summary, via, stretch, pointStep, true);
    }
    this.push({
      world,
      enabled: enabledOf(scan),
      natural: scan.natural,
      budget,
      memo,
      key,
      entryKey: stretch > 0 ? entryKey : null,
      sleep,
      via,
      stretch,
    });
  }

  private keyOf(world: World<S>, sleep: number): number | string {
    const hash = fastHash(world);
    return sleep === 0 ? hash : `${hash}/${sleep}`;
  }

  /** Pushes a frame for a new choice point: its children, natural first, minus the sleeping ones. */
  private push(point: ChoicePoint<S>): void {
    const { world, enabled, natural, budget, memo, key, entryKey, sleep, via, stretch } = point;
    const children: number[] = [];
    if (!(sleep & (1 << natural))) children.push(natural);
    if (budget > 0)
      for (const t of enabled) if (t !== natural && !(sleep & (1 << t))) children.push(t);
    const top = this.stack[this.stack.length - 1];
    this.stack.push({
      world,
      step: world.step,
      budget,
      memo,
      key,
      entryKey,
      natural,
      children,
      next: 0,
      acc: emptySummary(),
      via,
      stretch,
      devsAbove: top ? top.devsAbove + (via >= 0 ? 1 : 0) : 0,
      sleep,
      explored: 0,
      independence: null,
    });
  }

  /**
   * Runs the natural schedule from `world` to its end (no budget is left to
   * deviate). Returns its summary relative to the step `world` was at.
   */
  private naturalTail(world: World<S>): Summary {
    const base = world.step;
    let scan = scanEnabled(this.program, world);
    while (!world.ended && scan.count > 0) {
      stepWorld(this.program, world, scan.natural, this.stepOptions);
      this.steps++;
      scan = scanEnabled(this.program, world);
    }
    endWorld(this.program, world, this.stepOptions);
    return this.leaf(world, base);
  }

  /** The summary of one finished schedule, its steps counted from step `base`. */
  private leaf(world: World<S>, base: number): Summary {
    const summary = emptySummary();
    summary.schedules = 1;
    summary.crashing = world.crashes.length > 0 ? 1 : 0;
    summary.violating = world.violations.length > 0 ? 1 : 0;
    for (const name of outcomeKeys(world as World<unknown>)) {
      const occurred = occurrenceStep(world as World<unknown>, name) ?? world.step;
      summary.keys.push(this.tallies.keyId(name));
      summary.counts.push(1);
      summary.paths.push({ head: null, count: 0, steps: occurred - base });
    }
    return summary;
  }

  /**
   * Attaches a finished subtree to the top frame, reached by `via` then
   * `stretch` forced steps; `baseStep` is the step its paths count from.
   * `fresh` subtrees (leaves and memo hits, not frames whose children were
   * already counted) add to the running totals.
   */
  private attach(
    summary: Summary,
    via: number,
    stretch: number,
    baseStep: number,
    fresh: boolean,
  ): void {
    if (fresh) this.count(summary, via, baseStep);
    const top = this.stack[this.stack.length - 1];
    if (top) {
      mergeInto(top.acc, summary, via, stretch);
      return;
    }
    this.root = { summary, baseStep };
    if (this.status === 'running') this.status = 'done';
  }

  private count(summary: Summary, via: number, baseStep: number): void {
    const top = this.stack[this.stack.length - 1];
    const above = top ? top.devsAbove + (via >= 0 ? 1 : 0) : 0;
    this.tallies.count(summary, above, baseStep, () => this.pathDeviations(), this.stack.length);
  }

  /** Deviations on the current DFS path (choice point i is frame i of the stack). */
  private pathDeviations(): [number, number][] {
    const out: [number, number][] = [];
    this.stack.forEach((f, i) => {
      const t = f.children[f.next - 1];
      if (t !== undefined && t !== f.natural) out.push([i, t]);
    });
    return out;
  }

  private memoFor(budget: number): Map<number | string, Summary> {
    let memo = this.memos.get(budget);
    if (!memo) {
      memo = new Map();
      this.memos.set(budget, memo);
    }
    return memo;
  }
}
