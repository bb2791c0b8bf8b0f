/**
 * What the explorer remembers about a subtree of schedules: how many schedules
 * it holds, how many of them crash or violate an invariant, the count per
 * outcome key, and the minimal path to each outcome (fewest deviations from
 * the natural schedule, then fewest steps). A summary depends only on the
 * state at the subtree's root (and the remaining budget), which is what lets
 * the explorer memoise it and still count every schedule exactly.
 *
 * Paths are persistent linked lists of deviations with gaps between choice
 * points (the same gaps the schedule string encodes), so putting one step in
 * front of a path is O(1): a natural step bumps the first gap, a deviation
 * pushes a node. Copying deviation arrays at every level instead made merging
 * quadratic in the depth of the tree.
 */

/** One deviation: `gap` choice points after the previous one (or the subtree root), run `thread`. */
export interface DevNode {
  readonly gap: number;
  readonly thread: number;
  readonly next: DevNode | null;
}

export interface Path {
  readonly head: DevNode | null;
  /** Number of deviations (preemptions) on the path. */
  readonly count: number;
  /**
   * Steps from the subtree root to the first step at which the outcome holds.
   * Negative when the outcome already held before the subtree's root.
   */
  readonly steps: number;
}

/** Per-subtree counts. Outcome keys are interned to small integers by the explorer. */
export interface Summary {
  schedules: number;
  crashing: number;
  violating: number;
  /** Outcome key ids present in the subtree, with their counts and minimal paths (parallel arrays). */
  readonly keys: number[];
  readonly counts: number[];
  readonly paths: Path[];
}

export function emptySummary(): Summary {
  return { schedules: 0, crashing: 0, violating: 0, keys: [], counts: [], paths: [] };
}

/** Whether path `a` is a simpler counterexample than `b`: fewer deviations, then fewer steps. */
export function better(a: Path, b: Path): boolean {
  return a.count !== b.count ? a.count < b.count : a.steps < b.steps;
}

/**
 * The path seen from one choice point higher: the step there ran `via` (a
 * deviation) or the natural choice (`via` < 0), then `stretch` forced steps.
 */
export function extendPath(p: Path, via: number, stretch: number): Path {
  const steps = p.steps + 1 + stretch;
  if (via >= 0) return { head: { gap: 0, thread: via, next: p.head }, count: p.count + 1, steps };
  const head = p.head ? { gap: p.head.gap + 1, thread: p.head.thread, next: p.head.next } : null;
  return { head, count: p.count, steps };
}

/** Adds a child subtree, reached from this choice point by `via` then `stretch` forced steps. */
export function mergeInto(into: Summary, child: Summary, via: number, stretch: number): void {
  into.schedules += child.schedules;
  into.crashing += child.crashing;
  into.violating += child.violating;
  for (let i = 0; i < child.keys.length; i++) {
    const key = child.keys[i] as number;
    const path = extendPath(child.paths[i] as Path, via, stretch);
    const at = into.keys.indexOf(key);
    if (at < 0) {
      into.keys.push(key);
      into.counts.push(child.counts[i] as number);
      into.paths.push(path);
    } else {
      into.counts[at] = (into.counts[at] as number) + (child.counts[i] as number);
      if (better(path, into.paths[at] as Path)) into.paths[at] = path;
    }
  }
}

/** A subtree seen from `stretch` forced steps higher up (no choice point in between). */
export function lengthen(summary: Summary, stretch: number): Summary {
  if (stretch === 0) return summary;
  return {
    ...summary,
    paths: summary.paths.map((p) => ({ head: p.head, count: p.count, steps: p.steps + stretch })),
  };
}

/** The deviations of a path as [choice point, thread] pairs, the first choice point being `offset`. */
export function deviationsOf(path: Path, offset = 0): [number, number][] {
  const out: [number, number][] = [];
  let point = offset - 1;
  for (let node = path.head; node; node = node.next) {
    point += node.gap + 1;
    out.push([point, node.thread]);
  }
  return out;
}
