/**
 * The explorer's running totals: schedules, crashing and violating schedules
 * and the count per outcome key covered so far, and the minimal counterexample
 * of each key (fewest deviations, then fewest steps). The search reports each
 * fresh subtree here; a finished search's final counts come from the root's
 * summary instead (summary.ts), which these totals match.
 */
import { deviationsOf, type Path, type Summary } from './summary.ts';
import type { MinimalPath } from './explore.ts';

export class Tallies {
  covered = 0;
  crashing = 0;
  violating = 0;
  private readonly tally: number[] = [];
  private readonly best: (MinimalPath | undefined)[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly keyNames: string[] = [];

  constructor(private readonly onFound?: (key: string, path: MinimalPath) => void) {}

  /** A small number per outcome key, in order of first sight. */
  keyId(name: string): number {
    let id = this.keyIds.get(name);
    if (id === undefined) {
      id = this.keyNames.length;
      this.keyIds.set(name, id);
      this.keyNames.push(name);
    }
    return id;
  }

  keyName(id: number): string {
    return this.keyNames[id] as string;
  }

  /**
   * Adds a fresh subtree reached with `above` deviations, its paths counting
   * steps from `baseStep`. `pathDeviations` gives the deviations down to the
   * subtree (asked only when a path beats the best so far) and `depth` the
   * choice point the subtree's own deviations start at.
   */
  count(
    summary: Summary,
    above: number,
    baseStep: number,
    pathDeviations: () => [number, number][],
    depth: number,
  ): void {
    this.covered += summary.schedules;
    this.crashing += summary.crashing;
    this.violating += summary.violating;
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
        deviations: [...pathDeviations(), ...deviationsOf(path, depth)],
        steps,
        preemptions,
      };
      this.best[id] = found;
      if (first) this.onFound?.(this.keyName(id), found);
    }
  }

  /** Schedules per outcome key so far. */
  byOutcome(): Record<string, number> {
    const out: Record<string, number> = {};
    this.tally.forEach((n, id) => {
      if (n > 0) out[this.keyName(id)] = n;
    });
    return out;
  }

  /** The minimal counterexample per outcome key so far. */
  minimal(): Record<string, MinimalPath> {
    const out: Record<string, MinimalPath> = {};
    this.best.forEach((path, id) => {
      if (path) out[this.keyName(id)] = path;
    });
    return out;
  }

  /** Counts and minimal paths of a finished search, from the root's summary. */
  final(
    summary: Summary,
    baseStep: number,
  ): { byOutcome: Record<string, number>; minimal: Record<string, MinimalPath> } {
    const byOutcome: Record<string, number> = {};
    const minimal: Record<string, MinimalPath> = {};
    summary.keys.forEach((id, i) => {
      const name = this.keyName(id);
      const path = summary.paths[i] as Path;
      byOutcome[name] = summary.counts[i] as number;
      minimal[name] = {
        deviations: deviationsOf(path),
        steps: baseStep + path.steps,
        preemptions: path.count,
      };
    });
    return { byOutcome, minimal };
  }
}
