/**
 * One plain sentence for the step just taken, read out politely by screen readers as
 * the cursor moves (an aria-live region that stays mounted while its text changes),
 * the note pinned to this step, if there is one, and, at the steps of a collision,
 * both of its sides (what the "Why" callout shows, read out once there). Steps are numbered as everywhere
 * (step 0 is the start, step N the state after the Nth step).
 */
import type { SimEvent } from '../../engine/index.ts';
import { describeEvent } from '../../worlds/events.ts';
import { whyWords } from '../../analysis/collision.ts';
import { positionWords } from '../../analysis/steps.ts';
import { selectCollision } from '../../store/collision.ts';
import { useLab } from '../../store/context.tsx';
import { noteAt } from '../../store/notesSlice.ts';
import { useCursor, useLastRecord, useRunLength, useSim } from '../lab/hooks.ts';
import './narration.css';

export function Narration() {
  const sim = useSim();
  const cursor = useCursor();
  const length = useRunLength();
  const record = useLastRecord();
  const note = useLab((s) => noteAt(s.notes, s.cursor));
  const why = useLab((s) => {
    const c = selectCollision(s);
    return c ? whyWords(c, s.cursor) : null;
  });
  let text = 'Before the first step. Step forward, or pick which thread runs first.';
  if (sim && record) {
    const sentence =
      record.narration || fallback(record.events) || `${record.actor} runs ${record.at}.`;
    text = `${positionWords(cursor, length)}, ${record.actor}: ${sentence}`;
  }
  return (
    <div className="narration">
      <h2 className="visually-hidden">What just happened</h2>
      <p aria-live="polite" aria-atomic="true">
        {text}
        {why ? <span className="visually-hidden"> {why}</span> : null}
        {note ? (
          <span className="narration-note">
            {' '}
            <strong>Note:</strong> {note.text}
          </span>
        ) : null}
      </p>
    </div>
  );
}

function fallback(events: readonly SimEvent[]): string {
  const first = events[0];
  return first ? `${describeEvent(first)}.` : '';
}
