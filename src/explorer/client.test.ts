import { describe, expect, it, vi } from 'vitest';
import {
  compareInWorkers,
  startExploration,
  startSampling,
  type WorkerFactory,
  type WorkerLike,
} from './client.ts';
import { compareVariants } from './compare.ts';
import { createHandler, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import { exploreScenario } from './report.ts';

vi.mock('../scenarios/metrics.ts', async (importOriginal) =>
  (await import('../testing/withToyScenario.ts')).withToyScenario(importOriginal as never),
);

/** A worker that runs the real protocol handler in-process, with messages delivered asynchronously. */
class InProcessWorker implements WorkerLike {
  static live = 0;
  static peak = 0;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  private readonly handle = createHandler(
    (response: WorkerResponse) => {
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: response });
      }, 0);
    },
    { sliceMs: 2 },
  );

  constructor() {
    InProcessWorker.live++;
    InProcessWorker.peak = Math.max(InProcessWorker.peak, InProcessWorker.live);
  }
  postMessage(message: WorkerRequest): void {
    setTimeout(() => {
      if (!this.terminated) this.handle(message);
    }, 0);
  }
  terminate(): void {
    if (!this.terminated) InProcessWorker.live--;
    this.terminated = true;
  }
}

const inProcess: WorkerFactory = () => new InProcessWorker();
const request = {
  scenario: 'toy-counter',
  variant: 'buggy',
  gil: 'py39',
  params: { steps: 3 },
  preemptions: 2,
};

describe('explorer client', () => {
  it('resolves with the same counts as a direct exploration, reporting progress and finds', async () => {
    const found: string[] = [];
    const handle = startExploration(
      request,
      { onFound: (f) => found.push(f.outcome) },
      { createWorker: inProcess },
    );
    const settled = await handle.result;
    const direct = exploreScenario(request);
    if (settled.status !== 'done' || !direct.ok)
      throw new Error(`expected done, got ${settled.status}`);
    expect(settled.report.schedules).toBe(direct.value.schedules);
    expect(settled.report.byOutcome).toEqual(direct.value.byOutcome);
    expect(settled.report.minimal).toEqual(direct.value.minimal);
    expect(found.sort()).toEqual(Object.keys(direct.value.byOutcome).sort());
    expect(InProcessWorker.live).toBe(0);
  });

  it('cancels, keeping the partial report', async () => {
    const handle = startExploration(
      { ...request, params: { steps: 8 }, preemptions: Infinity },
      {},
      { createWorker: inProcess },
    );
    setTimeout(() => handle.cancel(), 20);
    const settled = await handle.result;
    expect(settled.status).toBe('cancelled');
    if (settled.status === 'cancelled') expect(settled.report?.complete).toBe(false);
  });

  it('gives up waiting for a worker that does not answer a cancel', async () => {
    const silent: WorkerFactory = () => ({
      onmessage: null,
      onerror: null,
      postMessage: () => undefined,
      terminate: () => undefined,
    });
    const handle = startExploration(request, {}, { createWorker: silent, cancelGraceMs: 5 });
    handle.cancel();
    expect(await handle.result).toEqual({ status: 'cancelled', report: null });
  });

  it('reports a worker that dies as an error that can be retried', async () => {
    let attempts = 0;
    const flaky: WorkerFactory = () => {
      attempts++;
      if (attempts > 1) return new InProcessWorker();
      const worker: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => worker.onerror?.({ message: 'out of memory' }), 0),
        terminate: () => undefined,
      };
      return worker;
    };
    const first = await startExploration(request, {}, { createWorker: flaky }).result;
    if (first.status !== 'error') throw new Error('expected an error');
    expect(first.message).toContain('out of memory');
    const second = await first.retry().result;
    expect(second.status).toBe('done');
  });

  it('compares the four variants, at most `concurrency` workers at a time, like the direct table', async () => {
    InProcessWorker.peak = 0;
    const rows: string[] = [];
    const { variant: _v, ...common } = request;
    const handle = compareInWorkers(
      common,
      { onRow: (v) => rows.push(v) },
      { createWorker: inProcess, concurrency: 2 },
    );
    const outcome = await handle.result;
    const direct = compareVariants(common.scenario, common.params, common.gil, {
      preemptions: common.preemptions,
    });
    if (!direct.ok) throw new Error(direct.error);
    expect(InProcessWorker.peak).toBe(2);
    expect(rows.sort()).toEqual(['buggy', 'correct', 'seed-fix', 'upstream']);
    expect(outcome.cancelled).toBe(false);
    expect(outcome.table.outcomes).toEqual(direct.value.outcomes);
    expect(outcome.table.rows.map((r) => [r.variant, r.schedules, r.byOutcome])).toEqual(
      direct.value.rows.map((r) => [r.variant, r.schedules, r.byOutcome]),
    );
  });

  it('samples in a worker', async () => {
    const settled = await startSampling(
      { ...request, strategy: 'random', runs: 100, seed: 1 },
      {},
      { createWorker: inProcess },
    ).result;
    expect(settled.status).toBe('done');
    if (settled.status === 'done') expect(settled.report.runs).toBe(100);
  });
});
