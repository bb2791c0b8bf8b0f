/**
 * A worker_threads entry that owns one Pyodide and one checker and answers
 * FixWorkerRequest messages, as the page's module worker does. Node only.
 * Messages that arrive while Pyodide loads wait in the port's queue.
 */
import { parentPort } from 'node:worker_threads';
import { createChecker } from '../checker.ts';
import type { FixChecker, FixWorkerRequest, FixWorkerResponse } from '../protocol.ts';
import { loadPyodideInNode } from './load.ts';

const port = parentPort;
if (!port) throw new Error('src/fixlab/node/worker.ts runs only as a worker thread');

const post = (message: FixWorkerResponse): void => port.postMessage(message);
const cancelled = new Set<number>();

async function handle(checker: FixChecker, message: FixWorkerRequest): Promise<void> {
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  const { id } = message;
  if (message.type === 'trace') {
    post({
      type: 'trace',
      id,
      trace: checker.trace(message.code, message.schedule, message.stepLimit),
    });
    return;
  }
  const result = await checker.check(message.request, {
    onProgress: (progress) => post({ type: 'progress', id, progress }),
    shouldStop: () => cancelled.has(id),
  });
  cancelled.delete(id);
  post({ type: 'result', id, result });
}

async function start(): Promise<void> {
  const began = performance.now();
  let checker: FixChecker;
  try {
    checker = createChecker(await loadPyodideInNode());
  } catch (error) {
    post({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  post({ type: 'ready', loadMs: Math.round(performance.now() - began) });
  port?.on('message', (message: FixWorkerRequest) => {
    handle(checker, message).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      post({ type: 'error', id: 'id' in message ? message.id : -1, message: text });
    });
  });
}

void start();
