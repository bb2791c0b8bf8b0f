/**
 * What the kernel derives from a program once instead of at every step.
 * Programs never change after they are built, so everything here is a pure
 * function of the program, computed on first use:
 * - the invariants split by when they are checked (the kernel used to filter
 *   the whole list after every step);
 * - each instruction as a `PreparedInstr`: every field present, so that all
 *   of them share one object shape. Worlds write their instructions as
 *   literals with whichever optional fields they need (a guard here, `outside`
 *   there), dozens of shapes in all, and every `instr.guard` or
 *   `instr.preempt` the kernel read was a megamorphic property load;
 * - a small number per pc (`id`, in order of first use), which a run stores
 *   per step instead of the pc string;
 * - per thread index, the instruction last looked up: one step looks a
 *   thread's instruction up several times (scanEnabled, stepWorld, the run's
 *   record), and after a step, the instruction's remembered successor
 *   usually answers. Entries answer only for the same pc string, so they are
 *   never stale;
 * - the listing line of each pc, for tracebacks (resolving scans the listing
 *   backwards with a regex for the enclosing `def`, and most natural runs end
 *   in a crash);
 * - how long the program's last run was, so that the next sizes its columns
 *   (a capacity hint: it never changes what a run does).
 */
import { limitError } from './limits.ts';
import { resolveAt } from './listing.ts';
import type {
  Instr,
  Invariant,
  Program,
  PyTraceLine,
  StepContext,
  StepWatch,
  ThreadState,
  World,
} from './types.ts';

/** An instruction with every field present (one object shape for all of them). */
export interface PreparedInstr<S> {
  /** Number of this pc in its program, in order of first use. */
  readonly id: number;
  readonly pc: string;
  readonly at: string;
  readonly preempt: boolean;
  readonly outside: boolean;
  readonly guard: ((world: World<S>, thread: ThreadState) => boolean) | null;
  /** A outside event's latest time (types.ts), or null when it has none (never for a non-outside event). */
  readonly latest: ((world: World<S>, thread: ThreadState) => number) | null;
  readonly run: (c: StepContext<S>) => void;
  readonly say: string;
  /**
   * The pc a thread went to after this instruction the last time one was
   * looked up there, and its instruction: threads mostly follow the same
   * path, so this answers most lookups without the map.
   */
  nextPc: string | null;
  next: PreparedInstr<S> | null;
}

export interface Prepared<S> {
  // The program's own fields the kernel reads at every step, copied here:
  // programs of different worlds have different object shapes (some have a
  // watch or a mask), so reading them from the program is a polymorphic load.
  readonly watch: StepWatch<S> | null;
  readonly stepInvariantMask: ((world: World<S>) => number) | null;
  readonly maxSteps: number;
  readonly maxTimeMs: number;
  readonly stepInvariants: readonly Invariant<S>[];
  readonly endInvariants: readonly Invariant<S>[];
  /** pc -> its prepared instruction, filled on first use. */
  readonly byPc: Map<string, PreparedInstr<S>>;
  /** id -> its prepared instruction. */
  readonly byId: PreparedInstr<S>[];
  /** Per thread index: the instruction last looked up. */
  readonly lastInstr: (PreparedInstr<S> | undefined)[];
  /** pc -> its line in the listings, filled as tracebacks need them. */
  readonly traceLines: Map<string, PyTraceLine>;
  /** Steps in the last run of this program that ended (a `Run` sizes its columns by it). */
  runLength: number;
}

const preparedOf = new WeakMap<object, Prepared<unknown>>();
// The program of the previous call (a step asks several times, for one program).
// It is held until another program is used.
let lastProgram: object | null = null;
let lastPrepared: Prepared<unknown> | null = null;

export function prepare<S>(program: Program<S>): Prepared<S> {
  // Small enough for V8 to inline into the kernel's hot loops; the rest is out of line.
  if (program === lastProgram) return lastPrepared as Prepared<S>;
  return prepareAnew(program);
}

function prepareAnew<S>(program: Program<S>): Prepared<S> {
  let prepared = preparedOf.get(program) as Prepared<S> | undefined;
  if (!prepared) {
    const steps = program.invariants.filter((i) => i.when === 'step');
    const beyond = limitError(program.actors.length, steps.length, !!program.stepInvariantMask);
    if (beyond !== null) throw new Error(beyond);
    prepared = {
      watch: program.watch ?? null,
      stepInvariantMask: program.stepInvariantMask ?? null,
      maxSteps: program.horizon.maxSteps,
      maxTimeMs: program.horizon.maxTimeMs,
      stepInvariants: steps,
      endInvariants: program.invariants.filter((i) => i.when === 'end'),
      byPc: new Map(),
      byId: [],
      lastInstr: [],
      traceLines: new Map(),
      runLength: 64,
    };
    preparedOf.set(program, prepared as Prepared<unknown>);
  }
  lastProgram = program;
  lastPrepared = prepared as Prepared<unknown>;
  return prepared;
}

/** The prepared instruction at `pc`; throws, naming `actor`, if the program has none. */
export function preparedInstr<S>(
  program: Program<S>,
  prepared: Prepared<S>,
  pc: string,
  actor: string,
): PreparedInstr<S> {
  const known = prepared.byPc.get(pc);
  if (known) return known;
  const instr: Instr<S> | undefined = Object.hasOwn(program.instrs, pc)
    ? program.instrs[pc]
    : undefined;
  if (!instr) throw new Error(`thread ${actor} is at unknown instruction "${pc}"`);
  if (instr.latest !== undefined && instr.outside !== true)
    throw new Error(`instruction "${pc}" has a latest time but is not an outside event`);
  const made: PreparedInstr<S> = {
    id: prepared.byId.length,
    pc,
    at: instr.at,
    preempt: instr.preempt === true,
    outside: instr.outside === true,
    // Called as plain functions (types.ts: instructions do not use `this`).
    guard: instr.guard ?? null,
    latest: instr.latest ?? null,
    run: instr.run,
    say: instr.say ?? '',
    nextPc: null,
    next: null,
  };
  prepared.byPc.set(pc, made);
  prepared.byId.push(made);
  return made;
}

/** The instruction `thread` (at `threadIndex` in its world) executes next. */
export function instrOf<S>(
  program: Program<S>,
  thread: ThreadState,
  threadIndex: number,
): PreparedInstr<S> {
  return instrIn(program, prepare(program), thread, threadIndex);
}

/**
 * `instrOf` for a caller that already holds the program's `prepare` result.
 * Kept this small so that V8 inlines it into the kernel's loops: the usual
 * case (the thread has not moved since the last lookup) is one comparison.
 */
export function instrIn<S>(
  program: Program<S>,
  prepared: Prepared<S>,
  thread: ThreadState,
  threadIndex: number,
): PreparedInstr<S> {
  const last = prepared.lastInstr[threadIndex];
  if (last !== undefined && last.pc === thread.pc) return last;
  return instrMoved(program, prepared, thread, threadIndex);
}

/** `instrIn` after the thread moved: its last instruction's remembered successor, or the map. */
function instrMoved<S>(
  program: Program<S>,
  prepared: Prepared<S>,
  thread: ThreadState,
  threadIndex: number,
): PreparedInstr<S> {
  const pc = thread.pc;
  const last = prepared.lastInstr[threadIndex];
  if (last !== undefined && last.nextPc === pc)
    return (prepared.lastInstr[threadIndex] = last.next as PreparedInstr<S>);
  const instr = preparedInstr(program, prepared, pc, thread.actor);
  if (last !== undefined) {
    last.nextPc = pc;
    last.next = instr;
  }
  prepared.lastInstr[threadIndex] = instr;
  return instr;
}

/** The listing line of `pc`, as a traceback shows it. */
export function traceLineOf<S>(program: Program<S>, actor: string, pc: string): PyTraceLine {
  const prepared = prepare(program);
  let line = prepared.traceLines.get(pc);
  if (!line) {
    const at = preparedInstr(program, prepared, pc, actor).at;
    const resolved = resolveAt(program.listings, at);
    line = { listing: resolved.listing, fn: resolved.fn, line: resolved.line, text: resolved.text };
    prepared.traceLines.set(pc, line);
  }
  return line;
}
