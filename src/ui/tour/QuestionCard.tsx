/**
 * "Predict the next step": a question card. The choices are radio buttons in a
 * fieldset whose legend is the question; Check gives the chosen answer's feedback in
 * a live region; Hint reveals the hints one at a time, from general to specific;
 * once every hint is out and a try was made, the answer can be shown. The rules are
 * the pure reducer in src/tours/questions.ts.
 */
import { useId, useReducer, type FormEvent } from 'react';
import {
  canReveal,
  cardReducer,
  feedbackOf,
  INITIAL_CARD,
  type CardAction,
  type CardState,
} from '../../tours/questions.ts';
import type { Question } from '../../tours/schema.ts';
import { InlineText } from './Annotation.tsx';

export interface QuestionCardProps {
  readonly question: Question;
  /** Offered once answered: step forward and watch what was predicted. */
  readonly onWatch?: () => void;
}

const KIND_LABEL: Readonly<Record<Question['kind'], string>> = {
  'which-thread': 'Predict: which thread runs next?',
  'what-happens': 'Predict: what happens next?',
};

export function QuestionCard({ question, onWatch }: QuestionCardProps) {
  const [state, dispatch] = useReducer(
    (s: CardState, a: CardAction) => cardReducer(question, s, a),
    INITIAL_CARD,
  );
  const name = useId();
  const feedback = feedbackOf(question, state);
  const done = state.solved || state.revealed;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    dispatch({ type: 'check' });
  };
  return (
    <section className="question-card" aria-label={KIND_LABEL[question.kind]}>
      <p className="question-kind">{KIND_LABEL[question.kind]}</p>
      <form onSubmit={submit}>
        <fieldset disabled={done}>
          <legend>
            <InlineText text={question.prompt} />
          </legend>
          {question.choices.map((choice, i) => (
            <label key={i} className={`choice${done && choice.correct ? ' choice-right' : ''}`}>
              <input
                type="radio"
                name={name}
                value={i}
                checked={state.selected === i}
                onChange={() => dispatch({ type: 'select', index: i })}
              />{' '}
              <InlineText text={choice.text} />
            </label>
          ))}
        </fieldset>
        <div className="control-row">
          <button type="submit" className="primary" disabled={done || state.selected === null}>
            Check
          </button>
          <button
            type="button"
            onClick={() => dispatch({ type: 'hint' })}
            disabled={state.hints >= question.hints.length}
          >
            {state.hints >= question.hints.length
              ? 'No more hints'
              : `Hint (${state.hints + 1} of ${question.hints.length})`}
          </button>
          {canReveal(question, state) ? (
            <button type="button" onClick={() => dispatch({ type: 'reveal' })}>
              Show the answer
            </button>
          ) : null}
          {done && onWatch ? (
            <button type="button" onClick={onWatch}>
              Step forward and watch
            </button>
          ) : null}
        </div>
      </form>
      {state.hints > 0 ? (
        <ol className="hints" aria-label="Hints">
          {question.hints.slice(0, state.hints).map((h, i) => (
            <li key={i}>
              <InlineText text={h} />
            </li>
          ))}
        </ol>
      ) : null}
      <p
        className={`feedback${feedback ? ` feedback-${feedback.tone}` : ''}`}
        role="status"
        aria-live="polite"
      >
        {feedback ? <InlineText text={feedback.text} /> : ''}
      </p>
    </section>
  );
}
