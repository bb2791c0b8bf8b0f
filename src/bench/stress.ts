/**
 * Stress testing against exhaustive search: N uniformly random schedules of a
 * buggy scenario (src/explorer/sample.ts), the crashes they found and how long
 * until the first one, beside the explorer's time to its first crash on the
 * same program. The sampler has no "first crash" hook, so the benchmark asks
 * it after each run whose failing count moved (`shouldStop` is polled once
 * per run); after the first crash it costs nothing more.
 */
import type { Program } from '../engine/index.ts';
import { Sampling } from '../explorer/sample.ts';
import { basisOf, spanMs, stopwatch, waitPct, type Span } from './clock.ts';
import { measureExplore } from './explore.ts';
import { GIL } from './targets.ts';
import type { ExploreFigure, StressFigure } from './types.ts';

const r1 = (n: number): number => Math.round(n * 10) / 10;

export function measureStress(
  scenario: string,
  program: Program<unknown>,
  runs: number,
  seed = 1,
  /** The explorer's figure for the same program, when the explore part already has it. */
  explored?: ExploreFigure,
): StressFigure {
  const first: { at: Span | null; run: number | null } = { at: null, run: null };
  let lastFailing = 0;
  const holder: { sampling: Sampling<unknown> | null } = { sampling: null };
  const watch = stopwatch();
  const sampling = new Sampling(program, GIL, {
    strategy: 'random',
    runs,
    seed,
    shouldStop: () => {
      const s = holder.sampling;
      if (first.at !== null || s === null) return false;
      const p = s.progress();
      if (p.failing !== lastFailing) {
        lastFailing = p.failing;
        if (s.result().crashing > 0) {
          first.at = watch.read();
          first.run = p.runs;
        }
      }
      return false;
    },
  });
  holder.sampling = sampling;
  sampling.runFor(Infinity);
  const span = watch.read();
  const result = sampling.result();
  const wait = waitPct(span);
  const basis = basisOf(wait);
  const beside = explored ?? measureExplore(scenario, 'buggy', program);
  return {
    scenario,
    variant: 'buggy',
    strategy: 'random',
    seed,
    runs: result.runs,
    ms: r1(spanMs(span, basis)),
    basis,
    wallMs: r1(span.wallMs),
    waitPct: wait,
    crashesFound: result.crashing,
    failingRuns: result.failing,
    firstCrashRun: first.run,
    firstCrashMs: first.at === null ? null : r1(spanMs(first.at, basis)),
    distinctSchedules: result.distinctSchedules,
    explorer: {
      firstCrashMs: beside.firstCrashMs,
      ms: beside.ms,
      complete: beside.complete,
      schedules: beside.schedules,
      crashing: beside.crashing,
    },
  };
}
