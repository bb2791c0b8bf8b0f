/**
 * Error boundaries: when one panel of the lab throws while rendering, that panel shows
 * what went wrong (in a role=alert) and every other panel keeps working. The outcome
 * panel is replaced by one that throws while `explode` is set.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAKE_ID, registerFakeScenario } from '../testing/fakeScenario.ts';
import { LabPage } from '../ui/lab/LabPage.tsx';

const control = vi.hoisted(() => ({ explode: true }));

vi.mock('../ui/outcome/OutcomePanel.tsx', () => ({
  OutcomePanel: () => {
    if (control.explode) throw new Error('the outcome could not be drawn');
    return <p>Outcome drawn again.</p>;
  },
}));

let undo: () => void;
beforeAll(() => {
  undo = registerFakeScenario();
  HTMLCanvasElement.prototype.getContext = () => null;
});
afterAll(() => undo());
afterEach(() => vi.restoreAllMocks());

const narration = () => screen.getByText((_, el) => el?.getAttribute('aria-live') === 'polite');

describe('a panel that throws', () => {
  it('shows its message in that panel while the rest of the lab keeps working', async () => {
    // React reports every error a boundary catches on console.error; here that is expected.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    control.explode = true;
    const user = userEvent.setup();
    render(<LabPage scenarioId={FAKE_ID} query={{}} />);

    const broken = screen.getByRole('region', { name: 'Crash and invariants' });
    expect(within(broken).getByRole('alert')).toHaveTextContent(
      'The crash and invariants panel stopped working: the outcome could not be drawn',
    );
    expect(reported).toHaveBeenCalled();
    for (const name of ['Code', 'Outcomes', 'Timeline']) {
      const region = screen.getByRole('region', { name });
      expect(within(region).queryByRole('alert')).toBeNull();
    }
    expect(screen.getByRole('heading', { level: 1, name: 'Toy counter' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Step ▶/ }));
    expect(narration()).toHaveTextContent('Step 1 of 10, t0: t0 reads counter = 0.');

    control.explode = false;
    await user.click(within(broken).getByRole('button', { name: 'Try again' }));
    expect(within(broken).queryByRole('alert')).toBeNull();
    expect(within(broken).getByText('Outcome drawn again.')).toBeInTheDocument();
  });
});
