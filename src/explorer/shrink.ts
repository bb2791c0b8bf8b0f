/**
 * Shrinking: any failing schedule (from sampling, from a person clicking
 * through the threads, from a shared link) made as simple as it goes. Greedy,
 * like QuickCheck's shrinkers: drop one deviation at a time, latest first,
 * keeping each drop after which the outcome still occurs, until no single drop
 * works; then cut the schedule at the first step where the outcome holds.
 * The result is a local minimum (no single deviation can be removed), not
 * necessarily the global one the explorer finds within its bound.
 */
import type { SwitchMode, Program } from '../engine/index.ts';
import type { MinimalPath } from './explore.ts';
import { occurrenceStep } from './outcomes.ts';
import { replayDeviations } from './replay.ts';

export interface ShrinkOptions {
  /** Give up after this many replays. Default 1,000. */
  readonly maxReplays?: number;
}

export type ShrinkResult =
  | ({ readonly ok: true; readonly replays: number } & MinimalPath)
  | { readonly ok: false; readonly error: string; readonly replays: number };

export function shrink<S>(
  program: Program<S>,
  gil: SwitchMode,
  deviations: readonly (readonly [number, number])[],
  outcomeKey: string,
  options: ShrinkOptions = {},
): ShrinkResult {
  const maxReplays = options.maxReplays ?? 1_000;
  let replays = 0;
  /** The deviations (effective, cut at the outcome) and steps if `devs` still reaches the outcome. */
  const attempt = (devs: readonly (readonly [number, number])[]): MinimalPath | null => {
    replays++;
    const full = replayDeviations(program, gil, devs);
    const at = occurrenceStep(full.world as never, outcomeKey);
    if (at === null) return null;
    replays++;
    const cut = replayDeviations(program, gil, devs, at);
    return { deviations: cut.deviations, steps: at, preemptions: cut.deviations.length };
  };

  let current = attempt(deviations);
  if (!current) {
    return { ok: false, error: `The schedule does not reach "${outcomeKey}".`, replays };
  }
  let improved = true;
  while (improved && replays < maxReplays) {
    improved = false;
    for (let i = current.deviations.length - 1; i >= 0 && replays < maxReplays; i--) {
      const candidate = attempt(current.deviations.filter((_, k) => k !== i));
      if (candidate && candidate.preemptions < current.preemptions) {
        current = candidate;
        improved = true;
        break;
      }
    }
  }
  return { ok: true, replays, ...current };
}
