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
  seedScenario: 'seed 001 scenario 1, normal rebalance',
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
    expect(within(pause).getByText(/Seed 001 scenario 1, normal rebalance\./)).toBeInTheDocument();

    const metrics = screen.getByRole('region', { name: 'The metrics race' });
    expect(
      within(metrics).getByText('RuntimeError: dictionary changed size during iteration'),
    ).toBeInTheDocument();
    expect(within(metrics).getByText('What-if')).toBeInTheDocument();
    expect(within(metrics).getByRole('link', { name: 'Toy counter' })).toBeInTheDocument();
  });

  it('says when a race has no scenarios loaded', () => {
    render(<Landing scenarios={[]} />);
    expect(screen.getAllByText('Its scenarios are not loaded yet.')).toHaveLength(2);
  });
});
