/**
 * The Explore tab on counts past 2^53. The tab offers bounds of 0 to 4 preemptions, whose
 * counts stayed far below 2^53 in every setting measured (docs/headless.md#counts), so this
 * test's runner explores without a bound, as the command line can: the same explorer and
 * reports as the app's workers, only not in a worker.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ROUNDED_COUNT_NOTE } from '../../explorer/countText.ts';
import { exploreScenario } from '../../explorer/report.ts';
import { countsOf } from '../../store/explorerRunner.ts';
import type { ExplorerRunner, VariantCounts } from '../../store/explorerSlice.ts';
import { labOn, renderWith } from '../crash/testing.tsx';
import { ExplorerPanel } from './ExplorerPanel.tsx';

/** Explores each requested variant with no preemption bound. */
const unbounded: ExplorerRunner = (request) => {
  const rows: VariantCounts[] = request.variants.map((variant) => {
    const report = exploreScenario({ ...request, variant, preemptions: Infinity });
    if (!report.ok) throw new Error(report.error);
    return countsOf(variant, report.value);
  });
  return { result: Promise.resolve(rows), cancel: () => undefined };
};

/** Only the two variants whose unbounded search takes well under a second. */
const quick: ExplorerRunner = (request, onProgress) =>
  unbounded(
    { ...request, variants: request.variants.filter((v) => v === 'upstream' || v === 'correct') },
    onProgress,
  );

describe('the Explore tab', () => {
  it('writes a count past 2^53 as an estimate, with why, and one below it exactly', async () => {
    const store = labOn('metrics-stuck-flush', 'buggy', {}, quick);
    const { user } = renderWith(store, <ExplorerPanel />);
    await user.click(screen.getByRole('button', { name: 'Explore all variants' }));
    const table = await screen.findByRole('table', { name: 'Schedules by outcome, per variant' });
    const row = (name: RegExp) => within(table).getByRole('row', { name });
    // upstream: 7,522,327,487,513,475 schedules, under 2^53, exact to the last digit.
    expect(row(/^arroyo's own fix/)).toHaveTextContent('7,522,327,487,513,475');
    // correct: about 1.05 × 10²¹, which as a raw number would show 17 digits that are not true.
    const correct = row(/^A correct fix/);
    expect(correct).toHaveTextContent('about 1.05 × 10²¹');
    expect(within(correct).getAllByTitle(ROUNDED_COUNT_NOTE).length).toBeGreaterThan(0);
    expect(table.textContent).not.toMatch(/\d{17}|e\+/);
    expect(screen.getByText(ROUNDED_COUNT_NOTE)).toBeInTheDocument();
  });

  it('shows no note when the bounded search keeps every count exact', async () => {
    const store = labOn('metrics-stuck-flush', 'buggy', {}, (request) => ({
      result: Promise.resolve(
        request.variants.map((variant) => {
          const report = exploreScenario({ ...request, variant, preemptions: 1 });
          if (!report.ok) throw new Error(report.error);
          return countsOf(variant, report.value);
        }),
      ),
      cancel: () => undefined,
    }));
    const { user } = renderWith(store, <ExplorerPanel />);
    await user.click(screen.getByRole('button', { name: 'Explore all variants' }));
    const table = await screen.findByRole('table', { name: 'Schedules by outcome, per variant' });
    expect(table).not.toHaveTextContent('about');
    expect(screen.queryByText(ROUNDED_COUNT_NOTE)).toBeNull();
  });
});
