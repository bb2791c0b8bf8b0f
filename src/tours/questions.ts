/**
 * "Predict the next step": the logic of a question card, as a pure reducer so the
 * card component stays thin and the rules are unit-tested. A reader picks a choice
 * and checks it; a wrong answer shows that choice's feedback and points at the next
 * hint; hints come one at a time, from general to specific; once every hint is out
 * the answer can be shown. A right answer shows its feedback and ends the question.
 */
import type { Question } from './schema.ts';

export interface CardState {
  /** Index of the selected choice, or null. */
  readonly selected: number | null;
  /** The choice last checked, or null before the first check. */
  readonly checked: number | null;
  readonly attempts: number;
  /** How many hints are shown (0 to 3). */
  readonly hints: number;
  readonly solved: boolean;
  /** True when the reader gave up and asked for the answer. */
  readonly revealed: boolean;
}

export type CardAction =
  | { readonly type: 'select'; readonly index: number }
  | { readonly type: 'check' }
  | { readonly type: 'hint' }
  | { readonly type: 'reveal' }
  | { readonly type: 'reset' };

export const INITIAL_CARD: CardState = Object.freeze({
  selected: null,
  checked: null,
  attempts: 0,
  hints: 0,
  solved: false,
  revealed: false,
});

export function cardReducer(question: Question, state: CardState, action: CardAction): CardState {
  switch (action.type) {
    case 'select':
      if (state.solved || state.revealed) return state;
      if (action.index < 0 || action.index >= question.choices.length) return state;
      return { ...state, selected: action.index };
    case 'check': {
      if (state.solved || state.revealed || state.selected === null) return state;
      const correct = question.choices[state.selected]?.correct === true;
      return { ...state, checked: state.selected, attempts: state.attempts + 1, solved: correct };
    }
    case 'hint':
      return { ...state, hints: Math.min(question.hints.length, state.hints + 1) };
    case 'reveal':
      if (!canReveal(question, state)) return state;
      return { ...state, revealed: true, selected: correctIndex(question) };
    case 'reset':
      return INITIAL_CARD;
  }
}

export function correctIndex(question: Question): number {
  return question.choices.findIndex((c) => c.correct);
}

/** The answer may be shown once every hint is out and at least one answer was tried. */
export function canReveal(question: Question, state: CardState): boolean {
  return !state.solved && state.attempts > 0 && state.hints >= question.hints.length;
}

export interface Feedback {
  readonly tone: 'right' | 'wrong' | 'revealed';
  readonly text: string;
}

/** What the card says after a check (or a reveal); null before the first one. */
export function feedbackOf(question: Question, state: CardState): Feedback | null {
  if (state.revealed) {
    const right = question.choices[correctIndex(question)];
    return right
      ? { tone: 'revealed', text: `The answer: ${right.text}. ${right.feedback}` }
      : null;
  }
  if (state.checked === null) return null;
  const choice = question.choices[state.checked];
  if (!choice) return null;
  if (choice.correct) {
    const tries = state.attempts === 1 ? 'first try' : `${state.attempts} tries`;
    return { tone: 'right', text: `Right (${tries}). ${choice.feedback}` };
  }
  const left = question.hints.length - state.hints;
  const nudge =
    left > 0
      ? ` Try again, or take hint ${state.hints + 1} of ${question.hints.length}.`
      : ' Try again, or show the answer.';
  return { tone: 'wrong', text: `Not quite. ${choice.feedback}${nudge}` };
}
