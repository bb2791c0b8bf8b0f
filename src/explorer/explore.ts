/**
 * Systematic exploration of a program's schedules. Depth-first over the choice
 * points (steps where more than one thread may run), bounded by the number of
 * preemptions: choices that differ from the natural schedule (delay bounding,
 * Emmi, Qadeer and Rakamarić, POPL 2011 — the timed cousin of CHESS's
 * preemption bound). A natural run has 0 preemptions.
 *
 * States are memoised by (world hash, remaining budget): the subtree below a
 * state is the same whichever path reached it, so its summary (schedule count
 * per outcome, minimal counterexample per outcome) is reused. Counts are
 * therefore exact numbers of schedules even though each distinct state is
 * explored once.
 */
import {
  enabledThreads,
  endWorld,
  hashPlain,
  naturalChoice,
  outcomeKeys,
  stepWorld,
  clonePlain,
  type GilMode,
  type Program,
  type World,
} from '../engine/index.ts';

export interface ExploreOptions {
  /** Most deviations from the natural schedule a schedule may make. Default 2. */
  readonly preemptions?: number;
  /** Stop (incomplete) after this many distinct states. Default 2,000,000. */
  readonly maxStates?: number;
}

export interface MinimalPath {
  /** [choice point, thread index] pairs: the schedule's deviations. */
  readonly deviations: readonly (readonly [number, number])[];
  readonly steps: number;
  readonly preemptions: number;
}

export interface ExploreResult {
  readonly complete: boolean;
  readonly preemptionBound: number;
  readonly schedules: number;
  readonly states: number;
  readonly byOutcome: Readonly<Record<string, number>>;
  readonly minimal: Readonly<Record<string, MinimalPath>>;
}

interface Path {
  /** [choice points from the subtree root, thread] */
  readonly devs: readonly (readonly [number, number])[];
  readonly steps: number;
  /** Choice points on the path, to shift the deviations of the parent. */
  readonly points: number;
}

interface Summary {
  schedules: number;
  byOutcome: Map<string, number>;
  minimal: Map<string, Path>;
}

class Budget extends Error {}

export function explore<S>(program: Program<S>, gil: GilMode, options: ExploreOptions = {}): ExploreResult {
  const bound = options.preemptions ?? 2;
  const maxStates = options.maxStates ?? 2_000_000;
  const memo = new Map<string, Summary>();
  const stepOptions = { gil, recording: false };
  let complete = true;
  let root: Summary;

  const visit = (world: World<S>, budget: number): Summary => {
    let stretch = 0;
    let enabled = enabledThreads(program, world);
    while (!world.ended && enabled.length === 1) {
      stepWorld(program, world, enabled[0] as number, stepOptions);
      stretch++;
      enabled = enabledThreads(program, world);
    }
    if (world.ended || enabled.length === 0) {
      endWorld(program, world, stepOptions);
      return leaf(world as World<unknown>, stretch);
    }
    const key = `${hashPlain(world)}:${budget}`;
    let summary = memo.get(key);
    if (!summary) {
      if (memo.size >= maxStates) throw new Budget();
      summary = branch(world, enabled, budget);
      memo.set(key, summary);
    }
    return stretch === 0 ? summary : lengthen(summary, stretch);
  };

  const branch = (world: World<S>, enabled: readonly number[], budget: number): Summary => {
    const natural = naturalChoice(program, world, enabled);
    const out: Summary = { schedules: 0, byOutcome: new Map(), minimal: new Map() };
    const children = enabled.filter((i) => i === natural || budget > 0);
    children.forEach((thread, k) => {
      const cost = thread === natural ? 0 : 1;
      const child = k === children.length - 1 ? world : clonePlain(world);
      stepWorld(program, child, thread, stepOptions);
      merge(out, visit(child, budget - cost), cost ? thread : -1);
    });
    return out;
  };

  try {
    root = visit(program.init(), bound);
  } catch (error) {
    if (!(error instanceof Budget)) throw error;
    complete = false;
    root = { schedules: 0, byOutcome: new Map(), minimal: new Map() };
  }
  return {
    complete,
    preemptionBound: bound,
    schedules: root.schedules,
    states: memo.size,
    byOutcome: Object.fromEntries(root.byOutcome),
    minimal: Object.fromEntries(
      [...root.minimal].map(([k, p]) => [k, { deviations: p.devs, steps: p.steps, preemptions: p.devs.length }]),
    ),
  };
}

function leaf(world: World<unknown>, steps: number): Summary {
  const keys = outcomeKeys(world);
  const path: Path = { devs: [], steps, points: 0 };
  return {
    schedules: 1,
    byOutcome: new Map(keys.map((k) => [k, 1])),
    minimal: new Map(keys.map((k) => [k, path])),
  };
}

function lengthen(summary: Summary, steps: number): Summary {
  const minimal = new Map<string, Path>();
  for (const [k, p] of summary.minimal) minimal.set(k, { ...p, steps: p.steps + steps });
  return { schedules: summary.schedules, byOutcome: summary.byOutcome, minimal };
}

/** Adds a child reached by one step (a deviation to `thread`, or the natural choice if -1). */
function merge(into: Summary, child: Summary, thread: number): void {
  into.schedules += child.schedules;
  for (const [k, n] of child.byOutcome) into.byOutcome.set(k, (into.byOutcome.get(k) ?? 0) + n);
  for (const [k, p] of child.minimal) {
    const shifted = p.devs.map(([point, t]) => [point + 1, t] as const);
    const candidate: Path = {
      devs: thread >= 0 ? [[0, thread] as const, ...shifted] : shifted,
      steps: p.steps + 1,
      points: p.points + 1,
    };
    const best = into.minimal.get(k);
    if (!best || better(candidate, best)) into.minimal.set(k, candidate);
  }
}

function better(a: Path, b: Path): boolean {
  return a.devs.length !== b.devs.length ? a.devs.length < b.devs.length : a.steps < b.steps;
}
