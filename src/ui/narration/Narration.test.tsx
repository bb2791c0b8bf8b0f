import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { collisionOfSimulation, describeSide } from '../../analysis/collision.ts';
import { labOn, renderWith } from '../crash/testing.tsx';
import { Narration } from './Narration.tsx';

const live = () => screen.getByText((_, el) => el?.getAttribute('aria-live') === 'polite');

describe('what just happened', () => {
  it('reads both sides of the collision out at the crash step, and not between', () => {
    const store = labOn('metrics-stuck-flush', 'buggy');
    renderWith(store, <Narration />);
    act(() => void store.getState().showCrash());
    const c = collisionOfSimulation(store.getState().sim!);
    if (!c) throw new Error('no collision');
    expect(live()).toHaveTextContent(`Step ${c.outcomeStep} of`);
    expect(live()).toHaveTextContent(describeSide(c.culprit));
    expect(live()).toHaveTextContent(describeSide(c.victim));
    act(() => store.getState().seek(c.culprit.step + 1));
    expect(live()).not.toHaveTextContent(/Why:/);
  });

  it('shows the note pinned to the step on screen', () => {
    const store = labOn('metrics-stuck-flush', 'buggy');
    renderWith(store, <Narration />);
    act(() => {
      store.getState().setNotes([{ step: 3, text: 'main inserts run.count' }]);
      store.getState().seek(3);
    });
    expect(live()).toHaveTextContent('Note: main inserts run.count');
    act(() => store.getState().seek(4));
    expect(live()).not.toHaveTextContent('Note:');
  });
});
