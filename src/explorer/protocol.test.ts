import { describe, expect, it, vi } from 'vitest';
import { createHandler, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import { exploreScenario, sampleScenario, type ExploreReport } from './report.ts';

vi.mock('../scenarios/metrics.ts', async (importOriginal) =>
  (await import('../testing/withToyScenario.ts')).withToyScenario(importOriginal as never),
);

/** Runs one job through the handler, as the worker would, collecting every response until it settles. */
function runJob(
  message: WorkerRequest,
  options: { cancelAfter?: number } = {},
): Promise<WorkerResponse[]> {
  return new Promise((resolve) => {
    const responses: WorkerResponse[] = [];
    let slices = 0;
    const handle = createHandler(
      (response) => {
        responses.push(response);
        if (['result', 'sample-result', 'error'].includes(response.type)) resolve(responses);
      },
      {
        sliceMs: 1,
        progressEveryMs: 0,
        defer: (task) =>
          setTimeout(() => {
            if (options.cancelAfter !== undefined && ++slices === options.cancelAfter) {
              handle({ type: 'cancel', id: message.id });
            }
            task();
          }, 0),
      },
    );
    handle(message);
  });
}

function withoutMs(report: ExploreReport): Omit<ExploreReport, 'ms'> {
  const { ms: _ms, ...rest } = report;
  return rest;
}

const request = {
  scenario: 'toy-counter',
  variant: 'buggy',
  gil: 'py39',
  params: { steps: 4 },
  preemptions: 3,
};

describe('worker protocol', () => {
  it('gives the same report as a direct exploration, with progress and found outcomes on the way', async () => {
    const responses = await runJob({ type: 'explore', id: 7, request });
    const direct = exploreScenario(request);
    if (!direct.ok) throw new Error(direct.error);
    const result = responses.at(-1);
    expect(result?.type).toBe('result');
    if (result?.type !== 'result') return;
    expect(result.id).toBe(7);
    expect(withoutMs(result.report)).toEqual(withoutMs(direct.value));
    expect(responses.some((r) => r.type === 'progress')).toBe(true);
    const found = responses.flatMap((r) => (r.type === 'found' ? [r.outcome] : []));
    expect(found.sort()).toEqual(
      Object.keys(direct.value.byOutcome)
        .filter((k) => k !== 'ok')
        .concat('ok')
        .sort(),
    );
    for (const r of responses) expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('stops on cancel and reports what it covered', async () => {
    const big = { ...request, params: { steps: 8 }, preemptions: Infinity };
    const responses = await runJob({ type: 'explore', id: 1, request: big }, { cancelAfter: 3 });
    const result = responses.at(-1);
    if (result?.type !== 'result') throw new Error(`expected a result, got ${result?.type}`);
    expect(result.report.complete).toBe(false);
    expect(result.report.stopped).toBe('cancelled');
  });

  it('answers a bad request with an error naming the valid values', async () => {
    const responses = await runJob({
      type: 'explore',
      id: 2,
      request: { ...request, variant: 'nope' },
    });
    expect(responses).toEqual([
      { type: 'error', id: 2, message: expect.stringContaining('Valid variants: buggy') },
    ]);
  });

  it('samples like a direct call', async () => {
    const sampleRequest = { ...request, strategy: 'pct', runs: 200, seed: 3 };
    const responses = await runJob({ type: 'sample', id: 3, request: sampleRequest });
    const result = responses.at(-1);
    const direct = sampleScenario(sampleRequest);
    if (result?.type !== 'sample-result' || !direct.ok) throw new Error('expected a sample result');
    expect(result.report.byOutcome).toEqual(direct.value.byOutcome);
    expect(result.report.firstFailure?.schedule).toBe(direct.value.firstFailure?.schedule);
  });
});
