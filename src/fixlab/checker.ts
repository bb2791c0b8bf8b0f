/**
 * `createChecker(pyodide)`: loads the Python side of the Fix lab into a
 * Pyodide once, then checks code, replays schedules and validates, through
 * one Python entry point that takes and returns JSON text (no Python objects
 * cross over, so nothing needs destroying). The same code runs in the page's
 * worker and in Node.
 */
import {
  validateRequest,
  type CheckHooks,
  type CheckOutcome,
  type CheckProgress,
  type CheckRequest,
  type CheckResult,
  type CodeProblem,
  type FixChecker,
  type PyodideLike,
  type ScheduleTrace,
} from './protocol.ts';
import { CHECKER_PY, HARNESS_PY } from './python.gen.ts';

type Answer<T> = { ok: true; value: T } | { ok: false; problem: CodeProblem };
type Api = (json: string) => string;

/** Python that builds the checker as a module of its own; its value is the entry point. */
function loaderSource(): string {
  return [
    'import types as _fixlab_types',
    '_fixlab = _fixlab_types.ModuleType("fixlab")',
    `_fixlab.HARNESS_SOURCE = ${JSON.stringify(HARNESS_PY)}`,
    `exec(compile(${JSON.stringify(CHECKER_PY)}, "fixlab", "exec"), _fixlab.__dict__)`,
    'del _fixlab_types',
    '_fixlab.api',
  ].join('\n');
}

function failure<T>(problem: CodeProblem): CheckOutcome<T> {
  return { ok: false, error: problem.message, problem };
}

function fromAnswer<T>(answer: Answer<T>): CheckOutcome<T> {
  return answer.ok ? { ok: true, value: answer.value } : failure(answer.problem);
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createChecker(pyodide: PyodideLike): FixChecker {
  const api = pyodide.runPython(loaderSource()) as Api;

  function call<T>(request: Record<string, unknown>): Answer<T> {
    try {
      return JSON.parse(api(JSON.stringify(request))) as Answer<T>;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const last = text.trim().split('\n').pop() ?? text;
      return {
        ok: false,
        problem: { kind: 'internal', message: `The checker failed: ${last}`, line: null },
      };
    }
  }

  async function check(
    request: CheckRequest,
    hooks: CheckHooks = {},
  ): Promise<CheckOutcome<CheckResult>> {
    const valid = validateRequest(request);
    if (!valid.ok) return failure({ kind: 'request', message: valid.error, line: null });
    const started = call<null>({ op: 'start', ...request });
    if (!started.ok) return failure(started.problem);
    const sliceMs = hooks.sliceMs ?? 50;
    const every = hooks.progressEveryMs ?? 100;
    let lastReport = -Infinity;
    let lastBound = -1;
    for (;;) {
      const step = call<{ done: boolean; progress: CheckProgress }>({ op: 'run_for', ms: sliceMs });
      if (!step.ok) return failure(step.problem);
      const { done, progress } = step.value;
      if (
        hooks.onProgress &&
        (done || progress.bound !== lastBound || progress.ms - lastReport >= every)
      ) {
        hooks.onProgress(progress);
        lastReport = progress.ms;
        lastBound = progress.bound;
      }
      if (done || hooks.shouldStop?.()) break;
      await macrotask();
      if (hooks.shouldStop?.()) break;
    }
    return fromAnswer(call<CheckResult>({ op: 'result' }));
  }

  return {
    validate: (code) => fromAnswer(call<null>({ op: 'validate', code })),
    check,
    trace: (code, schedule, stepLimit = DEFAULT_TRACE_LIMIT) =>
      fromAnswer(call<ScheduleTrace>({ op: 'trace', code, schedule, stepLimit })),
  };
}

const DEFAULT_TRACE_LIMIT = 5_000;
