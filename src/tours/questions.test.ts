import { describe, expect, it } from 'vitest';
import {
  canReveal,
  cardReducer,
  feedbackOf,
  INITIAL_CARD,
  type CardAction,
  type CardState,
} from './questions.ts';
import type { Question } from './schema.ts';

const question: Question = {
  prompt: 'Which thread runs next?',
  kind: 'which-thread',
  choices: [
    { text: 'main', actor: 'main', correct: false, feedback: 'Main is blocked.' },
    { text: 'coordinator', actor: 'coordinator', correct: true, feedback: 'It serves the revoke.' },
    { text: 'producer', actor: 'producer', correct: false, feedback: 'Already done.' },
  ],
  hints: ['General.', 'More specific.', 'Almost the answer.'],
};

function play(...actions: CardAction[]): CardState {
  return actions.reduce((s, a) => cardReducer(question, s, a), INITIAL_CARD);
}

describe('the question card', () => {
  it('does nothing on check before a choice is selected', () => {
    expect(play({ type: 'check' })).toEqual(INITIAL_CARD);
    expect(feedbackOf(question, INITIAL_CARD)).toBeNull();
  });

  it('gives the chosen answer its feedback and points at the first hint', () => {
    const s = play({ type: 'select', index: 0 }, { type: 'check' });
    expect(s).toMatchObject({ attempts: 1, solved: false, checked: 0 });
    expect(feedbackOf(question, s)).toEqual({
      tone: 'wrong',
      text: 'Not quite. Main is blocked. Try again, or take hint 1 of 3.',
    });
  });

  it('reveals hints one at a time, and no more than there are', () => {
    const s = play({ type: 'hint' }, { type: 'hint' });
    expect(s.hints).toBe(2);
    expect(play({ type: 'hint' }, { type: 'hint' }, { type: 'hint' }, { type: 'hint' }).hints).toBe(
      3,
    );
    const wrong = play({ type: 'hint' }, { type: 'select', index: 2 }, { type: 'check' });
    expect(feedbackOf(question, wrong)?.text).toMatch(/take hint 2 of 3/);
  });

  it('counts tries and locks the card once solved', () => {
    const s = play(
      { type: 'select', index: 0 },
      { type: 'check' },
      { type: 'select', index: 1 },
      { type: 'check' },
      { type: 'select', index: 2 },
    );
    expect(s).toMatchObject({ solved: true, attempts: 2, selected: 1 });
    expect(feedbackOf(question, s)).toEqual({
      tone: 'right',
      text: 'Right (2 tries). It serves the revoke.',
    });
  });

  it('offers the answer only after a try and every hint', () => {
    const tried = play({ type: 'select', index: 0 }, { type: 'check' });
    expect(canReveal(question, tried)).toBe(false);
    expect(cardReducer(question, tried, { type: 'reveal' })).toBe(tried);
    const allHints = play(
      { type: 'select', index: 0 },
      { type: 'check' },
      { type: 'hint' },
      { type: 'hint' },
      { type: 'hint' },
    );
    expect(feedbackOf(question, allHints)?.text).toMatch(/show the answer/);
    const revealed = cardReducer(question, allHints, { type: 'reveal' });
    expect(revealed).toMatchObject({ revealed: true, selected: 1 });
    expect(feedbackOf(question, revealed)?.tone).toBe('revealed');
    expect(cardReducer(question, revealed, { type: 'reset' })).toEqual(INITIAL_CARD);
  });

  it('ignores a selection outside the choices', () => {
    expect(play({ type: 'select', index: 7 }).selected).toBeNull();
  });
});
