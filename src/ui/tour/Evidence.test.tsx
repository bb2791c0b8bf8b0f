/**
 * The tour's "stress run beside the exact count": the explorer's side writes its counts
 * with the one count formatter, so a count past 2^53 reads as an estimate with a note.
 * The worker client is replaced by one that answers at once with a given report.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ROUNDED_COUNT_NOTE } from '../../explorer/countText.ts';
import type { ExploreReport } from '../../explorer/report.ts';
import { ROUNDED_REPORT } from '../../testing/roundedReport.ts';
import { Evidence } from './Evidence.tsx';

const answer = vi.hoisted(() => ({ report: null as ExploreReport | null }));

vi.mock('../../explorer/client.ts', () => ({
  startExploration: () => ({
    result: Promise.resolve({ status: 'done', report: answer.report }),
    cancel: () => undefined,
  }),
  startSampling: () => ({ result: new Promise(() => undefined), cancel: () => undefined }),
}));

const SPEC = {
  kind: 'stress-vs-explorer',
  variant: 'buggy',
  runs: 100,
  strategy: 'random',
  seed: 1,
} as const;

async function countEverySchedule(report: ExploreReport): Promise<void> {
  answer.report = report;
  render(<Evidence spec={SPEC} scenario="metrics-stuck-flush" params={{}} gil="py311" />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Count every schedule' }));
}

describe('the evidence beside a stress run', () => {
  beforeEach(() => {
    answer.report = null;
  });

  it('writes rounded counts as estimates, with a note', async () => {
    await countEverySchedule(ROUNDED_REPORT);
    expect(await screen.findByTestId('exact-crashing')).toHaveTextContent('about 2.11 × 10¹⁷');
    expect(screen.getByTestId('exact-violating')).toHaveTextContent('about 2.55 × 10¹⁸');
    expect(screen.getByText('about 4.09 × 10¹⁸')).toHaveAttribute('title', ROUNDED_COUNT_NOTE);
    expect(screen.getByText(ROUNDED_COUNT_NOTE)).toBeInTheDocument();
  });

  it('writes exact counts as before, with no note', async () => {
    await countEverySchedule({
      ...ROUNDED_REPORT,
      schedules: 1159,
      crashing: 246,
      violating: 505,
      countsExact: true,
    });
    expect(await screen.findByTestId('exact-crashing')).toHaveTextContent(/^246$/);
    expect(screen.getByText(/1,159/)).toBeInTheDocument();
    expect(screen.queryByText(ROUNDED_COUNT_NOTE)).toBeNull();
  });
});
