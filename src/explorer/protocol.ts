/**
 * The explorer worker's message protocol and its logic, kept apart from the
 * worker entry (worker.ts) so that Node tests can drive it directly.
 *
 * The search is synchronous, so a job runs in slices of `sliceMs` with a
 * macrotask between slices: that is when a `cancel` message gets through
 * (SharedArrayBuffer flags would need cross-origin isolation, which a static
 * host cannot promise). Progress goes out at most every `progressEveryMs`,
 * each outcome the first time it is reached (`found`), and the report at the
 * end; a cancelled job still reports what it covered (`stopped: 'cancelled'`).
 * Every message is plain JSON-compatible data.
 */
import type { ExploreProgress } from './explore.ts';
import {
  prepareExploration,
  reportOf,
  sampleOptions,
  sampleReportOf,
  scheduleString,
  validateSample,
  type ExploreReport,
  type ExploreRequest,
  type SampleReport,
  type SampleRequest,
} from './report.ts';
import { Sampling, type SampleProgress } from './sample.ts';

export type WorkerRequest =
  | { readonly type: 'explore'; readonly id: number; readonly request: ExploreRequest }
  | { readonly type: 'sample'; readonly id: number; readonly request: SampleRequest }
  | { readonly type: 'cancel'; readonly id: number };

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: ExploreProgress }
  | { readonly type: 'sample-progress'; readonly id: number; readonly progress: SampleProgress }
  | {
      readonly type: 'found';
      readonly id: number;
      readonly outcome: string;
      readonly schedule: string;
      readonly preemptions: number;
      readonly steps: number;
    }
  | { readonly type: 'result'; readonly id: number; readonly report: ExploreReport }
  | { readonly type: 'sample-result'; readonly id: number; readonly report: SampleReport }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export interface HandlerOptions {
  /** Work per slice before yielding to the message queue. Default 25 ms. */
  readonly sliceMs?: number;
  readonly progressEveryMs?: number;
  /** Runs `task` after pending messages (a macrotask). Default setTimeout(task, 0). */
  readonly defer?: (task: () => void) => void;
}

interface Job {
  readonly id: number;
  cancel(): void;
}

/** What every job of one worker shares: where responses go, its timing and the running jobs. */
interface JobContext {
  readonly post: (response: WorkerResponse) => void;
  readonly sliceMs: number;
  readonly progressEveryMs: number;
  readonly defer: (task: () => void) => void;
  readonly jobs: Map<number, Job>;
}

/** Creates the message handler of one worker; `post` sends a response to the page. */
export function createHandler(
  post: (response: WorkerResponse) => void,
  options: HandlerOptions = {},
): (message: WorkerRequest) => void {
  const ctx: JobContext = {
    post,
    sliceMs: options.sliceMs ?? 25,
    progressEveryMs: options.progressEveryMs ?? 100,
    defer: options.defer ?? ((task: () => void) => void setTimeout(task, 0)),
    jobs: new Map<number, Job>(),
  };
  return (message: WorkerRequest): void => {
    try {
      switch (message.type) {
        case 'explore':
          return startExplore(ctx, message.id, message.request);
        case 'sample':
          return startSample(ctx, message.id, message.request);
        case 'cancel':
          return ctx.jobs.get(message.id)?.cancel();
        default:
          return assertUnreachable(message);
      }
    } catch (error) {
      post({ type: 'error', id: (message as { id?: number }).id ?? -1, message: describe(error) });
    }
  };
}

/**
 * Runs `slice` until it returns true, one slice per macrotask, so a `cancel` can get
 * in between; a job no longer in `jobs` stops, and an error becomes an `error` response.
 */
function runInSlices(ctx: JobContext, id: number, slice: () => boolean, finish: () => void): void {
  const tick = (): void => {
    if (!ctx.jobs.has(id)) return;
    let done: boolean;
    try {
      done = slice();
      if (done) finish();
    } catch (error) {
      ctx.jobs.delete(id);
      ctx.post({ type: 'error', id, message: describe(error) });
      return;
    }
    if (done) ctx.jobs.delete(id);
    else ctx.defer(tick);
  };
  ctx.defer(tick);
}

function startExplore(ctx: JobContext, id: number, request: ExploreRequest): void {
  const { post } = ctx;
  // `found` needs the setup's tag for its schedule string; none is found before it is set.
  let tag: Parameters<typeof scheduleString>[0] | null = null;
  const prepared = prepareExploration(request, {
    progressEveryMs: ctx.progressEveryMs,
    onProgress: (progress) => post({ type: 'progress', id, progress }),
    onFound: (outcome, path) => {
      if (!tag) return;
      post({
        type: 'found',
        id,
        outcome,
        schedule: scheduleString(tag, path),
        preemptions: path.preemptions,
        steps: path.steps,
      });
    },
  });
  if (!prepared.ok) return post({ type: 'error', id, message: prepared.error });
  const { setup, exploration } = prepared.value;
  tag = setup;
  ctx.jobs.set(id, { id, cancel: () => exploration.cancel() });
  runInSlices(
    ctx,
    id,
    () => exploration.runFor(ctx.sliceMs) || exploration.finished,
    () => {
      post({ type: 'progress', id, progress: exploration.progress() });
      post({ type: 'result', id, report: reportOf(setup, exploration.result()) });
    },
  );
}

function startSample(ctx: JobContext, id: number, request: SampleRequest): void {
  const { post } = ctx;
  const setup = validateSample(request);
  if (!setup.ok) return post({ type: 'error', id, message: setup.error });
  const sampling = new Sampling(
    setup.value.program,
    setup.value.gil,
    sampleOptions(request, {
      progressEveryMs: ctx.progressEveryMs,
      onProgress: (progress) => post({ type: 'sample-progress', id, progress }),
    }),
  );
  ctx.jobs.set(id, { id, cancel: () => sampling.cancel() });
  runInSlices(
    ctx,
    id,
    () => sampling.runFor(ctx.sliceMs) || sampling.finished,
    () =>
      post({ type: 'sample-result', id, report: sampleReportOf(setup.value, sampling.result()) }),
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function assertUnreachable(value: never): never {
  throw new Error(`unknown worker message ${JSON.stringify(value)}`);
}
