/**
 * Engine throughput: how many steps per second a scenario runs. Three figures
 * per program, so the number is honest about what it measures:
 * - run: `new Run(program)` + `extend(naturalScheduler)`, what the app does
 *   (columns, checkpoints every 512 steps, natural-choice bookkeeping);
 * - random: the same with a fresh seeded `RandomScheduler` per run;
 * - kernel: scanEnabled (the enabled threads and the natural choice in one
 *   pass) + stepWorld on a fresh world, the explorer's inner loop.
 * The scenarios are short, so many runs go back to back (a fresh
 * `program.init()` each) for about `seconds`, after a warm-up, in thirty
 * trials (no forced GC between them: a full GC shrinks V8's young generation,
 * and the next trial then pays for growing it again); the figures are the fastest trial's
 * (the medians are kept too). The bench measures each program and column in
 * a Node process of its own (isolate.ts).
 */
import {
  naturalScheduler,
  RandomScheduler,
  Run,
  scanEnabled,
  stepWorld,
  type Program,
} from '../engine/index.ts';
import { basisOf, stopwatch, waitPct } from './clock.ts';
import { percentile } from './stats.ts';
import { GIL, type Target } from './targets.ts';
import type { EngineFigure } from './types.ts';

const now = (): number => performance.now();

export interface Rate {
  /** Steps per second of the fastest trial, by the wall clock and by the CPU clock. */
  readonly wall: number;
  readonly cpu: number;
  /** Steps per second of the median trial, by both clocks. */
  readonly wallMedian: number;
  readonly cpuMedian: number;
  /** Share of all trials' wall time the process waited for a CPU. */
  readonly waitPct: number;
  readonly runsPerSec: number;
}

/**
 * Runs `once(i)` (the i-th run; returns its steps) back to back in `trials`
 * trials of about `seconds / trials` each and reports the fastest and the
 * median trial, on both clocks (see clock.ts). Other processes preempt the
 * benchmark now and then, and this machine's speed drifts over seconds; the
 * fastest trial is the usual estimate of the undisturbed speed (as Python's
 * timeit advises).
 */
function repeat(seconds: number, once: (i: number) => number, trials = 30): Rate {
  const trialMs = (seconds * 1000) / trials;
  const wall: number[] = [];
  const cpu: number[] = [];
  const runsPerSec: number[] = [];
  let i = 0;
  let wallSum = 0;
  let cpuSum = 0;
  for (let k = 0; k < trials; k++) {
    let steps = 0;
    let runs = 0;
    const watch = stopwatch();
    const t0 = now();
    do {
      // A few runs between clock reads: a clock read costs about as much as a short run.
      for (let j = 0; j < 8; j++, runs++) steps += once(i++);
    } while (now() - t0 < trialMs);
    const span = watch.read();
    wall.push((steps * 1000) / span.wallMs);
    cpu.push(span.cpuMs > 0 ? (steps * 1000) / span.cpuMs : 0);
    runsPerSec.push((runs * 1000) / span.wallMs);
    wallSum += span.wallMs;
    cpuSum += span.cpuMs;
  }
  return {
    wall: Math.round(Math.max(...wall)),
    cpu: Math.round(Math.max(...cpu)),
    wallMedian: Math.round(percentile(wall, 0.5)),
    cpuMedian: Math.round(percentile(cpu, 0.5)),
    waitPct: waitPct({ wallMs: wallSum, cpuMs: cpuSum }),
    runsPerSec: Math.round(Math.max(...runsPerSec)),
  };
}

export function runOnce(program: Program<unknown>): number {
  const run = new Run(program, { gil: GIL });
  run.extend(naturalScheduler);
  return run.length;
}

export function randomRunOnce(program: Program<unknown>, seed: number): number {
  const run = new Run(program, { gil: GIL });
  run.extend(new RandomScheduler(seed));
  return run.length;
}

const KERNEL_OPTIONS = { gil: GIL, recording: false } as const;

export function kernelOnce(program: Program<unknown>): number {
  const world = program.init();
  let steps = 0;
  let scan = scanEnabled(program, world);
  while (scan.count > 0) {
    stepWorld(program, world, scan.natural, KERNEL_OPTIONS);
    steps++;
    scan = scanEnabled(program, world);
  }
  return steps;
}

/** The three ways of running a program the engine figures measure (see the top of this file). */
export const ENGINE_COLUMNS = ['run', 'random', 'kernel'] as const;
export type EngineColumn = (typeof ENGINE_COLUMNS)[number];

/**
 * Measures one column for `seconds` (the random and kernel columns for half
 * of it), after a warm-up: a world has hundreds of small instructions, each
 * executed once or twice per run, and V8 takes about a second to optimise
 * them all (measured: trials speed up over the first second).
 */
export function measureColumn(target: Target, column: EngineColumn, seconds: number): Rate {
  const p = target.program;
  const once: (i: number) => number =
    column === 'run'
      ? () => runOnce(p)
      : column === 'random'
        ? (i) => randomRunOnce(p, i + 1)
        : () => kernelOnce(p);
  repeat(Math.min(1, seconds / 3), once, 4);
  return repeat(column === 'run' ? seconds : seconds / 2, once);
}

/** The figure of a program from its three columns' rates. */
export function engineFigure(
  target: Target,
  rates: Readonly<Record<EngineColumn, Rate>>,
): EngineFigure {
  const { run, random, kernel } = rates;
  // Each column on its own clock: the CPU clock's when its trials waited for a CPU.
  const judged = (r: Rate): number => (basisOf(r.waitPct) === 'cpu' ? r.cpu : r.wall);
  const judgedMedian = (r: Rate): number =>
    basisOf(r.waitPct) === 'cpu' ? r.cpuMedian : r.wallMedian;
  return {
    target: target.id,
    toy: target.toy,
    basis: basisOf(run.waitPct),
    stepsPerRun: runOnce(target.program),
    runStepsPerSec: judged(run),
    runStepsPerSecMedian: judgedMedian(run),
    runStepsPerSecWall: run.wall,
    randomStepsPerSec: judged(random),
    kernelStepsPerSec: judged(kernel),
    kernelStepsPerSecMedian: judgedMedian(kernel),
    waitPct: run.waitPct,
    runsPerSec: run.runsPerSec,
  };
}

/** All three columns of a program, in this process. */
export function measureEngine(target: Target, seconds: number): EngineFigure {
  return engineFigure(target, {
    run: measureColumn(target, 'run', seconds),
    random: measureColumn(target, 'random', seconds),
    kernel: measureColumn(target, 'kernel', seconds),
  });
}
