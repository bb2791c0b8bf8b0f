/**
 * Runs one check in a worker thread, so that code which never reaches a
 * switch point (a single C call such as `sum(range(10**12))`) can be stopped:
 * a watchdog terminates the worker when it has been silent for too long. The
 * checker reports progress at least every slice (50 ms) while it works, so
 * silence means the Python side is stuck inside one call. Node only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type {
  CheckOutcome,
  CheckProgress,
  CheckRequest,
  CheckResult,
  FixWorkerRequest,
  FixWorkerResponse,
  ScheduleTrace,
} from '../protocol.ts';

export interface WorkerCheckOptions {
  /** Silence after which the check is stopped as runaway. Default 10 s. */
  readonly silenceMs?: number;
  /** How long Pyodide may take to load. Default 60 s. */
  readonly loadMs?: number;
  readonly onProgress?: (progress: CheckProgress) => void;
}

export interface WorkerCheck {
  readonly outcome: CheckOutcome<CheckResult>;
  readonly loadMs: number;
}

export function runawayMessage(silenceMs: number): string {
  return `The code ran for ${silenceMs / 1000} s without reaching a switch point (one long call into C code, such as sum(range(10**12))), so the check was stopped.`;
}

/** The ES module build of `tsx/esm/api` (require.resolve would give the CommonJS one). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return join(
    dirname(manifest),
    pkg.exports['./esm/api']?.import.default ?? 'dist/esm/api/index.mjs',
  );
}

/**
 * The worker is TypeScript: a small bootstrap registers tsx's loader inside
 * the new thread (a worker does not inherit the parent's loader hooks) and
 * then imports worker.ts.
 */
function startWorker(): Worker {
  const tsxApi = pathToFileURL(tsxEsmApi()).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true });
}

/** Sends one request to a fresh worker and waits for the answer `pick` recognizes. */
function inWorker<T>(
  request: FixWorkerRequest,
  pick: (message: FixWorkerResponse) => CheckOutcome<T> | undefined,
  options: WorkerCheckOptions,
): Promise<{ readonly outcome: CheckOutcome<T>; readonly loadMs: number }> {
  const silenceMs = options.silenceMs ?? 10_000;
  const worker = startWorker();
  let loadMs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise((resolve, reject) => {
    const finish = (outcome: CheckOutcome<T>): void => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ outcome, loadMs });
    };
    const stop = (kind: 'runaway' | 'internal', message: string): void =>
      finish({ ok: false, error: message, problem: { kind, message, line: null } });
    const watch = (ms: number, onTimeout: () => void): void => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };
    watch(options.loadMs ?? 60_000, () =>
      stop('internal', 'Pyodide did not load within the time allowed.'),
    );
    worker.on('message', (message: FixWorkerResponse) => {
      watch(silenceMs, () => stop('runaway', runawayMessage(silenceMs)));
      const answer = pick(message);
      if (answer) finish(answer);
      else if (message.type === 'ready') {
        loadMs = message.loadMs;
        worker.postMessage(request);
      } else if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'load-failed')
        stop('internal', `Pyodide could not load: ${message.message}`);
      else if (message.type === 'error') stop('internal', `The checker failed: ${message.message}`);
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export function checkInWorker(
  request: CheckRequest,
  options: WorkerCheckOptions = {},
): Promise<WorkerCheck> {
  return inWorker(
    { type: 'check', id: 1, request },
    (m) => (m.type === 'result' ? m.result : undefined),
    options,
  );
}

/** Replays one schedule with every step recorded, in a worker (so runaway code can be stopped). */
export function traceInWorker(
  code: string,
  schedule: string,
  stepLimit: number,
  options: WorkerCheckOptions = {},
): Promise<{ readonly outcome: CheckOutcome<ScheduleTrace>; readonly loadMs: number }> {
  return inWorker(
    { type: 'trace', id: 1, code, schedule, stepLimit },
    (m) => (m.type === 'trace' ? m.trace : undefined),
    options,
  );
}
