/**
 * A run: one linear history of steps with time travel. It keeps, for every
 * step, only compact columns (which thread, when, which line) plus a clone of
 * the world every `checkpointEvery` steps. Any step's world is the nearest
 * checkpoint replayed forward (at most `checkpointEvery` steps), so a jump
 * anywhere in a million-step run costs the same as a jump one step back
 * (Python Tutor keeps the whole trace; we keep checkpoints, style.md).
 */
import type { SimEvent } from './events.ts';
import { enabledThreads, endWorld, stepWorld, type StepOptions } from './kernel.ts';
import { clonePlain } from './plain.ts';
import type { Schedule } from './schedule.ts';
import { naturalChoice, naturalScheduler } from './scheduler/natural.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import type { GilMode, Program, StepRecord, World } from './types.ts';

export interface RunOptions {
  readonly gil: GilMode;
  readonly checkpointEvery?: number;
}

class Column<T extends Uint8Array | Int32Array | Float64Array> {
  data: T;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(256);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
}

export class Run<S> {
  readonly gil: GilMode;
  readonly checkpointEvery: number;
  private readonly checkpoints: World<S>[] = [];
  private head: World<S>;
  private count = 0;
  private readonly threadCol = new Column((n) => new Uint8Array(n));
  private readonly timeCol = new Column((n) => new Float64Array(n));
  private readonly atCol = new Column((n) => new Int32Array(n));
  /** Choice-point index of each step, or -1 where only one thread could run. */
  private readonly pointCol = new Column((n) => new Int32Array(n));
  private points = 0;
  private deviations: [number, number][] = [];
  private readonly atKeys: string[] = [];
  private readonly atIndex = new Map<string, number>();
  private trailing: readonly SimEvent[] = [];
  /** The options of every unrecorded step, made once rather than per step. */
  private readonly quiet: StepOptions;

  constructor(
    readonly program: Program<S>,
    options: RunOptions,
  ) {
    this.gil = options.gil;
    this.checkpointEvery = options.checkpointEvery ?? 512;
    this.quiet = { gil: this.gil, recording: false };
    this.head = program.init();
    this.checkpoints.push(clonePlain(this.head));
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
    return this.threadCol.data[i] as number;
  }

  /** Virtual time at which step `i` started. */
  timeAt(i: number): number {
    return this.timeCol.data[i] as number;
  }

  /** Instruction key (`pc`) of step `i`. */
  pcAt(i: number): string {
    return this.atKeys[this.atCol.data[i] as number] as string;
  }

  /** Events raised when the run ended (end-of-run invariants), if any. */
  get endEvents(): readonly SimEvent[] {
    return this.trailing;
  }

  /** Runs until the run ends or `maxSteps` more steps were taken. Returns steps taken. */
  extend(scheduler: Scheduler, maxSteps = Infinity): number {
    let taken = 0;
    while (taken < maxSteps && !this.head.ended) {
      const enabled = enabledThreads(this.program, this.head);
      if (enabled.length === 0) break;
      const chosen = scheduler.choose(this.program, this.head, enabled);
      // What the natural scheduler chose is the natural choice: append need not work it out again.
      this.append(enabled, chosen, scheduler === naturalScheduler ? chosen : undefined);
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
    const enabled = enabledThreads(this.program, world);
    if (!enabled.includes(threadIndex)) return false;
    this.truncate(atStep, world);
    this.append(enabled, threadIndex);
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
    const world = clonePlain(this.checkpoints[k] as World<S>);
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
    return this.threadCol.data.slice(0, this.count);
  }

  private append(enabled: readonly number[], chosen: number, knownNatural?: number): void {
    const i = this.count;
    if (enabled.length > 1) {
      const natural = knownNatural ?? naturalChoice(this.program, this.head, enabled);
      if (natural !== chosen) this.deviations.push([this.points, chosen]);
      this.pointCol.set(i, this.points++);
    } else {
      this.pointCol.set(i, -1);
    }
    this.threadCol.set(i, chosen);
    const t = this.head.threads[chosen];
    this.timeCol.set(i, Math.max(this.head.nowMs, t ? t.wakeAtMs : 0));
    const pc = t ? t.pc : '?';
    let atId = this.atIndex.get(pc);
    if (atId === undefined) {
      atId = this.atKeys.length;
      this.atKeys.push(pc);
      this.atIndex.set(pc, atId);
    }
    this.atCol.set(i, atId);
    stepWorld(this.program, this.head, chosen, this.quiet);
    this.count = i + 1;
    if (this.count % this.checkpointEvery === 0) this.checkpoints.push(clonePlain(this.head));
  }

  private truncate(step: number, world: World<S>): void {
    if (step >= this.count) return;
    this.count = step;
    this.head = world;
    this.checkpoints.length = Math.floor(step / this.checkpointEvery) + 1;
    let points = 0;
    for (let i = 0; i < step; i++) if ((this.pointCol.data[i] as number) >= 0) points++;
    this.points = points;
    this.deviations = this.deviations.filter(([p]) => p < points);
    this.trailing = [];
  }

  /** A run with no enabled thread has ended: record that once. */
  private settle(): void {
    if (!this.head.ended && enabledThreads(this.program, this.head).length === 0) {
      this.trailing = endWorld(this.program, this.head, { gil: this.gil, recording: true });
    }
  }
}
