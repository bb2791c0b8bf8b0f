/**
 * One plain sentence for the step just taken, read out politely by screen readers as
 * the cursor moves (an aria-live region that stays mounted while its text changes).
 */
import type { SimEvent } from '../../engine/index.ts';
import { describeEvent } from '../../worlds/events.ts';
import { useCursor, useLastRecord, useRunLength, useSim } from '../lab/hooks.ts';

export function Narration() {
  const sim = useSim();
  const cursor = useCursor();
  const length = useRunLength();
  const record = useLastRecord();
  let text = 'Before the first step. Step forward, or pick which thread runs first.';
  if (sim && record) {
    const sentence =
      record.narration || fallback(record.events) || `${record.actor} runs ${record.at}.`;
    text = `Step ${cursor} of ${length}, ${record.actor}: ${sentence}`;
  }
  return (
    <div className="narration">
      <h2 className="visually-hidden">What just happened</h2>
      <p aria-live="polite" aria-atomic="true">
        {text}
      </p>
    </div>
  );
}

function fallback(events: readonly SimEvent[]): string {
  const first = events[0];
  return first ? `${describeEvent(first)}.` : '';
}
