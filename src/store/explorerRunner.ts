/**
 * The app's explorer runner: the explorer's Web Worker client (`compareInWorkers`),
 * one worker per variant, adapted to the explorer slice's shape. It is loaded on
 * demand, so the worker code stays out of the first page load.
 */
import { countNoun, countText } from '../explorer/countText.ts';
import type { ExploreReport } from '../explorer/report.ts';
import type { VariantId } from '../scenarios/index.ts';
import type { ExplorerRunner, VariantCounts } from './explorerSlice.ts';

export async function loadExplorerRunner(): Promise<ExplorerRunner> {
  const { compareInWorkers } = await import('../explorer/client.ts');
  return (request, onProgress) => {
    const total = request.variants.length;
    const finished = new Set<VariantId>();
    const job = compareInWorkers(
      {
        scenario: request.scenario,
        params: request.params,
        gil: request.gil,
        variants: request.variants,
        ...(request.preemptions === null ? {} : { preemptions: request.preemptions }),
      },
      {
        onProgress: (variant, p) =>
          onProgress({
            fraction: total === 0 ? 1 : finished.size / total,
            text: `Exploring ${variant}: ${countNoun(p.schedules, 'schedule')}, ${countText(p.states)} states so far`,
          }),
        onRow: (variant) => {
          finished.add(variant);
          onProgress({
            fraction: finished.size / total,
            text: `${finished.size} of ${total} variants done`,
          });
        },
      },
    );
    const result = job.result.then((outcome) => {
      const counts: VariantCounts[] = [];
      for (const variant of request.variants) {
        const row = outcome.rows[variant];
        if (!row) continue;
        if (row.status === 'error') throw new Error(`${variant}: ${row.message}`);
        if (row.report) counts.push(countsOf(variant, row.report));
      }
      return counts;
    });
    return { result, cancel: job.cancel };
  };
}

export function countsOf(variant: VariantId, report: ExploreReport): VariantCounts {
  return {
    variant,
    complete: report.complete,
    schedules: report.schedules,
    states: report.states,
    crashing: report.crashing,
    violating: report.violating,
    byOutcome: report.byOutcome,
    minimal: report.minimal,
    minimalByOutcome: report.minimalByOutcome,
  };
}
