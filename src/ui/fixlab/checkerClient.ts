/**
 * The page's side of the checker worker. It owns one module worker at a time and turns
 * its messages into promises the page awaits, with two guards the worker cannot give:
 *
 * - loading: `loadPyodide` hangs instead of failing when its files are blocked, so the
 *   load gets a deadline, after which the client reports a clear failure;
 * - runaway code: a check or trace that goes silent (no progress, no answer) for
 *   `silenceMs` is code with no switch point that never returns, like
 *   `sum(range(10**12))`. The only way to stop it is to terminate the worker; the client
 *   then starts a fresh one (Pyodide loads again) and answers `runaway`.
 *
 * Requests run one at a time; the page never sends a second while one is running.
 */
import type {
  CheckOutcome,
  CheckProgress,
  CheckRequest,
  CheckResult,
  FixWorkerResponse,
  ScheduleTrace,
} from '../../fixlab/protocol.ts';
import type { PageToWorker } from './workerMessages.ts';

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: PageToWorker): void;
  terminate(): void;
  onmessage: ((event: { readonly data: FixWorkerResponse }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?: () => void }) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export const createCheckerWorker: WorkerFactory = () =>
  new Worker(new URL('./checker.worker.ts', import.meta.url), {
    type: 'module',
    name: 'fix-checker',
  }) as unknown as WorkerLike;

export type LoadState =
  | { readonly kind: 'loading'; readonly restart: boolean }
  | { readonly kind: 'ready'; readonly loadMs: number }
  | { readonly kind: 'failed'; readonly message: string };

/** How a request ended, from the page's point of view. */
export type Answer<T> =
  | { readonly kind: 'done'; readonly value: CheckOutcome<T> }
  | { readonly kind: 'runaway'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export interface CheckerClientOptions {
  readonly indexURL: string;
  readonly createWorker?: WorkerFactory;
  /**
   * Deadline for Pyodide to load. Default 60 s: it takes about 3 s cold on an idle
   * machine, but a busy one can be ten times slower, and only a hang should fail.
   */
  readonly loadTimeoutMs?: number;
  /** Silence after which a running request counts as runaway. Default 5 s. */
  readonly silenceMs?: number;
  readonly onLoadState?: (state: LoadState) => void;
}

interface Pending {
  readonly id: number;
  readonly onMessage: (message: FixWorkerResponse) => void;
  readonly settle: (answer: Answer<never>) => void;
}

export const DEFAULT_LOAD_TIMEOUT_MS = 60_000;
export const DEFAULT_SILENCE_MS = 5_000;

export function runawayMessage(silenceMs: number): string {
  const seconds = Math.round(silenceMs / 100) / 10;
  return (
    `Your code ran for ${seconds} s without reaching a switch point (a statement that ` +
    'never ends, such as sum(range(10**12))), so the checker was stopped and restarted. ' +
    'Nothing from this check was counted.'
  );
}

export class CheckerClient {
  private worker: WorkerLike | null = null;
  private state: LoadState = { kind: 'loading', restart: false };
  private waiters: Array<() => void> = [];
  private pending: Pending | null = null;
  private nextId = 1;
  private loadTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly loadTimeoutMs: number;
  private readonly silenceMs: number;

  constructor(private readonly options: CheckerClientOptions) {
    this.loadTimeoutMs = options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
    this.silenceMs = options.silenceMs ?? DEFAULT_SILENCE_MS;
    this.start(false);
  }

  get loadState(): LoadState {
    return this.state;
  }

  /** Starts over after a failure: a new worker, a new load. */
  retry(): void {
    this.stop();
    this.start(true);
  }

  dispose(): void {
    this.stop();
    this.pending?.settle({ kind: 'failed', message: 'The page was closed.' });
    this.pending = null;
  }

  check(
    request: CheckRequest,
    onProgress: (p: CheckProgress) => void,
  ): Promise<Answer<CheckResult>> {
    return this.request<CheckResult>(
      (id) => ({ type: 'check', id, request }),
      (message) => {
        if (message.type === 'progress') onProgress(message.progress);
        if (message.type === 'result') return message.result;
        return undefined;
      },
    );
  }

  trace(code: string, schedule: string, stepLimit?: number): Promise<Answer<ScheduleTrace>> {
    return this.request<ScheduleTrace>(
      (id) => ({ type: 'trace', id, code, schedule, ...(stepLimit ? { stepLimit } : {}) }),
      (message) => (message.type === 'trace' ? message.trace : undefined),
    );
  }

  /** Asks a running check to stop; it answers with what it covered so far. */
  cancel(): void {
    if (this.pending) this.worker?.postMessage({ type: 'cancel', id: this.pending.id });
  }

  private async request<T>(
    build: (id: number) => PageToWorker,
    pick: (message: FixWorkerResponse) => CheckOutcome<T> | undefined,
  ): Promise<Answer<T>> {
    const loaded = await this.whenSettled();
    if (loaded.kind === 'failed') return { kind: 'failed', message: loaded.message };
    const id = this.nextId++;
    return new Promise<Answer<T>>((resolve) => {
      const settle = (answer: Answer<T>): void => {
        this.clearSilence();
        this.pending = null;
        resolve(answer);
      };
      this.pending = {
        id,
        settle: settle as (answer: Answer<never>) => void,
        onMessage: (message) => {
          if ('id' in message && message.id !== id) return;
          this.armSilence();
          if (message.type === 'error') settle({ kind: 'failed', message: message.message });
          const value = pick(message);
          if (value !== undefined) settle({ kind: 'done', value });
        },
      };
      this.armSilence();
      this.worker?.postMessage(build(id));
    });
  }

  private whenSettled(): Promise<LoadState> {
    if (this.state.kind !== 'loading') return Promise.resolve(this.state);
    return new Promise((resolve) => this.waiters.push(() => resolve(this.state)));
  }

  private start(restart: boolean): void {
    this.setState({ kind: 'loading', restart });
    const worker = (this.options.createWorker ?? createCheckerWorker)();
    this.worker = worker;
    worker.onmessage = (event) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (worker !== this.worker) return;
      const detail = event.message ? `: ${event.message}` : '.';
      this.fail(`The checker's worker stopped unexpectedly${detail}`);
    };
    this.loadTimer = setTimeout(() => {
      const seconds = Math.round(this.loadTimeoutMs / 1000);
      this.fail(
        `Python (Pyodide) did not start within ${seconds} s. Its files may be blocked or ` +
          'missing from the pyodide/ folder beside this page; reload to try again.',
      );
    }, this.loadTimeoutMs);
    worker.postMessage({ type: 'init', indexURL: this.options.indexURL });
  }

  private receive(worker: WorkerLike, message: FixWorkerResponse): void {
    if (worker !== this.worker) return;
    if (message.type === 'ready') {
      this.clearLoadTimer();
      this.setState({ kind: 'ready', loadMs: message.loadMs });
    } else if (message.type === 'load-failed') {
      this.fail(message.message);
    } else {
      this.pending?.onMessage(message);
    }
  }

  private fail(message: string): void {
    this.stop();
    this.setState({ kind: 'failed', message });
    this.pending?.settle({ kind: 'failed', message });
  }

  private armSilence(): void {
    this.clearSilence();
    this.silenceTimer = setTimeout(() => {
      const pending = this.pending;
      this.stop();
      this.start(true);
      pending?.settle({ kind: 'runaway', message: runawayMessage(this.silenceMs) });
    }, this.silenceMs);
  }

  private clearSilence(): void {
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }

  private clearLoadTimer(): void {
    if (this.loadTimer !== null) clearTimeout(this.loadTimer);
    this.loadTimer = null;
  }

  private stop(): void {
    this.clearLoadTimer();
    this.clearSilence();
    this.worker?.terminate();
    this.worker = null;
  }

  private setState(state: LoadState): void {
    this.state = state;
    this.options.onLoadState?.(state);
    if (state.kind !== 'loading') {
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }
}
