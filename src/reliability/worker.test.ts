/**
 * The explorer's worker client under failure, in Node with stand-in workers that run
 * the real protocol handler in-process: a worker that dies is reported as an error
 * with a working retry, and a cancelled exploration gives back its memory.
 */
import { describe, expect, it } from 'vitest';
import {
  compareInWorkers,
  startExploration,
  type WorkerFactory,
  type WorkerLike,
} from '../explorer/client.ts';
import { createHandler, type WorkerRequest, type WorkerResponse } from '../explorer/protocol.ts';
import { heapMb } from './memory.ts';

/** A worker running the real handler, with messages delivered as macrotasks. */
class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  private readonly handle = createHandler(
    (response: WorkerResponse) =>
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: response });
      }, 0),
    { sliceMs: 5 },
  );
  postMessage(message: WorkerRequest): void {
    setTimeout(() => {
      if (!this.terminated) this.handle(message);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A worker that dies (an uncaught error, as when it runs out of memory) once it gets work. */
class DyingWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  prevented = false;
  postMessage(message: WorkerRequest): void {
    if (message.type === 'cancel') return;
    setTimeout(() => {
      this.onerror?.({
        message: 'Uncaught RangeError: Array buffer allocation failed',
        preventDefault: () => {
          this.prevented = true;
        },
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const small = { scenario: 'metrics-stuck-flush', variant: 'buggy', preemptions: 1 } as const;

describe('a worker that dies', () => {
  it('is reported as an error, and its retry starts a new worker that finishes', async () => {
    const made: WorkerLike[] = [];
    let healthy = false;
    const factory: WorkerFactory = () => {
      const worker = healthy ? new InProcessWorker() : new DyingWorker();
      made.push(worker);
      return worker;
    };
    const first = await startExploration(small, {}, { createWorker: factory }).result;
    expect(first.status).toBe('error');
    if (first.status !== 'error') return;
    expect(first.message).toBe(
      'The explorer worker stopped: Uncaught RangeError: Array buffer allocation failed',
    );
    const dead = made[0] as DyingWorker;
    expect(dead.terminated).toBe(true);
    // The error was handled, so the browser does not also report it as uncaught.
    expect(dead.prevented).toBe(true);

    healthy = true;
    const second = await first.retry().result;
    expect(second.status).toBe('done');
    expect(made).toHaveLength(2);
    if (second.status === 'done') expect(second.report.schedules).toBeGreaterThan(0);
  });

  it('in a comparison, costs only its own row', async () => {
    let count = 0;
    const factory: WorkerFactory = () =>
      count++ === 1 ? new DyingWorker() : new InProcessWorker();
    const outcome = await compareInWorkers(
      { scenario: 'metrics-stuck-flush', preemptions: 1 },
      {},
      { createWorker: factory, concurrency: 1 },
    ).result;
    const statuses = Object.values(outcome.rows).map((row) => row?.status);
    expect(statuses.filter((s) => s === 'error')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'done')).toHaveLength(3);
    expect(outcome.table).toBeDefined();
  });
});

describe('a cancelled exploration', () => {
  it('frees the memory its search held', async () => {
    const baseline = heapMb();
    let heldMb = 0;
    const workers: InProcessWorker[] = [];
    const handle = startExploration(
      { scenario: 'metrics-stuck-flush', variant: 'buggy', gil: 'py39', preemptions: 6 },
      {
        // Cancel once the search has visited 40,000 states, measuring what it holds then.
        onProgress: (p) => {
          if (heldMb > 0 || p.states < 40_000) return;
          heldMb = heapMb() - baseline;
          handle.cancel();
        },
      },
      {
        createWorker: () => {
          const w = new InProcessWorker();
          workers.push(w);
          return w;
        },
      },
    );
    const settled = await handle.result;
    expect(settled.status).toBe('cancelled');
    expect(workers.every((w) => w.terminated)).toBe(true);
    const afterMb = heapMb() - baseline;
    console.info(
      `cancelled exploration: held ${heldMb.toFixed(1)} MB while running, ${afterMb.toFixed(1)} MB after`,
    );
    expect(heldMb).toBeGreaterThan(10);
    expect(afterMb).toBeLessThan(Math.min(5, heldMb / 4));
  }, 120_000);
});
