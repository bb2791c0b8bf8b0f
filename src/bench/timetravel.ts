/**
 * Time travel on a long run: build a run of `steps` steps with `Run` (seeded
 * random scheduling, so the run also keeps a deviation per choice point, the
 * heavy case), then time `run.worldAt(step)` for seeded random steps: the
 * nearest checkpoint cloned and replayed forward, what a jump on the
 * timeline or the step slider costs. Each jump is timed on both clocks
 * (clock.ts); the CPU clock's figures, net of the cost of reading it, are
 * judged when the machine was busy. Memory is the growth of the V8 heap plus
 * external (ArrayBuffer) memory while the run was built, measured after a
 * full GC when Node runs with --expose-gc.
 *
 * The program is the first scenario whose horizon allows `steps` steps
 * (with default parameters or every parameter at its maximum) and that runs
 * that long, or else the engine's toy counter race with two threads and
 * steps / 4 increments each (a load and a store per increment); the report
 * names it.
 */
import { nextInt, RandomScheduler, Run, seedRng, type Program } from '../engine/index.ts';
import { counterRace } from '../testing/toy.ts';
import { defaultParams, SCENARIOS } from '../scenarios/index.ts';
import { basisOf, cpuMs, stopwatch, waitPct } from './clock.ts';
import { percentile } from './stats.ts';
import { GIL } from './targets.ts';
import type { MemoryFigure, TimeTravelFigure } from './types.ts';

const now = (): number => performance.now();
const MB = 1024 * 1024;

interface Long {
  readonly name: string;
  readonly program: Program<unknown>;
}

/**
 * Programs that may run `steps` steps, real scenarios first (default
 * parameters, then every parameter at its maximum), the toy last (it always does).
 */
export function longCandidates(steps: number): Long[] {
  const out: Long[] = [];
  for (const def of SCENARIOS) {
    const maxed = Object.fromEntries(def.params.map((p) => [p.id, p.max]));
    for (const [label, params] of [
      ['default parameters', defaultParams(def)],
      ['parameters at their maximum', maxed],
    ] as const) {
      const program = def.build('buggy', params, GIL);
      if (program.horizon.maxSteps >= steps)
        out.push({ name: `${def.id} (buggy, ${label})`, program });
    }
  }
  const per = Math.ceil(steps / 4);
  out.push({
    name: `toy counterRace(2, ${per.toLocaleString('en-US')})`,
    program: counterRace(2, per) as Program<unknown>,
  });
  return out;
}

function gc(): boolean {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) return false;
  g();
  g();
  return true;
}

function used(): { heap: number; external: number } {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external };
}

export interface TimeTravelResult {
  readonly timeTravel: TimeTravelFigure;
  readonly memory: MemoryFigure;
}

export function measureTimeTravel(steps: number, jumps: number, seed = 7): TimeTravelResult {
  const gcExposed = gc();
  let long: Long | undefined;
  let run: Run<unknown> | undefined;
  let before = used();
  let after = before;
  let buildMs = 0;
  for (const candidate of longCandidates(steps)) {
    run = undefined;
    gc();
    before = used();
    const t0 = now();
    const r = new Run(candidate.program, { gil: GIL });
    r.extend(new RandomScheduler(seed), steps);
    buildMs = now() - t0;
    gc();
    after = used();
    long = candidate;
    run = r;
    if (r.length >= steps) break;
  }
  if (!run || !long) throw new Error('no program to time travel in');
  const length = run.length;

  const rng = seedRng(seed);
  // Warm the replay path, then measure.
  for (let i = 0; i < 50; i++) run.worldAt(nextInt(rng, length + 1));
  const overhead = cpuReadOverheadMs();
  const wall: number[] = [];
  const cpu: number[] = [];
  const watch = stopwatch();
  for (let i = 0; i < jumps; i++) {
    const target = nextInt(rng, length + 1);
    const c0 = cpuMs();
    const w0 = now();
    run.worldAt(target);
    const w1 = now();
    const c1 = cpuMs();
    wall.push(w1 - w0);
    cpu.push(Math.max(0, c1 - c0 - overhead));
  }
  const wait = waitPct(watch.read());
  const stats = (xs: number[]) => ({
    p50Ms: round3(percentile(xs, 0.5)),
    p99Ms: round3(percentile(xs, 0.99)),
    maxMs: round3(percentile(xs, 1)),
  });
  const wallStats = stats(wall);
  const cpuStats = stats(cpu);
  const basis = basisOf(wait);
  const heap = (after.heap - before.heap) / MB;
  const external = (after.external - before.external) / MB;
  const scale = length >= 1_000_000 ? 1 : 1_000_000 / length;
  return {
    timeTravel: {
      steps: length,
      program: long.name,
      jumps,
      ...(basis === 'cpu' ? cpuStats : wallStats),
      basis,
      wall: wallStats,
      cpu: cpuStats,
      waitPct: wait,
      buildMs: Math.round(buildMs),
      checkpointEvery: run.checkpointEvery,
    },
    memory: {
      steps: length,
      program: long.name,
      mb: round1((heap + external) * scale),
      heapMb: round1(heap),
      externalMb: round1(external),
      extrapolated: scale !== 1,
      gcExposed,
    },
  };
}

/** What reading the CPU clock costs, to subtract from each jump's CPU time. */
function cpuReadOverheadMs(): number {
  const deltas: number[] = [];
  for (let i = 0; i < 200; i++) {
    const a = cpuMs();
    const b = cpuMs();
    deltas.push(b - a);
  }
  return percentile(deltas, 0.5);
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
