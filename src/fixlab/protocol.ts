/**
 * The Fix lab's contract between the checker (src/fixlab, pure TypeScript
 * around Python source run by Pyodide) and whoever drives it: the page's
 * worker and the `check-fix` command in Node. Everything here is plain,
 * JSON-compatible data, so it crosses `postMessage` and `worker_threads`
 * unchanged.
 *
 * The user's code defines `class MetricsBuffer` (and may define
 * `on_stuck(buffer, metrics)`); the harness runs it under the workload of the
 * `metrics-stuck-flush` scenario on two cooperative threads, `main` and
 * `stuck`, then flushes once more alone (`final`), and checks that every
 * increment was emitted exactly once. docs/fix-lab.md describes it in full.
 */
import type { Result } from '../engine/index.ts';

// ---------------------------------------------------------------- templates

export type TemplateId = 'buggy' | 'seed-fix' | 'upstream' | 'correct';

export const TEMPLATE_IDS: readonly TemplateId[] = ['buggy', 'seed-fix', 'upstream', 'correct'];

export interface FixTemplate {
  readonly id: TemplateId;
  /** A short title for a menu, e.g. "arroyo's fix (2.37.1)". */
  readonly title: string;
  /** One or two sentences: what this version does and what the checker finds. */
  readonly summary: string;
  /** The Python source, a complete file that satisfies the contract. */
  readonly code: string;
}

// ------------------------------------------------------------------ request

/** Preemption bounds: 0, 1 and 2 are searched by default; 3 on request. */
export const DEFAULT_BOUND = 2;
export const MAX_BOUND = 3;
/** Switch points one schedule may pass before it ends as `step-limit`. */
export const DEFAULT_STEP_LIMIT = 5_000;
export const MAX_STEP_LIMIT = 100_000;

export interface CheckRequest {
  readonly code: string;
  /** The highest preemption bound searched; bounds 0..bound are searched in turn. */
  readonly bound: number;
  /** Switch points one schedule may pass before it ends as `step-limit`. */
  readonly stepLimit: number;
}

// ---------------------------------------------------------------- outcomes

/** The threads of a run. `final` is the harness's last flush, run alone after both end. */
export type ThreadName = 'main' | 'stuck' | 'final';

/**
 * An outcome key: `ok`, `crash:<ExceptionType>@<thread>`,
 * `violation:metrics-conservation`, `deadlock` or `step-limit`. One schedule
 * may count under several keys (a crash in `stuck` and lost increments).
 */
export type OutcomeKey = string;

export const OK = 'ok';
export const CONSERVATION = 'violation:metrics-conservation';
export const DEADLOCK = 'deadlock';
export const STEP_LIMIT = 'step-limit';

export function crashKey(type: string, thread: ThreadName): OutcomeKey {
  return `crash:${type}@${thread}`;
}

/** A schedule that reaches an outcome, as short as the search found it. */
export interface Counterexample {
  readonly outcome: OutcomeKey;
  /** Switches away from a thread that could have gone on running. */
  readonly preemptions: number;
  /** Switch points passed up to the end of the run. */
  readonly steps: number;
  /** Replays this run exactly (see `FixChecker.trace`): `f1` then `.<step><m|s>` per deviation. */
  readonly schedule: string;
}

// ----------------------------------------------------------------- details

/** One frame of a Python traceback, outermost first. */
export interface Frame {
  /** `user` for the person's code, `harness` for the workload around it. */
  readonly file: 'user' | 'harness';
  readonly function: string;
  /** 1-based line in that file (the user's code, or `HARNESS_SOURCE` in the trace). */
  readonly line: number;
  /** The source line, stripped. */
  readonly text: string;
}

export interface CrashDetail {
  readonly type: string;
  readonly message: string;
  readonly thread: ThreadName;
  /** Outermost first; ends at the line that raised. */
  readonly traceback: readonly Frame[];
}

/** Per metric key whose books do not balance after the final flush. */
export interface ConservationDiff {
  readonly key: string;
  /** What the workload asked to count (sum of the deltas passed to `incr_*` and to the backend directly). */
  readonly incremented: number;
  /** What the backend received. */
  readonly emitted: number;
  /** emitted - incremented: negative = lost, positive = counted twice. */
  readonly diff: number;
}

/** One thread that cannot go on. */
export interface Waiting {
  readonly thread: ThreadName;
  /** What it waits for, named as the code names it, e.g. `self.__lock` (a Lock). */
  readonly lock: string;
  /** The thread that holds it; null when nobody does (an Event never set, a Condition never notified). */
  readonly heldBy: ThreadName | null;
  /** Whether the holder has already ended (it can never let go). */
  readonly holderEnded: boolean;
  /** 1-based line of the user's code where it waits, when the wait is in the user's code. */
  readonly line: number | null;
}

export interface DeadlockDetail {
  readonly waiting: readonly Waiting[];
}

export interface StepLimitDetail {
  readonly limit: number;
  /** The thread that was running, and where, when the limit was reached. */
  readonly thread: ThreadName;
  readonly line: number | null;
}

/** Everything one run ended in. */
export interface RunReport {
  readonly outcomes: readonly OutcomeKey[];
  /** Every uncaught exception, in the order they happened (at most one per thread). */
  readonly crashes: readonly CrashDetail[];
  /** Empty when conservation holds, or when it was not checked (main crashed, deadlock, step limit). */
  readonly conservation: readonly ConservationDiff[];
  readonly deadlock: DeadlockDetail | null;
  readonly stepLimit: StepLimitDetail | null;
  /** What the code printed, cut at `OUTPUT_LIMIT` characters. */
  readonly output: string;
  readonly outputTruncated: boolean;
}

export const OUTPUT_LIMIT = 20_000;

// ------------------------------------------------------------------ result

export interface CheckProgress {
  /** The bound being searched now. */
  readonly bound: number;
  readonly schedules: number;
  readonly byOutcome: Readonly<Record<OutcomeKey, number>>;
  readonly ms: number;
}

export interface CheckResult {
  /** The highest bound searched to the end (or being searched when stopped). */
  readonly bound: number;
  /**
   * True when every schedule up to `bound` preemptions was run. False when
   * stopped, and when a schedule hit the step limit: the variations of a
   * runaway schedule are not explored (each step would branch), and when
   * more than 400,000 schedules wait for the next bound.
   */
  readonly complete: boolean;
  /** Schedules run, over all bounds searched (each schedule counted once). */
  readonly schedules: number;
  readonly byOutcome: Readonly<Record<OutcomeKey, number>>;
  /** The smallest schedule not `ok` (fewest preemptions, then fewest steps); null when all are ok. */
  readonly minimal: Counterexample | null;
  /** The report of `minimal`'s run; null when all are ok. */
  readonly minimalReport: RunReport | null;
  /** For each outcome key, the smallest schedule found that reaches it. */
  readonly examples: Readonly<Record<OutcomeKey, Counterexample>>;
  readonly ms: number;
}

// ------------------------------------------------------------------- trace

/** What happened during one step, in order. */
export type TraceEvent =
  | { readonly kind: 'call'; readonly method: string; readonly key: string; readonly delta: number }
  | {
      readonly kind: 'emit';
      readonly metric: 'increment' | 'timing' | 'gauge';
      readonly key: string;
      readonly value: number;
    }
  | { readonly kind: 'acquire'; readonly lock: string }
  | { readonly kind: 'release'; readonly lock: string }
  | { readonly kind: 'block'; readonly lock: string; readonly heldBy: ThreadName | null }
  | { readonly kind: 'sleep'; readonly untilS: number }
  | { readonly kind: 'raise'; readonly type: string; readonly message: string }
  | { readonly kind: 'output'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'end' };

/** A plain rendering of the buffer: each dict attribute, keys in the dict's own order. */
export type BufferSnapshot = Readonly<Record<string, Readonly<Record<string, number | string>>>>;

export interface TraceStep {
  /** 0-based step index; matches the step numbers in schedule strings. */
  readonly index: number;
  readonly thread: ThreadName;
  /** True when the scheduler switched away from a thread that could have gone on. */
  readonly preempted: boolean;
  /** Line of the user's code this step ran (the statement it started at); null in the harness. */
  readonly line: number | null;
  /** Line of `harnessSource` the thread is at: the innermost harness frame (for the harness column). */
  readonly harnessLine: number | null;
  /** Call stack at the start of the step, outermost first. */
  readonly stack: readonly Frame[];
  /** The virtual clock, in seconds since the run began. */
  readonly timeS: number;
  /** One sentence: what this step did. */
  readonly what: string;
  readonly events: readonly TraceEvent[];
  /** The buffer's dict attributes after the step. */
  readonly buffer: BufferSnapshot;
  /** Locks and who holds them after the step, named as the code names them. */
  readonly locks: Readonly<Record<string, ThreadName | null>>;
}

export interface ScheduleTrace {
  readonly schedule: string;
  readonly steps: readonly TraceStep[];
  readonly report: RunReport;
  /** The harness's Python source (the second code column), lines as numbered in `harnessLine`. */
  readonly harnessSource: string;
}

// ----------------------------------------------------------------- errors

/** Why the code cannot be checked at all (the CLI exits 3). */
export type CodeProblemKind =
  | 'syntax'
  | 'refused-import'
  | 'refused-name'
  | 'missing'
  | 'init'
  | 'runaway'
  /** A schedule string that is malformed or does not fit this code (trace only). */
  | 'schedule'
  /** A bound or step limit out of range (not a problem with the code). */
  | 'request'
  | 'internal';

export interface CodeProblem {
  readonly kind: CodeProblemKind;
  /** One sentence naming the line or the module, e.g. `line 3: import of "os" is not allowed ...`. */
  readonly message: string;
  readonly line: number | null;
}

/** A `Result` whose failure also says what kind of problem and where. */
export type CheckOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly problem: CodeProblem };

// ----------------------------------------------------------------- checker

/**
 * Pass as `loadPyodide({ env: PYODIDE_ENV, ... })` wherever the checker runs.
 * CPython randomizes string hashes per process unless told otherwise, and the
 * order of a set of strings follows the hashes: with a fixed seed, the same
 * code gives the same schedules and counts in Node, in the page, every time.
 */
export const PYODIDE_ENV: Readonly<Record<string, string>> = { PYTHONHASHSEED: '0' };

/** The part of Pyodide's interface the checker uses (the real `PyodideInterface` fits). */
export interface PyodideLike {
  /** Runs Python source; returns the value of its last expression (a proxy for a function here). */
  runPython(code: string): unknown;
}

export interface CheckHooks {
  /** Called about every `progressEveryMs` (default 100) and when each bound ends. */
  readonly onProgress?: (progress: CheckProgress) => void;
  readonly progressEveryMs?: number;
  /** Polled between slices; returning true stops the search (the result says incomplete). */
  readonly shouldStop?: () => boolean;
  /** Work per slice before awaiting a macrotask (so a worker sees cancel messages). Default 50 ms. */
  readonly sliceMs?: number;
}

export interface FixChecker {
  /** Parses, vets and loads the code without running the workload. */
  validate(code: string): CheckOutcome<null>;
  /** Bounds 0..request.bound in turn; the first counterexample found is a smallest one. */
  check(request: CheckRequest, hooks?: CheckHooks): Promise<CheckOutcome<CheckResult>>;
  /** Replays one schedule with every step recorded, for the step-through view. */
  trace(code: string, schedule: string, stepLimit?: number): CheckOutcome<ScheduleTrace>;
}

/**
 * Implemented in ./checker.ts: `createChecker(pyodide)` loads the Python side
 * once. The templates' data is in ./templates.ts (`TEMPLATES`, `templateById`).
 */
export type CreateChecker = (pyodide: PyodideLike) => FixChecker;

// --------------------------------------------------- messages to a worker

/** What a page (or Node) sends to a worker that owns one Pyodide and one checker. */
export type FixWorkerRequest =
  | { readonly type: 'check'; readonly id: number; readonly request: CheckRequest }
  | {
      readonly type: 'trace';
      readonly id: number;
      readonly code: string;
      readonly schedule: string;
      readonly stepLimit?: number;
    }
  | { readonly type: 'cancel'; readonly id: number };

/**
 * What the worker answers. `ready` comes once, when Pyodide has loaded;
 * `load-failed` instead when it could not. A runaway check (no switch point,
 * never returns) is detected by the side that owns the worker, by a timeout,
 * and ends by terminating the worker.
 */
export type FixWorkerResponse =
  | { readonly type: 'ready'; readonly loadMs: number }
  | { readonly type: 'load-failed'; readonly message: string }
  | { readonly type: 'progress'; readonly id: number; readonly progress: CheckProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: CheckOutcome<CheckResult> }
  | { readonly type: 'trace'; readonly id: number; readonly trace: CheckOutcome<ScheduleTrace> }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** Checks a request's numbers; the message names the valid range. */
export function validateRequest(request: CheckRequest): Result<CheckRequest> {
  const { bound, stepLimit } = request;
  if (!Number.isInteger(bound) || bound < 0 || bound > MAX_BOUND) {
    return { ok: false, error: `The bound must be a whole number from 0 to ${MAX_BOUND}.` };
  }
  if (!Number.isInteger(stepLimit) || stepLimit < 100 || stepLimit > MAX_STEP_LIMIT) {
    return {
      ok: false,
      error: `The step limit must be a whole number from 100 to ${MAX_STEP_LIMIT}.`,
    };
  }
  return { ok: true, value: request };
}
