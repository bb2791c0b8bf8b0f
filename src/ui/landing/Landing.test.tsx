import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ScenarioDef } from '../../scenarios/index.ts';
import { FAKE_SCENARIO } from '../../testing/fakeScenario.ts';
import { Landing } from './Landing.tsx';

const production: ScenarioDef = {
  ...FAKE_SCENARIO,
  id: 'real-one',
  race: 'A',
  title: 'A real crash',
  provenance: { kind: 'production', text: 'Seen in production.', refs: [] },
  seedScenario: 'case 1 of the original bug report, normal rebalance',
};

describe('the landing page', () => {
  it('names both races, their errors and their scenarios with provenance', () => {
    render(<Landing scenarios={[production, FAKE_SCENARIO]} />);
    const pause = screen.getByRole('region', { name: 'The pause race' });
    expect(within(pause).getByText('AssertionError')).toBeInTheDocument();
    expect(within(pause).getByRole('link', { name: 'A real crash' })).toHaveAttribute(
      'href',
      '#/lab/real-one',
    );
    expect(within(pause).getByText('Production crash')).toBeInTheDocument();
    // The model authors' names for cases are reworded: "seed" means only a random seed.
    expect(
      within(pause).getByText(/Covers case 1 of the original bug report, normal rebalance\./),
    ).toBeInTheDocument();
    expect(pause.textContent).not.toMatch(/seed/i);

    const metrics = screen.getByRole('region', { name: 'The metrics race' });
    expect(
      within(metrics).getByText('RuntimeError: dictionary changed size during iteration'),
    ).toBeInTheDocument();
    expect(within(metrics).getByText('Hypothetical')).toBeInTheDocument();
    expect(within(metrics).getByRole('link', { name: 'Toy counter' })).toBeInTheDocument();
  });

  it('starts a newcomer at a crash in one click, with the tours beside it', () => {
    render(<Landing scenarios={[production, FAKE_SCENARIO]} />);
    const start = screen.getByRole('region', { name: 'Start here' });
    const link = within(start).getByRole('link', { name: /See the crash, step by step/ });
    expect(link.getAttribute('href')).toMatch(
      /^#\/lab\/metrics-stuck-flush\?.*s=s1\.[^&]+.*&at=\d+/,
    );
    const tours = screen.getByRole('region', { name: 'Guided tours' });
    expect(within(tours).getAllByRole('link').length).toBeGreaterThan(0);
    expect(tours.textContent).not.toMatch(/\bseed\b/i);
  });

  it('says when a race has no scenarios loaded', () => {
    render(<Landing scenarios={[]} />);
    expect(screen.getAllByText('Its scenarios are not loaded yet.')).toHaveLength(2);
  });
});
