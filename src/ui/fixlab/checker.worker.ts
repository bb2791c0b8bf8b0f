/**
 * The Fix lab's checker worker: one Pyodide (real CPython, self-hosted beside the site)
 * and one checker, so the person's code never runs on the page's thread. Loaded as a
 * module worker from its own file (never an inline blob).
 *
 * It waits for `init` with the address of the Pyodide files, loads the interpreter
 * (answering `ready` or `load-failed`), then serves check and trace requests one at a
 * time. Code that never reaches a switch point cannot be interrupted from inside; the
 * page notices the silence and terminates this worker (see checkerClient.ts).
 */
/// <reference lib="webworker" />
import type { PyodideAPI } from 'pyodide';
import { createChecker } from '../../fixlab/checker.ts';
import {
  PYODIDE_ENV,
  type FixChecker,
  type FixWorkerRequest,
  type FixWorkerResponse,
  type PyodideLike,
} from '../../fixlab/protocol.ts';
import type { PageToWorker } from './workerMessages.ts';

interface PyodideModule {
  loadPyodide(options: { indexURL: string; env: Record<string, string> }): Promise<PyodideAPI>;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<number>();
let checker: Promise<FixChecker | null> | null = null;
let queue: Promise<void> = Promise.resolve();

function send(message: FixWorkerResponse): void {
  scope.postMessage(message);
}

async function load(indexURL: string): Promise<FixChecker | null> {
  const started = performance.now();
  try {
    // The loader comes from the copied files, not from the bundle: it finds its
    // siblings (the wasm, the standard library) by name under the same address.
    const module = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as PyodideModule;
    // The same environment as in Node (a fixed string-hash seed), so the same code
    // explores the same schedules and gives the same counts in both.
    const pyodide = await module.loadPyodide({ indexURL, env: { ...PYODIDE_ENV } });
    // Pyodide types `globals` as a general PyProxy; the checker needs only `get`.
    const created = createChecker(pyodide as unknown as PyodideLike);
    send({ type: 'ready', loadMs: Math.round(performance.now() - started) });
    return created;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    send({
      type: 'load-failed',
      message: `Python (Pyodide) could not start from ${indexURL}: ${detail}`,
    });
    return null;
  }
}

async function serve(request: FixWorkerRequest, ready: FixChecker): Promise<void> {
  switch (request.type) {
    case 'check': {
      const result = await ready.check(request.request, {
        onProgress: (progress) => send({ type: 'progress', id: request.id, progress }),
        shouldStop: () => cancelled.has(request.id),
      });
      cancelled.delete(request.id);
      send({ type: 'result', id: request.id, result });
      return;
    }
    case 'trace': {
      const trace = ready.trace(request.code, request.schedule, request.stepLimit);
      send({ type: 'trace', id: request.id, trace });
      return;
    }
    case 'cancel':
      return;
  }
}

scope.onmessage = (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    checker ??= load(message.indexURL);
    return;
  }
  // A cancel acts at once (the running check polls it); everything else waits its turn.
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  const loading = checker;
  queue = queue.then(async () => {
    const ready = loading === null ? null : await loading;
    if (ready === null) {
      send({ type: 'error', id: message.id, message: 'Python is not loaded in this worker.' });
      return;
    }
    try {
      await serve(message, ready);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      send({ type: 'error', id: message.id, message: `The checker failed: ${detail}` });
    }
  });
};
