import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult, FixWorkerResponse } from '../../fixlab/protocol.ts';
import { CheckerClient, runawayMessage, type LoadState, type WorkerLike } from './checkerClient.ts';
import type { PageToWorker } from './workerMessages.ts';

/** A scripted worker: it records what it is sent and answers only when told to. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  readonly sent: PageToWorker[] = [];
  terminated = false;
  postMessage(message: PageToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: FixWorkerResponse): void {
    this.onmessage?.({ data: message });
  }
  lastId(): number {
    const last = this.sent.at(-1);
    return last && 'id' in last ? last.id : -1;
  }
}

const RESULT: CheckResult = {
  bound: 2,
  complete: true,
  schedules: 10,
  byOutcome: { ok: 10 },
  minimal: null,
  minimalReport: null,
  examples: {},
  ms: 5,
};

const REQUEST = { code: 'class MetricsBuffer: ...', bound: 2, stepLimit: 5_000 };

function setup(options: { loadTimeoutMs?: number; silenceMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const states: LoadState[] = [];
  const client = new CheckerClient({
    indexURL: 'http://site/pyodide/',
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    onLoadState: (state) => states.push(state),
    ...options,
  });
  return { client, workers, states };
}

describe('the checker client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells the worker where Pyodide is, waits for it, and relays progress and the result', async () => {
    const { client, workers } = setup();
    const worker = workers[0] as FakeWorker;
    expect(worker.sent[0]).toEqual({ type: 'init', indexURL: 'http://site/pyodide/' });
    const progress: number[] = [];
    const answer = client.check(REQUEST, (p) => progress.push(p.schedules));
    worker.answer({ type: 'ready', loadMs: 2_000 });
    await vi.advanceTimersByTimeAsync(0);
    const id = worker.lastId();
    worker.answer({
      type: 'progress',
      id,
      progress: { bound: 0, schedules: 3, byOutcome: { ok: 3 }, ms: 1 },
    });
    worker.answer({ type: 'result', id, result: { ok: true, value: RESULT } });
    expect(await answer).toEqual({ kind: 'done', value: { ok: true, value: RESULT } });
    expect(progress).toEqual([3]);
    expect(client.loadState).toEqual({ kind: 'ready', loadMs: 2_000 });
  });

  it('stops a silent check, restarts the worker, and says why', async () => {
    const { client, workers, states } = setup({ silenceMs: 4_000 });
    (workers[0] as FakeWorker).answer({ type: 'ready', loadMs: 1 });
    const answer = client.check(REQUEST, () => undefined);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toEqual({ kind: 'runaway', message: runawayMessage(4_000) });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(states.at(-1)).toEqual({ kind: 'loading', restart: true });
    expect(workers[1]?.sent[0]).toMatchObject({ type: 'init' });
  });

  it('keeps a check alive while progress keeps coming', async () => {
    const { client, workers } = setup({ silenceMs: 1_000 });
    const worker = workers[0] as FakeWorker;
    worker.answer({ type: 'ready', loadMs: 1 });
    const answer = client.check(REQUEST, () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    const id = worker.lastId();
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(900);
      worker.answer({
        type: 'progress',
        id,
        progress: { bound: 1, schedules: i, byOutcome: {}, ms: i },
      });
    }
    worker.answer({ type: 'result', id, result: { ok: true, value: RESULT } });
    expect((await answer).kind).toBe('done');
    expect(workers).toHaveLength(1);
  });

  it('gives up on a load that hangs, with a sentence, and can try again', async () => {
    const { client, workers, states } = setup({ loadTimeoutMs: 10_000 });
    const answer = client.check(REQUEST, () => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    const failed = await answer;
    expect(failed.kind).toBe('failed');
    expect(states.at(-1)).toMatchObject({ kind: 'failed' });
    if (failed.kind === 'failed') expect(failed.message).toMatch(/did not start within 10 s/);
    client.retry();
    expect(workers).toHaveLength(2);
    expect(states.at(-1)).toEqual({ kind: 'loading', restart: true });
  });

  it('reports a worker that fails to load or dies', async () => {
    const { client, workers } = setup();
    (workers[0] as FakeWorker).answer({ type: 'load-failed', message: 'no wasm' });
    expect(client.loadState).toEqual({ kind: 'failed', message: 'no wasm' });
    client.retry();
    const worker = workers[1] as FakeWorker;
    worker.answer({ type: 'ready', loadMs: 1 });
    const answer = client.trace('code', 'f1', undefined);
    await vi.advanceTimersByTimeAsync(0);
    worker.onerror?.({ message: 'out of memory' });
    expect(await answer).toEqual({
      kind: 'failed',
      message: "The checker's worker stopped unexpectedly: out of memory",
    });
  });
});
