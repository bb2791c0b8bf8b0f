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
 * trials, each from a collected heap; the figures are the fastest trial's
 * (the medians are kept too). The bench measures each program in a Node
 * process of its own (isolate.ts).
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

interface Rate {
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

/** One thing to measure: `once(i)` runs the i-th run and returns its steps. */
interface Workload {
  readonly seconds: number;
  readonly once: (i: number) => number;
}

/**
 * Runs each workload back to back in `trials` trials of about
 * `seconds / trials` each and reports the fastest and the median trial, on
 * both clocks (see clock.ts). The workloads take turns, one trial each, so
 * they meet the same machine: the machine's speed drifts over seconds, and a
 * workload measured after the others would also be better warmed up. Other
 * processes preempt the benchmark now and then; the fastest trial is the
 * usual estimate of the undisturbed speed (as Python's timeit advises).
 */
function repeat(workloads: readonly Workload[], trials = 30): Rate[] {
  const acc = workloads.map(() => ({
    wall: [] as number[],
    cpu: [] as number[],
    runsPerSec: [] as number[],
    wallSum: 0,
    cpuSum: 0,
    i: 0,
  }));
  for (let k = 0; k < trials; k++) {
    workloads.forEach((w, n) => {
      const a = acc[n] as (typeof acc)[number];
      const trialMs = (w.seconds * 1000) / trials;
      // Every trial starts from a collected heap (when Node runs with --expose-gc).
      (globalThis as { gc?: () => void }).gc?.();
      let steps = 0;
      let runs = 0;
      const watch = stopwatch();
      const t0 = now();
      do {
        // A few runs between clock reads: a clock read costs about as much as a short run.
        for (let j = 0; j < 8; j++, runs++) steps += w.once(a.i++);
      } while (now() - t0 < trialMs);
      const span = watch.read();
      a.wall.push((steps * 1000) / span.wallMs);
      a.cpu.push(span.cpuMs > 0 ? (steps * 1000) / span.cpuMs : 0);
      a.runsPerSec.push((runs * 1000) / span.wallMs);
      a.wallSum += span.wallMs;
      a.cpuSum += span.cpuMs;
    });
  }
  return acc.map((a) => ({
    wall: Math.round(Math.max(...a.wall)),
    cpu: Math.round(Math.max(...a.cpu)),
    wallMedian: Math.round(percentile(a.wall, 0.5)),
    cpuMedian: Math.round(percentile(a.cpu, 0.5)),
    waitPct: waitPct({ wallMs: a.wallSum, cpuMs: a.cpuSum }),
    runsPerSec: Math.round(Math.max(...a.runsPerSec)),
  }));
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

export function measureEngine(target: Target, seconds: number): EngineFigure {
  const p = target.program;
  // A world has hundreds of small instructions, each run once or twice per run:
  // V8 takes about a second to optimise them all (measured: trials speed up
  // over the first second), so the trials start after that.
  const warm = Math.min(1, seconds / 3);
  const workloads: Workload[] = [
    { seconds, once: () => runOnce(p) },
    { seconds: seconds / 2, once: (i) => randomRunOnce(p, i + 1) },
    { seconds: seconds / 2, once: () => kernelOnce(p) },
  ];
  repeat(
    workloads.map((w) => ({ ...w, seconds: (warm * w.seconds) / (2 * seconds) })),
    4,
  );
  const [run, random, kernel] = repeat(workloads) as [Rate, Rate, Rate];
  // Each column on its own clock: the CPU clock's when its trials waited for a CPU.
  const judged = (r: Rate): number => (basisOf(r.waitPct) === 'cpu' ? r.cpu : r.wall);
  const judgedMedian = (r: Rate): number =>
    basisOf(r.waitPct) === 'cpu' ? r.cpuMedian : r.wallMedian;
  const basis = basisOf(run.waitPct);
  return {
    target: target.id,
    toy: target.toy,
    basis,
    stepsPerRun: runOnce(p),
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
