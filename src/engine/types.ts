/**
 * The engine's data model: a world is a plain value (JSON-serialisable, no
 * classes, no functions) holding the virtual clock, every modelled thread and
 * the world-specific state. A program is the code that steps it: one guarded
 * instruction per atomic step, each pinned to a line of a model listing.
 *
 * Follows docs/architecture.md#layers (pure, one step function, readonly
 * by default) and docs/real-code.md#time, #switch-points.
 */
import type { SimEvent } from './events.ts';
import type { Listing } from './listing.ts';

/** Thread-switch granularity (docs/real-code.md#switch-points). */
export type SwitchMode = 'py311' | 'py39' | 'free-threaded';
export const SWITCH_MODES: readonly SwitchMode[] = ['py311', 'py39', 'free-threaded'];

export type ActorId = string;

/** A plain JSON value: what worlds and thread locals are made of. */
export type Plain =
  | null
  | boolean
  | number
  | string
  | readonly Plain[]
  | { readonly [key: string]: Plain | undefined };

/** A call-stack frame: the function was entered from `callPc`, which resumes at `returnPc`. */
export interface Frame {
  readonly callPc: string;
  readonly returnPc: string;
  /** Exception types this frame handles, and where handling continues. */
  readonly catches?: readonly string[];
  readonly catchPc?: string;
}

export type ThreadStatus = 'ready' | 'done' | 'dead';

export interface ThreadState {
  readonly actor: ActorId;
  /** Key of the instruction this thread executes next. */
  pc: string;
  status: ThreadStatus;
  /** The earliest virtual time at which the thread may take its next step. */
  wakeAtMs: number;
  stack: Frame[];
  /** Thread-local variables of the model (loop iterators, return values, ...). */
  locals: Record<string, Plain>;
}

export interface PyTraceLine {
  readonly listing: string;
  readonly fn: string;
  readonly line: number;
  readonly text: string;
}

export interface Crash {
  readonly type: string;
  readonly message: string;
  readonly actor: ActorId;
  readonly step: number;
  readonly timeMs: number;
  /** Outermost call first, as Python prints it. */
  readonly traceback: readonly PyTraceLine[];
}

export interface Violation {
  readonly invariant: InvariantId;
  readonly detail: string;
  readonly step: number;
  readonly timeMs: number;
}

/**
 * The invariant ids the worlds declare, keyed by id. Empty here: each world
 * fills it in beside its invariants (declaration merging), so the engine checks
 * invariants without naming any:
 *
 *     declare module '../../engine/types.ts' {
 *       interface InvariantRegistry { 'no-lost-update': true }
 *     }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the worlds (declaration merging)
export interface InvariantRegistry {}

/** An invariant id one of the worlds declares. */
export type InvariantId = keyof InvariantRegistry & string;

export interface World<S> {
  /** Virtual time in integer milliseconds. Never decreases. */
  nowMs: number;
  /** Number of steps taken so far. */
  step: number;
  /** Index of the last thread that stepped, or -1. */
  lastThread: number;
  /** Index of a thread inside a non-preemptible section, which must step next; or -1. */
  atomic: number;
  threads: ThreadState[];
  state: S;
  /** Crashes, in the order they happened (a thread that dies leaves one here). */
  crashes: Crash[];
  /** The first violation of each invariant. */
  violations: Violation[];
  /** True once the run cannot continue (a fatal crash, or the horizon was reached). */
  ended: boolean;
}

/** The context handed to an instruction while it executes. Reused between steps. */
export interface StepContext<S> {
  readonly world: World<S>;
  readonly thread: ThreadState;
  readonly threadIndex: number;
  readonly gil: SwitchMode;
  /** True when events and narration are being recorded; models may skip building them otherwise. */
  readonly recording: boolean;
  emit(event: SimEvent): void;
  narrate(text: string): void;
  /** Continue at `pc` next step. */
  goto(pc: string): void;
  /** Enter the function at `pc`; `ret()` later resumes at `returnPc`. */
  call(
    pc: string,
    returnPc: string,
    handler?: { catches: readonly string[]; catchPc: string },
  ): void;
  /** Return to the caller's `returnPc`. */
  ret(): void;
  /** Block this thread until `nowMs + ms`, then continue at `pc`. */
  sleep(ms: number, pc: string): void;
  /** Advance the virtual clock by the time this step takes (CPU or GIL-holding work). */
  spend(ms: number): void;
  /** Raise a Python exception from the current line; unwinds to a handler or kills the thread. */
  raise(type: string, message: string): void;
  /** The thread finishes normally. */
  finish(): void;
}

// Functions below are declared as methods so that a Program<S> is assignable to
// Program<unknown> (method parameters are bivariant): scenario registries hold
// programs of many world types side by side. The kernel calls `guard` and
// `run` as plain functions, so instructions never use `this`.
export interface Instr<S> {
  /** `listingId:anchor` of the line this step executes. */
  readonly at: string;
  /**
   * Whether a thread switch may follow this step under `py311` (a call, a loop
   * back-edge or a blocking call). Under `py39` and `free-threaded` a switch may
   * follow any step.
   */
  readonly preempt?: boolean;
  /**
   * An outside event (something the modelled program does not control, such
   * as a request arriving): from the thread's `wakeAtMs` on it is enabled
   * whenever its guard holds, at any moment the other threads reach, and the
   * natural scheduler fires it at its `wakeAtMs`. It does not make the clock
   * wait for it, unless it declares a `latest` time.
   */
  readonly outside?: boolean;
  /** The thread is enabled only while this holds (a lock is free, the member is inside poll). */
  guard?(world: World<S>, thread: ThreadState): boolean;
  /**
   * For an outside event only: the latest virtual time at which it happens. While
   * it is pending (its guard holds), no thread starts a step after this time,
   * so every schedule has the event by then; one already overdue (the clock
   * passed it, say inside another step's `spend`) fires before any step that
   * would start later. A time before the thread's `wakeAtMs` counts as its
   * `wakeAtMs`. Without it, an outside event never holds the clock back, and a
   * schedule may leave it out for good.
   */
  latest?(world: World<S>, thread: ThreadState): number;
  run(c: StepContext<S>): void;
  /** Static narration; `c.narrate` inside `run` overrides it. */
  readonly say?: string;
}

export interface Invariant<S> {
  readonly id: InvariantId;
  /** 'step': after every step; 'end': once when the run ends. */
  readonly when: 'step' | 'end';
  /** A description of the breach, or null while it holds. */
  check(world: World<S>): string | null;
}

/**
 * Bookkeeping a world keeps after every step, before the invariants are
 * checked: facts about the past that the invariants read (since when a
 * resource has been waiting), and events about derived state on recorded steps.
 */
export interface StepWatch<S> {
  /** Before a recorded step only: what `after` compares the world with. */
  before(world: World<S>): unknown;
  /** After every step's instruction; `before` is null on unrecorded steps. */
  after(c: StepContext<S>, before: unknown): void;
}

/** Everything needed to run one (scenario, variant, parameters) combination. */
export interface Program<S> {
  readonly actors: readonly ActorId[];
  readonly instrs: Readonly<Record<string, Instr<S>>>;
  readonly listings: Readonly<Record<string, Listing>>;
  readonly invariants: readonly Invariant<S>[];
  /**
   * Optional, for speed: which step invariants could report anything in this
   * world, as a bit mask over the `when: 'step'` ones in program order (bit
   * i: the i-th). The kernel checks only those. For invariants that hold
   * trivially most of the time (race A's look only at `_run_once`
   * boundaries); it must never leave out one that would report, and the
   * world's tests compare it with checking them all.
   */
  stepInvariantMask?(world: World<S>): number;
  readonly watch?: StepWatch<S>;
  /** A crash in one of these actors ends the run (the process dies). */
  readonly fatalActors: readonly ActorId[];
  /** The run ends at whichever comes first. */
  readonly horizon: { readonly maxSteps: number; readonly maxTimeMs: number };
  readonly init: () => World<S>;
}

/** Compact per-step facts kept for every step of a run (time travel and the timeline). */
export interface StepRecord {
  readonly step: number;
  readonly actor: ActorId;
  readonly at: string;
  readonly timeMs: number;
  readonly durationMs: number;
  readonly events: readonly SimEvent[];
  readonly narration: string;
}
