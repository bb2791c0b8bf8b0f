/**
 * Explorer timings: the default exploration (src/explorer/defaults.ts bounds)
 * of a scenario variant, as the app's "explore" button runs it, with the time
 * until the first crashing schedule was counted (the explorer's onFound hook,
 * which fires the first time each outcome key is reached). Both clocks are
 * read (clock.ts); `ms` is the judged one.
 */
import { defaultBounds } from '../explorer/defaults.ts';
import { explore } from '../explorer/explore.ts';
import type { Program } from '../engine/index.ts';
import { basisOf, spanMs, stopwatch, waitPct, type Span } from './clock.ts';
import { GIL } from './targets.ts';
import type { ExploreFigure } from './types.ts';

export interface ExploreBenchOptions {
  /** Cap on distinct states (quick mode); default: the scenario's default. */
  readonly maxStates?: number;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

export function measureExplore(
  scenario: string,
  variant: string,
  program: Program<unknown>,
  options: ExploreBenchOptions = {},
): ExploreFigure {
  const bounds = defaultBounds(scenario);
  const maxStates = Math.min(bounds.maxStates, options.maxStates ?? Infinity);
  const found: { at: Span | null } = { at: null };
  const watch = stopwatch();
  const result = explore(program, GIL, {
    preemptions: bounds.preemptions,
    maxStates,
    onFound: (key) => {
      if (found.at === null && key.startsWith('crash:')) found.at = watch.read();
    },
  });
  const span = watch.read();
  const wait = waitPct(span);
  const basis = basisOf(wait);
  const ms = spanMs(span, basis);
  return {
    scenario,
    variant,
    preemptions: Number.isFinite(bounds.preemptions) ? bounds.preemptions : null,
    maxStates,
    complete: result.complete,
    ms: r1(ms),
    basis,
    wallMs: r1(span.wallMs),
    cpuMs: r1(span.cpuMs),
    waitPct: wait,
    states: result.states,
    statesPerSec: ms > 0 ? Math.round((result.states * 1000) / ms) : 0,
    schedules: result.schedules,
    steps: result.steps,
    crashing: result.crashing,
    firstCrashMs: found.at === null ? null : r1(spanMs(found.at, basis)),
  };
}
