/**
 * The outcomes list and the crash button when the counts passed 2^53: each rounded count
 * reads "about", with a tooltip and a note saying why; a count below 2^53 stays exact.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ROUNDED_COUNT_NOTE } from '../../explorer/countText.ts';
import type { ExploreReport } from '../../explorer/report.ts';
import { exploreKey } from '../../store/explorerSlice.ts';
import { countsOf } from '../../store/explorerRunner.ts';
import type { LabStore } from '../../store/labStore.ts';
import { ROUNDED_CLEAN_REPORT, ROUNDED_REPORT } from '../../testing/roundedReport.ts';
import { OutcomesList } from './OutcomesList.tsx';
import { ShowCrashButton } from './ShowCrashButton.tsx';
import { labOn, renderWith } from './testing.tsx';

/** A lab whose setup is not in the catalogue, with `report` as its finished exploration. */
function labWith(report: ExploreReport): LabStore {
  // joinMs 6000 is not catalogued, so the counts come from the exploration.
  const store = labOn('metrics-stuck-flush', report.variant as 'buggy', { joinMs: 6000 });
  const sim = store.getState().sim!;
  store.setState({
    explorer: {
      status: 'done',
      key: exploreKey({ scenario: sim.def.id, params: sim.params, gil: sim.gil }),
      progress: null,
      results: [countsOf(sim.variant, report)],
      error: null,
    },
  });
  return store;
}

describe('rounded counts in the outcomes list', () => {
  it('writes the total and the rounded counts as estimates, and the exact one exactly', () => {
    renderWith(labWith(ROUNDED_REPORT), <OutcomesList />);
    const list = screen.getByRole('region', { name: 'Outcomes' });
    expect(list).toHaveTextContent('Out of about 4.09 × 10¹⁸ schedules (every schedule):');
    const row = (name: string) => within(list).getByRole('button', { name }).closest('li');
    expect(row('Main dies')).toHaveTextContent('Main dies: 135,903,762,539 of about 4.09 × 10¹⁸');
    expect(row('The stuck detector dies')).toHaveTextContent(
      'about 2.11 × 10¹⁷ of about 4.09 × 10¹⁸',
    );
    expect(list.textContent).not.toMatch(/\d{16}/);
    for (const estimate of within(list).getAllByText(/^about /)) {
      expect(estimate).toHaveAttribute('title', ROUNDED_COUNT_NOTE);
    }
    expect(list).toHaveTextContent(ROUNDED_COUNT_NOTE);
    // The parts add up to more than the total by far more than rounding: a real overlap.
    expect(list).toHaveTextContent('A schedule can end in more than one of these.');
  });

  it('adds no note when every count is exact', () => {
    renderWith(labOn('metrics-stuck-flush', 'buggy'), <OutcomesList />);
    const list = screen.getByRole('region', { name: 'Outcomes' });
    expect(list).not.toHaveTextContent(ROUNDED_COUNT_NOTE);
    expect(within(list).queryAllByText(/about/)).toEqual([]);
  });
});

describe('rounded counts on the crash button', () => {
  it('gives the share of the crash against the rounded total', () => {
    renderWith(labWith(ROUNDED_REPORT), <ShowCrashButton />);
    expect(screen.getByRole('button', { name: /Show me the crash/ })).toHaveAttribute(
      'title',
      expect.stringContaining('Main dies: 135,903,762,539 of about 4.09 × 10¹⁸ schedules.'),
    );
  });

  it('does not say "every one of" a rounded count', () => {
    renderWith(labWith(ROUNDED_CLEAN_REPORT), <ShowCrashButton />);
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('All of about 1.05 × 10²¹ schedules work');
    expect(note).toHaveAttribute('title', ROUNDED_COUNT_NOTE);
  });
});
