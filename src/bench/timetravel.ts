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

/** The run jumped about in, and what building it took. */
interface LongRun {
  readonly long: Long;
  readonly run: Run<unknown>;
  readonly buildMs: number;
  /** Memory in use before and after the run was built (after a full GC where exposed). */
  readonly before: { heap: number; external: number };
  readonly after: { heap: number; external: number };
}

export function measureTimeTravel(steps: number, jumps: number, seed = 7): TimeTravelResult {
  const gcExposed = gc();
  const built = buildLongRun(steps, seed);
  const { long, run } = built;
  const length = run.length;
  const timed = timeJumps(run, jumps, seed);
  const basis = basisOf(timed.waitPct);
  const heap = (built.after.heap - built.before.heap) / MB;
  const external = (built.after.external - built.before.external) / MB;
  const scale = length >= 1_000_000 ? 1 : 1_000_000 / length;
  return {
    timeTravel: {
      steps: length,
      program: long.name,
      jumps,
      ...(basis === 'cpu' ? timed.cpu : timed.wall),
      basis,
      wall: timed.wall,
      cpu: timed.cpu,
      waitPct: timed.waitPct,
      buildMs: Math.round(built.buildMs),
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

/** The first candidate that runs `steps` steps (else the last tried), built and measured. */
function buildLongRun(steps: number, seed: number): LongRun {
  let built: LongRun | undefined;
  for (const candidate of longCandidates(steps)) {
    // Let the previous candidate's run be collected before measuring this one.
    built = undefined;
    gc();
    const before = used();
    const t0 = now();
    const run = new Run(candidate.program, { gil: GIL });
    run.extend(new RandomScheduler(seed), steps);
    const buildMs = now() - t0;
    gc();
    built = { long: candidate, run, buildMs, before, after: used() };
    if (run.length >= steps) break;
  }
  if (!built) throw new Error('no program to time travel in');
  return built;
}

interface JumpTimes {
  readonly wall: JumpStats;
  readonly cpu: JumpStats;
  readonly waitPct: number;
}

interface JumpStats {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Times `jumps` seeded random `worldAt` calls on both clocks, after 50 unmeasured ones. */
function timeJumps(run: Run<unknown>, jumps: number, seed: number): JumpTimes {
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
  return { wall: jumpStats(wall), cpu: jumpStats(cpu), waitPct: wait };
}

function jumpStats(xs: number[]): JumpStats {
  return {
    p50Ms: round3(percentile(xs, 0.5)),
    p99Ms: round3(percentile(xs, 0.99)),
    maxMs: round3(percentile(xs, 1)),
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
