/**
 * The one pure step function (as XState's `transition`): `stepWorld(program, world,
 * thread)` executes the next atomic step of one thread, in place, and reports
 * what it did. Callers that need the old world keep a clone (`clonePlain`).
 *
 * Which threads may step (`enabledThreads`) follows the virtual clock:
 * - a thread inside a non-preemptible section (py311: no call, back-edge or
 *   blocking call since its last switch point) must step next;
 * - otherwise every thread due now whose guard holds is enabled, and if none
 *   is due, the threads with the earliest wake time are (choosing one moves
 *   the clock forward to it);
 * - outside events (such as a member joining) are enabled whenever
 *   they are due no later than that moment; without a latest time they never
 *   hold the clock back.
 * A pending outside event (its guard holds) with a latest time caps that moment:
 * no thread is enabled whose step would start after max(now, latest), so the
 * event happens by its latest time in every schedule, and one already overdue
 * (a step's `spend` carried the clock past it) fires before the clock moves
 * on. The cap never removes the natural choice: that starts no later than the
 * capping event itself, which is due by its latest time (a latest time before
 * its wake time counts as the wake time). So natural runs are the same with or
 * without latest times, and only schedules that postponed an event for good go.
 * Time never goes backwards: a step starts at max(now, its thread's wake time).
 */
import type { SimEvent } from './events.ts';
import { instrIn, instrOf, prepare, traceLineOf } from './prepared.ts';
import type {
  Crash,
  SwitchMode,
  Invariant,
  Program,
  PyTraceLine,
  StepContext,
  ThreadState,
  Violation,
  World,
} from './types.ts';

export interface StepOptions {
  readonly gil: SwitchMode;
  readonly recording: boolean;
}

export interface StepOutcome {
  readonly at: string;
  readonly startMs: number;
  readonly events: readonly SimEvent[];
  readonly narration: string;
}

const NO_EVENTS: readonly SimEvent[] = Object.freeze([]);

/**
 * The threads that may take the next step, and the natural scheduler's pick
 * among them, as `scanEnabled` found them.
 */
export interface EnabledScan {
  /** How many threads are enabled. */
  count: number;
  /**
   * The enabled thread indices in actor order are `threads[0 .. count)`; the
   * array may be longer (it is reused, and shrinking it would free its
   * storage). Overwritten by the next scan: copy to keep.
   */
  readonly threads: number[];
  /** What `naturalChoice` would pick among `threads`, or -1 when none is enabled. */
  natural: number;
  /**
   * Per thread index, the id (prepared.ts) of the instruction an enabled
   * thread executes next: a run records it without looking it up again.
   * Meaningful only for the enabled threads.
   */
  readonly instrIds: number[];
}

// The one scan every caller shares (the engine is single-threaded), and the
// candidates' scratch space: the hot loop of every run allocates nothing.
const scan: EnabledScan = { count: 0, threads: [], natural: -1, instrIds: [] };
const candidate: number[] = [];
const outsideFlag: boolean[] = [];

/**
 * Finds the threads that may take the next step (in actor order) and, in the
 * same pass, the natural scheduler's choice among them (natural.ts: earliest
 * start, then an outside event, then the thread that ran last, then actor
 * order). Returns a shared object that the next call overwrites.
 */
export function scanEnabled<S>(program: Program<S>, world: World<S>): EnabledScan {
  const out = scan.threads;
  scan.count = 0;
  scan.natural = -1;
  if (world.ended) return scan;
  const prepared = prepare(program);
  const threads = world.threads;
  if (world.atomic >= 0) {
    const t = threads[world.atomic];
    if (t && t.status === 'ready') {
      const instr = instrIn(program, prepared, t, world.atomic);
      if (instr.guard === null || instr.guard(world, t)) {
        scan.instrIds[world.atomic] = instr.id;
        out[0] = world.atomic;
        scan.count = 1;
        scan.natural = world.atomic;
        return scan;
      }
    }
  }
  const now = world.nowMs;
  let nextMs = Infinity;
  let latestMs = Infinity;
  let anyDue = false;
  let n = 0;
  for (let i = 0; i < threads.length; i++) {
    const t = threads[i] as ThreadState;
    if (t.status !== 'ready') continue;
    const instr = instrIn(program, prepared, t, i);
    if (instr.guard !== null && !instr.guard(world, t)) continue;
    scan.instrIds[i] = instr.id;
    candidate[n] = i;
    outsideFlag[n++] = instr.outside;
    if (instr.outside) {
      if (instr.latest !== null) {
        const latest = Math.max(instr.latest(world, t), t.wakeAtMs);
        if (latest < latestMs) latestMs = latest;
      }
      continue;
    }
    if (t.wakeAtMs <= now) anyDue = true;
    else if (t.wakeAtMs < nextMs) nextMs = t.wakeAtMs;
  }
  const horizonMs = Math.min(anyDue ? now : nextMs, Math.max(now, latestMs));
  let best = -1;
  let bestRank = Infinity;
  let count = 0;
  for (let k = 0; k < n; k++) {
    const i = candidate[k] as number;
    const outside = outsideFlag[k] as boolean;
    const wake = (threads[i] as ThreadState).wakeAtMs;
    if (!(wake <= horizonMs || (outside && horizonMs === Infinity))) continue;
    out[count++] = i;
    const rank = naturalRank(wake > now ? wake : now, outside, i === world.lastThread, i);
    if (rank < bestRank) {
      best = i;
      bestRank = rank;
    }
  }
  scan.count = count;
  scan.natural = best;
  return scan;
}

/**
 * The natural scheduler's order (natural.ts), lowest first: the earliest
 * start, then an outside event, then the thread that ran last, then actor
 * order. Unique per thread, as thread indices stay below 256.
 */
export function naturalRank(
  startMs: number,
  outside: boolean,
  ranLast: boolean,
  i: number,
): number {
  const tie = outside ? 0 : ranLast ? 1 : 2;
  return startMs * 1024 + tie * 256 + i;
}

/** The enabled threads of a scan as an array of their own. */
export function enabledOf(scan: EnabledScan): number[] {
  return scan.threads.slice(0, scan.count);
}

/** Indices of the threads that may take the next step, in actor order (a fresh array). */
export function enabledThreads<S>(program: Program<S>, world: World<S>): number[] {
  return enabledOf(scanEnabled(program, world));
}

/** The time at which `thread` would start its next step. */
export function startTimeOf<S>(world: World<S>, threadIndex: number): number {
  const t = world.threads[threadIndex];
  return t ? Math.max(world.nowMs, t.wakeAtMs) : world.nowMs;
}

/** Whether the thread's next step is an outside event. */
export function isOutside<S>(program: Program<S>, world: World<S>, threadIndex: number): boolean {
  const t = world.threads[threadIndex];
  return t !== undefined && t.status === 'ready' && instrOf(program, t, threadIndex).outside;
}

/** Builds the Python traceback of `thread` at its current line, outermost call first. */
export function tracebackOf<S>(program: Program<S>, thread: ThreadState): PyTraceLine[] {
  const out: PyTraceLine[] = [];
  const add = (pc: string): void => {
    // A fresh object per line, as before the cache: crashes hold their own copies.
    const l = traceLineOf(program, thread.actor, pc);
    out.push({ listing: l.listing, fn: l.fn, line: l.line, text: l.text });
  };
  for (const frame of thread.stack) add(frame.callPc);
  add(thread.pc);
  return out;
}

/** The reusable step context; one per call to `stepWorld`, cheap to reset. */
class Context<S> implements StepContext<S> {
  world!: World<S>;
  thread!: ThreadState;
  threadIndex = 0;
  gil: SwitchMode = 'py311';
  recording = false;
  program!: Program<S>;
  moved = false;
  blocked = false;
  events: SimEvent[] = [];
  text = '';

  emit(event: SimEvent): void {
    if (this.recording) this.events.push(event);
  }
  narrate(text: string): void {
    if (this.recording) this.text = text;
  }
  goto(pc: string): void {
    this.thread.pc = pc;
    this.moved = true;
  }
  call(
    pc: string,
    returnPc: string,
    handler?: { catches: readonly string[]; catchPc: string },
  ): void {
    const callPc = this.thread.pc;
    this.thread.stack.push(
      handler
        ? { callPc, returnPc, catches: handler.catches, catchPc: handler.catchPc }
        : { callPc, returnPc },
    );
    this.goto(pc);
  }
  ret(): void {
    const frame = this.thread.stack.pop();
    if (!frame)
      throw new Error(`${this.thread.actor}: return with an empty stack at ${this.thread.pc}`);
    this.goto(frame.returnPc);
  }
  sleep(ms: number, pc: string): void {
    if (!(ms >= 0) || !Number.isInteger(ms))
      throw new Error(`sleep needs whole non-negative ms, got ${ms}`);
    this.thread.wakeAtMs = this.world.nowMs + ms;
    this.blocked = true;
    if (this.recording) {
      this.events.push({
        kind: 'block',
        actor: this.thread.actor,
        reason: 'sleep',
        untilMs: this.thread.wakeAtMs,
      });
    }
    this.goto(pc);
  }
  spend(ms: number): void {
    if (!(ms >= 0) || !Number.isInteger(ms))
      throw new Error(`spend needs whole non-negative ms, got ${ms}`);
    this.world.nowMs += ms;
    if (this.thread.wakeAtMs < this.world.nowMs) this.thread.wakeAtMs = this.world.nowMs;
  }
  finish(): void {
    this.thread.status = 'done';
    this.moved = true;
  }
  raise(type: string, message: string): void {
    const thread = this.thread;
    for (let i = thread.stack.length - 1; i >= 0; i--) {
      const frame = thread.stack[i];
      if (frame?.catches && frame.catchPc && frame.catches.includes(type)) {
        // A caught exception's traceback only goes into its event, so only a
        // recorded step builds it (before the unwinding cuts the stack).
        const traceback = this.recording ? tracebackOf(this.program, thread) : null;
        thread.stack.length = i;
        thread.locals['exception'] = { type, message };
        if (traceback) {
          this.emit({
            kind: 'exception',
            actor: thread.actor,
            type,
            message,
            traceback,
            caught: true,
          });
        }
        this.goto(frame.catchPc);
        return;
      }
    }
    const traceback = tracebackOf(this.program, thread);
    const crash: Crash = {
      type,
      message,
      actor: thread.actor,
      step: this.world.step,
      timeMs: this.world.nowMs,
      traceback,
    };
    this.world.crashes.push(crash);
    thread.status = 'dead';
    this.moved = true;
    this.emit({ kind: 'exception', actor: thread.actor, type, message, traceback, caught: false });
    if (this.program.fatalActors.includes(thread.actor)) this.world.ended = true;
  }
}

const sharedContext = new Context<unknown>();

/**
 * Executes the next step of thread `threadIndex` in place. The thread must be
 * enabled (see `enabledThreads`); stepping a disabled thread is a caller bug.
 */
export function stepWorld<S>(
  program: Program<S>,
  world: World<S>,
  threadIndex: number,
  options: StepOptions,
): StepOutcome | null {
  const thread = world.threads[threadIndex];
  if (!thread || thread.status !== 'ready') throw new Error(`thread ${threadIndex} cannot step`);
  const prepared = prepare(program);
  const instr = instrIn(program, prepared, thread, threadIndex);
  if (thread.wakeAtMs > world.nowMs) world.nowMs = thread.wakeAtMs;
  const startMs = world.nowMs;

  const c = sharedContext as unknown as Context<S>;
  c.world = world;
  c.thread = thread;
  c.threadIndex = threadIndex;
  c.gil = options.gil;
  c.recording = options.recording;
  c.program = program;
  c.moved = false;
  c.blocked = false;
  c.events = options.recording ? [] : (NO_EVENTS as SimEvent[]);
  c.text = '';
  const at = instr.at;
  const watch = prepared.watch;
  const before = watch !== null && options.recording ? watch.before(world) : null;
  instr.run(c);
  if (watch !== null) watch.after(c, before);
  if (!c.moved) throw new Error(`instruction at ${at} did not say where ${thread.actor} goes next`);

  world.atomic =
    options.gil === 'py311' && !instr.preempt && !c.blocked && thread.status === 'ready'
      ? threadIndex
      : -1;
  world.lastThread = threadIndex;
  world.step += 1;
  const steps = prepared.stepInvariants;
  if (steps.length > 0) {
    const mask = prepared.stepInvariantMask ? prepared.stepInvariantMask(world) : -1;
    if (mask !== 0) checkInvariants(steps, world, c, mask);
  }
  if (!world.ended && (world.step >= prepared.maxSteps || world.nowMs >= prepared.maxTimeMs)) {
    world.ended = true;
  }
  if (world.ended) checkInvariants(prepared.endInvariants, world, c);

  if (!options.recording) return null;
  return { at, startMs, events: c.events, narration: c.text || instr.say };
}

/**
 * Checks `invariants` (all of one kind, in program order) whose bit is set in
 * `mask`, and records their first violations.
 */
function checkInvariants<S>(
  invariants: readonly Invariant<S>[],
  world: World<S>,
  c: Context<S>,
  mask = -1,
): void {
  for (let i = 0; i < invariants.length; i++) {
    if ((mask & (1 << i)) === 0) continue;
    const invariant = invariants[i] as Invariant<S>;
    if (hasViolation(world, invariant.id)) continue;
    const detail = invariant.check(world);
    if (detail === null) continue;
    world.violations.push({
      invariant: invariant.id,
      detail,
      step: world.step,
      timeMs: world.nowMs,
    });
    c.emit({ kind: 'violation', invariant: invariant.id, detail });
  }
}

/**
 * Whether `id` was already violated (only its first violation is kept). A
 * loop rather than `some`: it runs for every invariant after every step, and
 * the closure it took showed in profiles.
 */
function hasViolation<S>(world: World<S>, id: string): boolean {
  const violations = world.violations;
  for (let i = 0; i < violations.length; i++) {
    if ((violations[i] as Violation).invariant === id) return true;
  }
  return false;
}

/**
 * Ends a run that has no enabled thread left (every thread done, dead or
 * blocked for good) and runs the end-of-run invariants. Idempotent.
 */
export function endWorld<S>(
  program: Program<S>,
  world: World<S>,
  options: StepOptions,
): readonly SimEvent[] {
  if (world.ended) return NO_EVENTS;
  world.ended = true;
  const c = sharedContext as unknown as Context<S>;
  c.world = world;
  c.recording = options.recording;
  c.events = options.recording ? [] : (NO_EVENTS as SimEvent[]);
  checkInvariants(prepare(program).endInvariants, world, c);
  return c.events;
}

/** Creates a fresh thread record. */
export function newThread(actor: string, pc: string, wakeAtMs = 0): ThreadState {
  return { actor, pc, status: 'ready', wakeAtMs, stack: [], locals: {} };
}

/** Creates a world at time zero around a world-specific state. */
export function newWorld<S>(threads: ThreadState[], state: S): World<S> {
  return {
    nowMs: 0,
    step: 0,
    lastThread: -1,
    atomic: -1,
    threads,
    state,
    crashes: [],
    violations: [],
    ended: false,
  };
}
