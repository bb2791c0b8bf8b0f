/**
 * Systematic exploration of a program's schedules: every schedule within the
 * bounds, exact counts per outcome, and the minimal counterexample per outcome.
 *
 * Search. Depth-first over the choice points (steps where more than one
 * thread may run), natural choice first, bounded by the number of deviations
 * from the natural schedule: delay bounding (Emmi, Qadeer and Rakamarić, POPL
 * 2011), the timed cousin of CHESS's preemption bound. A natural run has 0
 * preemptions. The search is an explicit stack, not recursion, so it can run
 * in slices (`Exploration.runFor`) inside a Web Worker between cancel messages
 * and never overflows the JS stack on long runs.
 *
 * Visited states. Choice points are memoised by (world hash, remaining
 * budget): the subtree below a state is the same whichever path reached it, so
 * its summary (schedules, counts per outcome, minimal path per outcome) is
 * computed once and reused. Counts are therefore exact numbers of schedules
 * even though each distinct state is expanded once, and commuting orders of
 * independent steps cost nothing beyond the hash lookup where they meet again.
 * Summaries are also stored at the state right after each branch step, so
 * paths that converge there skip the forced steps that follow. With no
 * budget left, the rest of a schedule is the natural run: it is run straight
 * to the end and stored once. Counts are floating-point numbers: exact up to
 * 2^53 (the report says whether they are), approximate beyond, which only
 * unbounded searches of the metrics scenario reach (about 10^13 to 10^27).
 *
 * Partial-order reduction. `reduction: 'sleep-sets'` adds Godefroid's sleep
 * sets with a dynamic (conditional) independence relation: two threads are
 * independent at a state when both orders of their next steps are possible
 * and reach the same world (compared without `lastThread`). The kernel has no
 * read/write footprints, so this is checked by running both orders: four
 * extra steps and two hashes per pair at every choice point. Sleep sets prune
 * transitions, not states, and the memo already merges commuting orders, so
 * what they save is re-running subtrees whose roots differ only in the order
 * of independent steps. Measured (CPU time, py311 unless noted): on the pause
 * scenarios explored completely they pay a little (pause-ready-to-continue
 * buggy 0.91 s -> 0.49 s, pause-external-resume correct 2.45 s -> 1.53 s);
 * on metrics-stuck-flush under its bound of 2 they cost (buggy 0.58 s ->
 * 1.13 s, py39 0.55 s -> 3.6 s), because the sleep set becomes part of the
 * memo key and the budget-0 natural tails can no longer be run as one
 * straight line. So the default is no reduction, and `schedules` then counts
 * every interleaving; with sleep sets it counts one schedule per class of
 * equivalent interleavings (Mazurkiewicz trace) that the search kept.
 * Caveat: sleep sets are outcome-complete for the unbounded search; under a
 * finite preemption bound the one representative of a class they keep may
 * cost more deviations than a pruned member, so a bounded reduced search can
 * in principle miss an outcome the unreduced bounded search finds (it never
 * did in the tests, which compare both against naive enumeration, nor on the
 * real scenarios). Without reduction there is no such caveat: `complete`
 * means every schedule within the bound was counted.
 *
 * Minimal counterexamples. For each outcome key the explorer keeps the path
 * with the fewest deviations, then the fewest steps, where the steps stop at
 * the first step at which the outcome holds (a crash at step 37 is a 37-step
 * schedule even if the run went on). `ms` uses the wall clock: the explorer is
 * a tool around the engine, not part of it.
 */
// Imported from their modules rather than engine/index.ts: this is the hot loop, and
// re-exports cost a getter call per use under tsx.
import { enabledOf, enabledThreads, endWorld, scanEnabled, stepWorld } from '../engine/kernel.ts';
import { outcomeKeys } from '../engine/outcome.ts';
import { clonePlain } from '../engine/plain.ts';
import type { SwitchMode, Program, World } from '../engine/types.ts';
import { fastHash } from '../engine/hash.ts';
import { occurrenceStep } from './outcomes.ts';
import {
  deviationsOf,
  emptySummary,
  lengthen,
  mergeInto,
  type Path,
  type Summary,
} from './summary.ts';

export type Reduction = 'none' | 'sleep-sets';
/** Most threads the sleep-set reduction handles: its sets are the low 31 bits of an integer. */
export const MAX_SLEEP_SET_THREADS = 31;

export const REDUCTIONS: readonly Reduction[] = ['none', 'sleep-sets'];

export interface ExploreOptions {
  /** Most deviations from the natural schedule a schedule may make. Default 2; Infinity for all. */
  readonly preemptions?: number;
  /** Stop (incomplete) after this many distinct states. Default 2,000,000. */
  readonly maxStates?: number;
  /** Stop (incomplete) after this much search time, in milliseconds. Default: no limit. */
  readonly maxMs?: number;
  /** Partial-order reduction. Default 'none'. */
  readonly reduction?: Reduction;
  /** Called about every `progressEveryMs` with the running totals. */
  readonly onProgress?: (progress: ExploreProgress) => void;
  readonly progressEveryMs?: number;
  /** Polled about every millisecond; returning true stops the search (incomplete, 'cancelled'). */
  readonly shouldStop?: () => boolean;
  /** Called the first time each outcome key is reached, with a schedule that reaches it. */
  readonly onFound?: (key: string, path: MinimalPath) => void;
}

export interface MinimalPath {
  /** [choice point, thread index] pairs: the schedule's deviations. */
  readonly deviations: readonly (readonly [number, number])[];
  /** Steps up to and including the first step at which the outcome holds. */
  readonly steps: number;
  readonly preemptions: number;
}

export interface ExploreProgress {
  /** Schedules counted so far (exact for the subtrees finished so far). */
  readonly schedules: number;
  readonly states: number;
  /** Kernel steps executed so far. */
  readonly steps: number;
  readonly ms: number;
  readonly statesPerSecond: number;
  readonly crashing: number;
  readonly violating: number;
  readonly byOutcome: Readonly<Record<string, number>>;
}

export type StopReason = 'max-states' | 'time-limit' | 'cancelled';

export interface ExploreResult {
  /** True only when every schedule within the bounds was covered. */
  readonly complete: boolean;
  readonly stopped: StopReason | null;
  readonly preemptionBound: number;
  readonly reduction: Reduction;
  /** Schedules covered (all of them when complete; a lower bound otherwise). */
  readonly schedules: number;
  /** Distinct (state, remaining budget) choice points expanded. */
  readonly states: number;
  /** Kernel steps executed. */
  readonly steps: number;
  /** Schedules in which some thread crashed. */
  readonly crashing: number;
  /** Schedules that broke at least one invariant. */
  readonly violating: number;
  /** Schedules per outcome key; one schedule can count under several keys. */
  readonly byOutcome: Readonly<Record<string, number>>;
  readonly minimal: Readonly<Record<string, MinimalPath>>;
  readonly ms: number;
}

interface Frame<S> {
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
  /** Sleep-set reduction: threads asleep here, and children explored so far (bit masks). */
  readonly sleep: number;
  explored: number;
  independence: Map<number, boolean> | null;
}

const NO_LAST_THREAD: ReadonlySet<string> = new Set(['lastThread']);
const now = (): number => performance.now();

/** Explores every schedule within the bounds, synchronously. */
export function explore<S>(
  program: Program<S>,
  gil: SwitchMode,
  options: ExploreOptions = {},
): ExploreResult {
  const exploration = new Exploration(program, gil, options);
  exploration.runFor(Infinity);
  return exploration.result();
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
  private covered = 0;
  private crashingSoFar = 0;
  private violatingSoFar = 0;
  private readonly tally: number[] = [];
  private readonly best: (MinimalPath | undefined)[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly keyNames: string[] = [];

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
    if (this.reduction === 'sleep-sets' && program.actors.length > MAX_SLEEP_SET_THREADS)
      throw new Error(
        `sleep sets are bit masks of at most ${MAX_SLEEP_SET_THREADS} threads, this program has ${program.actors.length}`,
      );
    this.stepOptions = { gil, recording: false };
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
      steps: this.steps,
      ms: Math.round(this.activeMs * 10) / 10,
    };
    if (this.status === 'done' && this.root) {
      const { summary, baseStep } = this.root;
      const byOutcome: Record<string, number> = {};
      const minimal: Record<string, MinimalPath> = {};
      summary.keys.forEach((id, i) => {
        const name = this.keyNames[id] as string;
        const path = summary.paths[i] as Path;
        byOutcome[name] = summary.counts[i] as number;
        minimal[name] = {
          deviations: deviationsOf(path),
          steps: baseStep + path.steps,
          preemptions: path.count,
        };
      });
      return {
        ...base,
        schedules: summary.schedules,
        crashing: summary.crashing,
        violating: summary.violating,
        byOutcome,
        minimal,
      };
    }
    const minimal: Record<string, MinimalPath> = {};
    this.best.forEach((path, id) => {
      if (path) minimal[this.keyNames[id] as string] = path;
    });
    return {
      ...base,
      schedules: this.covered,
      crashing: this.crashingSoFar,
      violating: this.violatingSoFar,
      byOutcome: this.tallyRecord(),
      minimal,
    };
  }

  private progressAt(ms: number): ExploreProgress {
    return {
      schedules: this.covered,
      states: this.states,
      steps: this.steps,
      ms: Math.round(ms),
      statesPerSecond: ms > 0 ? Math.round((this.states * 1000) / ms) : 0,
      crashing: this.crashingSoFar,
      violating: this.violatingSoFar,
      byOutcome: this.tallyRecord(),
    };
  }

  private tallyRecord(): Record<string, number> {
    const out: Record<string, number> = {};
    this.tally.forEach((n, id) => {
      if (n > 0) out[this.keyNames[id] as string] = n;
    });
    return out;
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
    const sleep = this.reduction === 'sleep-sets' ? this.childSleep(frame, thread) : 0;
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
    this.push(
      world,
      enabledOf(scan),
      scan.natural,
      budget,
      memo,
      key,
      stretch > 0 ? entryKey : null,
      sleep,
      via,
      stretch,
    );
  }

  private keyOf(world: World<S>, sleep: number): number | string {
    const hash = fastHash(world);
    return sleep === 0 ? hash : `${hash}/${sleep}`;
  }

  private push(
    world: World<S>,
    enabled: readonly number[],
    natural: number,
    budget: number,
    memo: Map<number | string, Summary>,
    key: number | string,
    entryKey: number | string | null,
    sleep: number,
    via: number,
    stretch: number,
  ): void {
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
      summary.keys.push(this.keyId(name));
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
    this.covered += summary.schedules;
    this.crashingSoFar += summary.crashing;
    this.violatingSoFar += summary.violating;
    const top = this.stack[this.stack.length - 1];
    const above = top ? top.devsAbove + (via >= 0 ? 1 : 0) : 0;
    for (let i = 0; i < summary.keys.length; i++) {
      const id = summary.keys[i] as number;
      const path = summary.paths[i] as Path;
      const first = this.tally[id] === undefined || this.tally[id] === 0;
      this.tally[id] = (this.tally[id] ?? 0) + (summary.counts[i] as number);
      const preemptions = above + path.count;
      const steps = baseStep + path.steps;
      const known = this.best[id];
      if (
        known &&
        (known.preemptions < preemptions ||
          (known.preemptions === preemptions && known.steps <= steps))
      ) {
        continue;
      }
      const found = {
        deviations: [...this.pathDeviations(), ...deviationsOf(path, this.stack.length)],
        steps,
        preemptions,
      };
      this.best[id] = found;
      if (first) this.options.onFound?.(this.keyNames[id] as string, found);
    }
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

  private keyId(name: string): number {
    let id = this.keyIds.get(name);
    if (id === undefined) {
      id = this.keyNames.length;
      this.keyIds.set(name, id);
      this.keyNames.push(name);
    }
    return id;
  }

  private memoFor(budget: number): Map<number | string, Summary> {
    let memo = this.memos.get(budget);
    if (!memo) {
      memo = new Map();
      this.memos.set(budget, memo);
    }
    return memo;
  }

  /** Sleep sets: the threads asleep in the child reached by `thread`. */
  private childSleep(frame: Frame<S>, thread: number): number {
    let out = 0;
    const candidates = frame.sleep | frame.explored;
    for (let u = 0; u < 31; u++) {
      if (u === thread || !(candidates & (1 << u))) continue;
      if (this.independent(frame, thread, u)) out |= 1 << u;
    }
    return out;
  }

  /** Whether the next steps of `t` and `u` commute at the frame's world (checked by running both orders). */
  private independent(frame: Frame<S>, t: number, u: number): boolean {
    const pair = t < u ? t * 32 + u : u * 32 + t;
    frame.independence ??= new Map();
    const known = frame.independence.get(pair);
    if (known !== undefined) return known;
    const a = this.both(frame.world, t, u);
    const b = a === null ? null : this.both(frame.world, u, t);
    const result = a !== null && a === b;
    frame.independence.set(pair, result);
    return result;
  }

  /** Hash (without lastThread) after `first` then `second`, or null if `second` cannot follow. */
  private both(world: World<S>, first: number, second: number): number | null {
    const w = clonePlain(world);
    stepWorld(this.program, w, first, this.stepOptions);
    if (!enabledThreads(this.program, w).includes(second)) return null;
    stepWorld(this.program, w, second, this.stepOptions);
    this.steps += 2;
    return fastHash(w, NO_LAST_THREAD);
  }
}
