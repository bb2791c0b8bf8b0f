/**
 * The page's side of the explorer worker: a small promise API for the UI.
 * Each job gets its own module worker (worker.ts), so a long search never
 * blocks the page, and the worker is terminated when the job settles.
 *
 * API
 *
 *   startExploration(request, { onProgress, onFound }) → { result, cancel }
 *     request: { scenario, variant, params?, gil?, preemptions?, maxStates?, maxMs?, reduction? }
 *       (report.ts ExploreRequest; preemptions defaults to the scenario's bound in defaults.ts;
 *       Infinity means every schedule, and survives postMessage).
 *     onProgress({ schedules, states, steps, ms, statesPerSecond, crashing, violating, byOutcome }):
 *       about every 100 ms; running totals over the part of the tree finished so far.
 *     onFound({ outcome, schedule, preemptions, steps }): the first schedule reaching each
 *       outcome key, as soon as it is found (a schedule string `sim --schedule` and links replay).
 *     result: Promise<Settled<ExploreReport>>, never rejects:
 *       { status: 'done', report }            the contract's explore document (report.ts)
 *       { status: 'cancelled', report|null }  what was covered before cancel() (report.complete false)
 *       { status: 'error', message, retry }   bad request or a worker that died; retry() starts
 *                                             the same job again and returns a new handle.
 *     cancel(): stops the search within one slice (about 25 ms); if the worker does not answer
 *       within a second it is terminated and the result is { status: 'cancelled', report: null }.
 *
 *   startSampling(request, { onProgress }) → { result, cancel }
 *     request: { scenario, variant, params?, gil?, strategy: 'random' | 'pct', runs, seed, depth? }
 *     The stress mode beside the exact count: counts by outcome and the first failing schedule
 *     found (at which run, after how many ms). Settles like startExploration.
 *
 *   compareInWorkers(request, { onProgress, onRow }) → { result, cancel }
 *     request: { scenario, params?, gil?, preemptions?, maxStates?, reduction?, variants? }
 *     Explores each variant (default all four) in its own worker, at most
 *     navigator.hardwareConcurrency at once. onProgress(variant, progress), onRow(variant, settled)
 *     as each finishes. result: Promise<{ cancelled, rows: { [variant]: Settled }, table }>, where
 *     table (table.ts CompareTable) holds the reports that arrived, in variant order.
 *
 * Every option bag also takes `createWorker` (tests pass an in-process fake).
 */
import type { VariantId } from '../scenarios/types.ts';
import { VARIANT_IDS } from '../scenarios/types.ts';
import { tableOf, type CompareTable } from './table.ts';
import type { ExploreProgress } from './explore.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import type { ExploreReport, ExploreRequest, SampleReport, SampleRequest } from './report.ts';
import type { SampleProgress } from './sample.ts';

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { readonly data: WorkerResponse }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?: () => void }) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export const createModuleWorker: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'explorer',
  }) as unknown as WorkerLike;

export interface ClientOptions {
  readonly createWorker?: WorkerFactory;
  /** How long cancel() waits for the worker's partial report before terminating it. Default 1000 ms. */
  readonly cancelGraceMs?: number;
}

export type Settled<R> =
  | { readonly status: 'done'; readonly report: R }
  | { readonly status: 'cancelled'; readonly report: R | null }
  | { readonly status: 'error'; readonly message: string; readonly retry: () => Handle<R> };

export interface Handle<R> {
  readonly result: Promise<Settled<R>>;
  cancel(): void;
}

export interface FoundSchedule {
  readonly outcome: string;
  readonly schedule: string;
  readonly preemptions: number;
  readonly steps: number;
}

export interface ExplorationCallbacks {
  readonly onProgress?: (progress: ExploreProgress) => void;
  readonly onFound?: (found: FoundSchedule) => void;
}

export function startExploration(
  request: ExploreRequest,
  callbacks: ExplorationCallbacks = {},
  options: ClientOptions = {},
): Handle<ExploreReport> {
  return runJob<ExploreReport>(
    { type: 'explore', id: 1, request },
    (message) => {
      if (message.type === 'progress') callbacks.onProgress?.(message.progress);
      else if (message.type === 'found') {
        callbacks.onFound?.({
          outcome: message.outcome,
          schedule: message.schedule,
          preemptions: message.preemptions,
          steps: message.steps,
        });
      } else if (message.type === 'result') return message.report;
      return undefined;
    },
    (report) => report.stopped === 'cancelled',
    () => startExploration(request, callbacks, options),
    options,
  );
}

export function startSampling(
  request: SampleRequest,
  callbacks: { readonly onProgress?: (progress: SampleProgress) => void } = {},
  options: ClientOptions = {},
): Handle<SampleReport> {
  return runJob<SampleReport>(
    { type: 'sample', id: 1, request },
    (message) => {
      if (message.type === 'sample-progress') callbacks.onProgress?.(message.progress);
      else if (message.type === 'sample-result') return message.report;
      return undefined;
    },
    (report) => report.stopped === 'cancelled',
    () => startSampling(request, callbacks, options),
    options,
  );
}

export interface CompareRequest extends Omit<ExploreRequest, 'variant'> {
  readonly variants?: readonly VariantId[];
}

export interface CompareOutcome {
  readonly cancelled: boolean;
  readonly rows: Readonly<Partial<Record<VariantId, Settled<ExploreReport>>>>;
  readonly table: CompareTable;
}

export interface CompareCallbacks {
  readonly onProgress?: (variant: VariantId, progress: ExploreProgress) => void;
  readonly onRow?: (variant: VariantId, settled: Settled<ExploreReport>) => void;
}

export function compareInWorkers(
  request: CompareRequest,
  callbacks: CompareCallbacks = {},
  options: ClientOptions & { readonly concurrency?: number } = {},
): { readonly result: Promise<CompareOutcome>; cancel(): void } {
  const variants = request.variants ?? VARIANT_IDS;
  const cores =
    typeof navigator !== 'undefined' && navigator.hardwareConcurrency
      ? navigator.hardwareConcurrency
      : 2;
  const limit = Math.max(1, Math.min(options.concurrency ?? cores, variants.length));
  const rows: Partial<Record<VariantId, Settled<ExploreReport>>> = {};
  const running = new Map<VariantId, Handle<ExploreReport>>();
  const queue = [...variants];
  let cancelled = false;

  const result = new Promise<CompareOutcome>((resolve) => {
    const settleIfDone = (): void => {
      if (running.size > 0 || (queue.length > 0 && !cancelled)) return;
      const reports = variants.flatMap((v) => {
        const row = rows[v];
        return row && row.status !== 'error' && row.report ? [row.report] : [];
      });
      resolve({ cancelled, rows, table: tableOf(reports) });
    };
    const next = (): void => {
      while (!cancelled && running.size < limit && queue.length > 0) {
        const variant = queue.shift() as VariantId;
        const { variants: _omit, ...rest } = request;
        const handle = startExploration(
          { ...rest, variant },
          { onProgress: (p) => callbacks.onProgress?.(variant, p) },
          options,
        );
        running.set(variant, handle);
        void handle.result.then((settled) => {
          running.delete(variant);
          rows[variant] = settled;
          callbacks.onRow?.(variant, settled);
          next();
          settleIfDone();
        });
      }
    };
    next();
    settleIfDone();
  });

  return {
    result,
    cancel: () => {
      cancelled = true;
      queue.length = 0;
      for (const handle of running.values()) handle.cancel();
    },
  };
}

/** One job in one worker: posts `message`, routes answers, settles once, terminates the worker. */
function runJob<R>(
  message: WorkerRequest,
  route: (response: WorkerResponse) => R | undefined,
  wasCancelled: (report: R) => boolean,
  retry: () => Handle<R>,
  options: ClientOptions,
): Handle<R> {
  const worker = (options.createWorker ?? createModuleWorker)();
  let settle: (value: Settled<R>) => void = () => undefined;
  let settled = false;
  let graceTimer: ReturnType<typeof setTimeout> | null = null;
  const result = new Promise<Settled<R>>((resolve) => {
    settle = (value) => {
      if (settled) return;
      settled = true;
      if (graceTimer !== null) clearTimeout(graceTimer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(value);
    };
  });
  worker.onmessage = (event) => {
    const response = event.data;
    if (response.type === 'error') {
      settle({ status: 'error', message: response.message, retry });
      return;
    }
    const report = route(response);
    if (report !== undefined)
      settle(wasCancelled(report) ? { status: 'cancelled', report } : { status: 'done', report });
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    settle({
      status: 'error',
      message: `The explorer worker stopped: ${event.message ?? 'unknown error'}`,
      retry,
    });
  };
  worker.postMessage(message);
  return {
    result,
    cancel: () => {
      if (settled) return;
      worker.postMessage({ type: 'cancel', id: message.id });
      graceTimer ??= setTimeout(
        () => settle({ status: 'cancelled', report: null }),
        options.cancelGraceMs ?? 1000,
      );
    },
  };
}
