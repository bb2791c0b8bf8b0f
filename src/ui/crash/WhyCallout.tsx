/**
 * "Why": at a crash or a broken invariant, both sides of the collision in words,
 * each with its thread, line and step and a button that jumps there (the
 * victim, "stuck asks the counters iterator for its next item, flush line 28,
 * step 140", and the culprit, "main clears counters, __reset line 34, step
 * 97"), plus the rest of the story when there is one (a rebalance's assign and
 * first fetch). It appears once the cursor reaches the first of the two steps;
 * the "what just happened" line, the lab's live region, reads both sides out at
 * the outcome's step and at each side's step (whyWords). The code
 * columns mark the same two lines (useCollisionMarks) and the timeline draws
 * the arrow between them.
 */
import { useId } from 'react';
import { lineWords, type CollisionSide } from '../../analysis/collision.ts';
import { outcomeWords } from '../../analysis/outcomeWords.ts';
import { stepWords } from '../../analysis/steps.ts';
import { useCollision } from '../../store/collision.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import './crash.css';

export function WhyCallout() {
  const collision = useCollision();
  const cursor = useLab((s) => s.cursor);
  const titleId = useId();
  if (!collision) return null;
  return (
    <aside className="why-callout" aria-labelledby={titleId}>
      <h2 id={titleId} className="why-title">
        Why: {outcomeWords(collision.outcome).toLowerCase()} at {stepWords(collision.outcomeStep)}
      </h2>
      <dl className="why-sides">
        <Side
          role={collision.roles.culprit}
          side={collision.culprit}
          kind="culprit"
          cursor={cursor}
        />
        <Side role={collision.roles.victim} side={collision.victim} kind="victim" cursor={cursor} />
      </dl>
      <p className="why-summary">{collision.summary}</p>
      {collision.related.length > 0 ? <Related sides={collision.related} cursor={cursor} /> : null}
    </aside>
  );
}

function Side({
  role,
  side,
  kind,
  cursor,
}: {
  readonly role: string;
  readonly side: CollisionSide;
  readonly kind: 'victim' | 'culprit';
  readonly cursor: number;
}) {
  const store = useLabStore();
  const here = cursor === side.step;
  return (
    <div className={`why-side why-${kind}`}>
      <dt>{role}</dt>
      <dd>
        <ActionWords side={side} />, <span className="why-line">{lineWords(side.code)}</span>
        {side.code ? <code className="why-code">{side.code.text}</code> : null}
        <button
          type="button"
          className="why-jump"
          aria-current={here ? 'step' : undefined}
          onClick={() => store.getState().seek(side.step)}
          title={side.action}
        >
          {here ? `At ${stepWords(side.step)}` : `Go to ${stepWords(side.step)}`}
        </button>
      </dd>
    </div>
  );
}

/** The action with its thread in bold ("**stuck** asks the counters iterator ..."). */
function ActionWords({ side }: { readonly side: CollisionSide }) {
  const { actor, action } = side;
  if (!action.startsWith(actor)) return <>{action}</>;
  return (
    <>
      <span className="why-thread">{actor}</span>
      {action.slice(actor.length)}
    </>
  );
}

function Related({
  sides,
  cursor,
}: {
  readonly sides: readonly CollisionSide[];
  readonly cursor: number;
}) {
  const store = useLabStore();
  return (
    <details className="why-related">
      <summary>The rest of the story ({sides.length} more steps)</summary>
      <ol>
        {sides.map((s) => (
          <li key={s.step}>
            <button
              type="button"
              aria-current={cursor === s.step ? 'step' : undefined}
              onClick={() => store.getState().seek(s.step)}
            >
              {stepWords(s.step)}
            </button>{' '}
            {s.action}, {lineWords(s.code)}
          </li>
        ))}
      </ol>
    </details>
  );
}
