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
        <CardButtons question={question} state={state} dispatch={dispatch} onWatch={onWatch} />
      </form>
      <Hints question={question} shown={state.hints} />
      <Feedback question={question} state={state} />
    </section>
  );
}

interface CardPartProps {
  readonly question: Question;
  readonly state: CardState;
}

function CardButtons({
  question,
  state,
  dispatch,
  onWatch,
}: CardPartProps & {
  readonly dispatch: (a: CardAction) => void;
  readonly onWatch: (() => void) | undefined;
}) {
  const done = state.solved || state.revealed;
  const hintsLeft = state.hints < question.hints.length;
  return (
    <div className="control-row">
      <button type="submit" className="primary" disabled={done || state.selected === null}>
        Check
      </button>
      <button type="button" onClick={() => dispatch({ type: 'hint' })} disabled={!hintsLeft}>
        {hintsLeft ? `Hint (${state.hints + 1} of ${question.hints.length})` : 'No more hints'}
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
  );
}

/** The hints given so far, from general to specific. */
function Hints({ question, shown }: { readonly question: Question; readonly shown: number }) {
  if (shown === 0) return null;
  return (
    <ol className="hints" aria-label="Hints">
      {question.hints.slice(0, shown).map((h, i) => (
        <li key={i}>
          <InlineText text={h} />
        </li>
      ))}
    </ol>
  );
}

/** The live region that says whether the chosen answer is right, and why. */
function Feedback({ question, state }: CardPartProps) {
  const feedback = feedbackOf(question, state);
  return (
    <p
      className={`feedback${feedback ? ` feedback-${feedback.tone}` : ''}`}
      role="status"
      aria-live="polite"
    >
      {feedback ? <InlineText text={feedback.text} /> : ''}
    </p>
  );
}
