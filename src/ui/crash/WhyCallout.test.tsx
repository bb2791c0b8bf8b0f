import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { collisionOfSimulation, lineWords } from '../../analysis/collision.ts';
import { stepWords } from '../../analysis/steps.ts';
import { labOn, renderWith } from './testing.tsx';
import { WhyCallout } from './WhyCallout.tsx';

describe('the Why callout', () => {
  it('is absent on a clean run and names both sides at the crash, as the analysis does', async () => {
    const store = labOn('metrics-stuck-flush', 'buggy');
    const { user } = renderWith(store, <WhyCallout />);
    expect(screen.queryByRole('complementary')).toBeNull();

    act(() => void store.getState().showCrash());
    const sim = store.getState().sim;
    const expected = collisionOfSimulation(sim!);
    if (!expected) throw new Error('the analysis found no collision');
    const callout = screen.getByRole('complementary', { name: /^Why:/ });
    for (const side of [expected.victim, expected.culprit]) {
      expect(callout).toHaveTextContent(side.action);
      expect(callout).toHaveTextContent(lineWords(side.code));
      expect(within(callout).getByText(side.code?.text ?? '')).toBeInTheDocument();
    }
    // The victim's step is the one on screen; the culprit's button jumps there.
    expect(store.getState().cursor).toBe(expected.victim.step);
    const jump = within(callout).getByRole('button', {
      name: `Go to ${stepWords(expected.culprit.step)}`,
    });
    await user.click(jump);
    expect(store.getState().cursor).toBe(expected.culprit.step);
    const back = within(callout).getByRole('button', {
      name: `Go to ${stepWords(expected.victim.step)}`,
    });
    await user.click(back);
    expect(store.getState().cursor).toBe(expected.victim.step);
  });

  it('tells the rest of a rebalance: the steps between the pause and the assertion', async () => {
    const store = labOn('pause-rebalance-eager', 'buggy');
    const { user } = renderWith(store, <WhyCallout />);
    act(() => void store.getState().showCrash());
    const expected = collisionOfSimulation(store.getState().sim!);
    const callout = screen.getByRole('complementary', { name: /^Why:/ });
    expect(callout).toHaveTextContent(expected!.culprit.action);
    await user.click(within(callout).getByText(/The rest of the story/));
    const items = within(callout).getAllByRole('listitem');
    expect(items).toHaveLength(expected!.related.length);
    for (const [i, side] of expected!.related.entries()) {
      expect(items[i]).toHaveTextContent(side.action);
    }
  });
});
