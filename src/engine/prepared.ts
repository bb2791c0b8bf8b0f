/**
 * What the kernel derives from a program once instead of at every step.
 * Programs never change after they are built, so everything here is a pure
 * function of the program, computed on first use:
 * - the invariants split by when they are checked (the kernel used to filter
 *   the whole list after every step);
 * - per thread index, the instruction last looked up: one step looks a
 *   thread's instruction up several times (enabledThreads, the natural
 *   scheduler's tie-break, stepWorld), and `program.instrs[pc]`, a keyed
 *   lookup in an object of fifty-odd keys, was the kernel's hottest line.
 *   An entry answers only for the same pc string, so it is never stale;
 * - the listing line of each pc, for tracebacks (resolving scans the listing
 *   backwards with a regex for the enclosing `def`, and most natural runs end
 *   in a crash).
 */
import { resolveAt } from './listing.ts';
import type { Instr, Invariant, Program, PyTraceLine, ThreadState } from './types.ts';

export interface Prepared<S> {
  readonly stepInvariants: readonly Invariant<S>[];
  readonly endInvariants: readonly Invariant<S>[];
  /** Per thread index: the pc last looked up and its instruction. */
  readonly lastPc: (string | undefined)[];
  readonly lastInstr: (Instr<S> | undefined)[];
  /** pc -> its line in the listings, filled as tracebacks need them. */
  readonly traceLines: Map<string, PyTraceLine>;
}

const preparedOf = new WeakMap<object, Prepared<unknown>>();
// The program of the previous call (a step asks several times, for one program).
// It is held until another program is used.
let lastProgram: object | null = null;
let lastPrepared: Prepared<unknown> | null = null;

export function prepare<S>(program: Program<S>): Prepared<S> {
  if (program === lastProgram) return lastPrepared as Prepared<S>;
  let prepared = preparedOf.get(program) as Prepared<S> | undefined;
  if (!prepared) {
    prepared = {
      stepInvariants: program.invariants.filter((i) => i.when === 'step'),
      endInvariants: program.invariants.filter((i) => i.when === 'end'),
      lastPc: [],
      lastInstr: [],
      traceLines: new Map(),
    };
    preparedOf.set(program, prepared as Prepared<unknown>);
  }
  lastProgram = program;
  lastPrepared = prepared as Prepared<unknown>;
  return prepared;
}

/** The instruction `thread` (at `threadIndex` in its world) executes next. */
export function instrOf<S>(
  program: Program<S>,
  thread: ThreadState,
  threadIndex: number,
): Instr<S> {
  const prepared = prepare(program);
  const pc = thread.pc;
  if (prepared.lastPc[threadIndex] === pc) return prepared.lastInstr[threadIndex] as Instr<S>;
  const instr = program.instrs[pc];
  if (!instr) throw new Error(`thread ${thread.actor} is at unknown instruction "${pc}"`);
  prepared.lastPc[threadIndex] = pc;
  prepared.lastInstr[threadIndex] = instr;
  return instr;
}

/** The listing line of `pc`, as a traceback shows it. */
export function traceLineOf<S>(program: Program<S>, actor: string, pc: string): PyTraceLine {
  const lines = prepare(program).traceLines;
  let line = lines.get(pc);
  if (!line) {
    const instr = program.instrs[pc];
    if (!instr) throw new Error(`thread ${actor} is at unknown instruction "${pc}"`);
    const resolved = resolveAt(program.listings, instr.at);
    line = { listing: resolved.listing, fn: resolved.fn, line: resolved.line, text: resolved.text };
    lines.set(pc, line);
  }
  return line;
}
