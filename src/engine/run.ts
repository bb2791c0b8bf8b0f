/**
 * A run: one linear history of steps with time travel. It keeps, for every
 * step, only compact columns (which thread, when, which line) plus a clone of
 * the world every `checkpointEvery` steps. Any step's world is the nearest
 * checkpoint replayed forward (at most `checkpointEvery` steps), so a jump
 * anywhere in a million-step run costs the same as a jump one step back
 * (Python Tutor keeps the whole trace; we keep checkpoints).
 */
import type { SimEvent } from './events.ts';
import {
  enabledOf,
  enabledThreads,
  endWorld,
  scanEnabled,
  stepWorld,
  type StepOptions,
} from './kernel.ts';
import { clonePlain } from './plain.ts';
import type { Schedule } from './schedule.ts';
import { prepare, type PreparedInstr } from './prepared.ts';
import { naturalScheduler } from './scheduler/natural.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import type { SwitchMode, Program, StepRecord, ThreadState, World } from './types.ts';

export interface RunOptions {
  readonly gil: SwitchMode;
  readonly checkpointEvery?: number;
}

type TypedColumn = Int32Array | Float64Array;

/**
 * One number per step. Most runs are short (a few hundred steps), and making
 * a typed array costs about a microsecond, as much as several steps, so a
 * column starts as a plain array; past `SMALL_COLUMN` entries it moves to a
 * typed array, which holds a million-step run in a fraction of the memory.
 */
const SMALL_COLUMN = 4096;

class Column {
  private small: number[] | null;
  private big: TypedColumn | null = null;
  /**
   * `expected`: how many steps the run will likely take. Sizing the array up
   * front matters: growing a plain array step by step copies it several
   * times, which costs twice the writes themselves.
   */
  constructor(
    private readonly make: (n: number) => TypedColumn,
    expected: number,
  ) {
    this.small = new Array<number>(expected);
  }

  /** Writes entry `i`; `i` is at most the number of entries written so far. */
  set(i: number, v: number): void {
    const small = this.small;
    if (small !== null) {
      if (i < SMALL_COLUMN) {
        small[i] = v;
        return;
      }
      const moved = this.make(SMALL_COLUMN * 2);
      moved.set(small);
      this.big = moved;
      this.small = null;
    }
    let big = this.big as TypedColumn;
    if (i >= big.length) {
      const bigger = this.make(big.length * 2);
      bigger.set(big);
      this.big = big = bigger;
    }
    big[i] = v;
  }

  get(i: number): number {
    return (this.small !== null ? this.small[i] : (this.big as TypedColumn)[i]) as number;
  }
}

/**
 * A step's entry in the step column: the instruction it executed (its id,
 * prepared.ts), the thread, and whether it was a choice point (more than one
 * thread could run), in one number. Programs have hundreds of instructions,
 * far below the 2^22 that fit in an Int32.
 */
const packStep = (id: number, thread: number, choicePoint: boolean): number =>
  (id * 256 + thread) * 2 + (choicePoint ? 1 : 0);
const stepThread = (packed: number): number => (packed >> 1) & 255;
const stepInstrId = (packed: number): number => packed >> 9;
const stepIsChoicePoint = (packed: number): boolean => (packed & 1) === 1;

const int32s = (n: number): Int32Array => new Int32Array(n);
const float64s = (n: number): Float64Array => new Float64Array(n);

export class Run<S> {
  readonly gil: SwitchMode;
  readonly checkpointEvery: number;
  /** The world after every `checkpointEvery`-th step; the first is `program.init()`, made on demand. */
  private readonly checkpoints: (World<S> | null)[] = [null];
  private head: World<S>;
  private count = 0;
  /** Steps until the next checkpoint is taken. */
  private untilCheckpoint: number;
  /**
   * Per step, `packStep(instruction, thread, choice point)`: one column rather
   * than three, as writing columns is a good part of a run's cost.
   */
  private readonly stepCol: Column;
  private readonly timeCol: Column;
  private points = 0;
  private deviations: [number, number][] = [];
  private trailing: readonly SimEvent[] = [];
  /** The options of every unrecorded step, made once rather than per step. */
  private readonly quiet: StepOptions;

  constructor(
    readonly program: Program<S>,
    options: RunOptions,
  ) {
    this.gil = options.gil;
    this.checkpointEvery = options.checkpointEvery ?? 512;
    this.untilCheckpoint = this.checkpointEvery;
    this.quiet = { gil: this.gil, recording: false };
    // Programs are pure: init() always makes the same world, so the first
    // checkpoint is made again when needed rather than cloned for every run.
    this.head = program.init();
    const expected = prepare(program).runLength;
    this.stepCol = new Column(int32s, expected);
    this.timeCol = new Column(float64s, expected);
    this.settle();
  }

  /** Number of steps in the history. */
  get length(): number {
    return this.count;
  }

  get ended(): boolean {
    return this.head.ended;
  }

  /** The world after the last step. Do not mutate it. */
  get last(): Readonly<World<S>> {
    return this.head;
  }

  /** Thread index that took step `i` (0-based). */
  threadAt(i: number): number {
    return stepThread(this.stepCol.get(i));
  }

  /** Virtual time at which step `i` started. */
  timeAt(i: number): number {
    return this.timeCol.get(i);
  }

  /** Instruction key (`pc`) of step `i`. */
  pcAt(i: number): string {
    return (prepare(this.program).byId[stepInstrId(this.stepCol.get(i))] as PreparedInstr<S>).pc;
  }

  /** Events raised when the run ended (end-of-run invariants), if any. */
  get endEvents(): readonly SimEvent[] {
    return this.trailing;
  }

  /** Runs until the run ends or `maxSteps` more steps were taken. Returns steps taken. */
  extend(scheduler: Scheduler, maxSteps = Infinity): number {
    let taken = 0;
    const natural = scheduler === naturalScheduler;
    while (taken < maxSteps && !this.head.ended) {
      const scan = scanEnabled(this.program, this.head);
      const count = scan.count;
      if (count === 0) break;
      // The scan found the natural choice too: the natural scheduler need not be asked.
      const chosen = natural
        ? scan.natural
        : scheduler.choose(this.program, this.head, enabledOf(scan));
      this.append(count > 1, chosen, scan.natural, scan.instrIds[chosen] as number);
      taken++;
    }
    this.settle();
    return taken;
  }

  /**
   * Takes one step with the named thread, first cutting the history at `atStep`
   * (a fork: what came after is dropped). Returns false if that thread cannot step there.
   */
  stepWith(threadIndex: number, atStep = this.count): boolean {
    const world = this.worldAt(atStep);
    const scan = scanEnabled(this.program, world);
    if (!enabledOf(scan).includes(threadIndex)) return false;
    const choicePoint = scan.count > 1;
    const natural = scan.natural;
    const id = scan.instrIds[threadIndex] as number;
    this.truncate(atStep, world);
    this.append(choicePoint, threadIndex, natural, id);
    this.settle();
    return true;
  }

  /** The threads that may step at `step`. */
  enabledAt(step: number): number[] {
    return enabledThreads(this.program, this.worldAt(step));
  }

  /** A fresh copy of the world after `step` steps (0 = the initial world). */
  worldAt(step: number): World<S> {
    if (step === this.count) return clonePlain(this.head);
    const k = Math.min(Math.floor(step / this.checkpointEvery), this.checkpoints.length - 1);
    const saved = this.checkpoints[k];
    const world = saved ? clonePlain(saved) : this.program.init();
    for (let i = k * this.checkpointEvery; i < step; i++) {
      stepWorld(this.program, world, this.threadAt(i), this.quiet);
    }
    return world;
  }

  /** Full records (events, narration) of steps [from, to), rebuilt by replay. */
  records(from: number, to: number): StepRecord[] {
    const start = Math.max(0, from);
    const end = Math.min(this.count, to);
    if (end <= start) return [];
    const world = this.worldAt(start);
    const out: StepRecord[] = [];
    for (let i = start; i < end; i++) {
      const thread = this.threadAt(i);
      const actor = world.threads[thread]?.actor ?? '?';
      const result = stepWorld(this.program, world, thread, { gil: this.gil, recording: true });
      if (!result) throw new Error('recording step returned nothing');
      out.push({
        step: i,
        actor,
        at: result.at,
        timeMs: result.startMs,
        durationMs: world.nowMs - result.startMs,
        events: result.events,
        narration: result.narration,
      });
    }
    return out;
  }

  /** The schedule that replays this history exactly. */
  schedule(scenarioVersion: number, tag: string): Schedule {
    return {
      scenarioVersion,
      tag,
      steps: this.count,
      deviations: this.deviations.map(([p, t]) => [p, t] as const),
    };
  }

  /** Thread index per step, for lockstep replay on another variant. */
  threadsPerStep(): Uint8Array {
    const out = new Uint8Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.threadAt(i);
    return out;
  }

  /**
   * Takes the step `chosen` (about to execute instruction `id`) at a moment
   * where `natural` is the natural scheduler's pick; `choicePoint` says
   * whether more than one thread could run.
   */
  private append(choicePoint: boolean, chosen: number, natural: number, id: number): void {
    const i = this.count;
    if (choicePoint) {
      if (natural !== chosen) this.deviations.push([this.points, chosen]);
      this.points++;
    }
    const t = this.head.threads[chosen] as ThreadState;
    this.stepCol.set(i, packStep(id, chosen, choicePoint));
    this.timeCol.set(i, Math.max(this.head.nowMs, t.wakeAtMs));
    stepWorld(this.program, this.head, chosen, this.quiet);
    this.count = i + 1;
    // A countdown rather than `count % checkpointEvery`: a division per step showed.
    if (--this.untilCheckpoint === 0) {
      this.checkpoints.push(clonePlain(this.head));
      this.untilCheckpoint = this.checkpointEvery;
    }
  }

  private truncate(step: number, world: World<S>): void {
    if (step >= this.count) return;
    this.count = step;
    this.head = world;
    this.checkpoints.length = Math.floor(step / this.checkpointEvery) + 1;
    this.untilCheckpoint = this.checkpointEvery - (step % this.checkpointEvery);
    let points = 0;
    for (let i = 0; i < step; i++) if (stepIsChoicePoint(this.stepCol.get(i))) points++;
    this.points = points;
    this.deviations = this.deviations.filter(([p]) => p < points);
    this.trailing = [];
  }

  /** A run with no enabled thread has ended: record that once. */
  private settle(): void {
    if (!this.head.ended && scanEnabled(this.program, this.head).count === 0) {
      this.trailing = endWorld(this.program, this.head, { gil: this.gil, recording: true });
    }
    // The next run of this program will likely be about as long (sizes its columns).
    if (this.head.ended) prepare(this.program).runLength = Math.min(SMALL_COLUMN, this.count + 1);
  }
}
