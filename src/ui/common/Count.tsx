/**
 * A schedule count on screen, written by the one formatter (explorer/countText.ts): exact
 * counts as plain text, rounded ones as "about 1.23 × 10¹³" with a tooltip that says why,
 * and a visible note for the panels that show them, since a tooltip alone reaches no one
 * on a touch screen.
 */
import { allExact, countText, isExactCount, ROUNDED_COUNT_NOTE } from '../../explorer/countText.ts';
import './count.css';

export function Count({ n }: { readonly n: number }) {
  if (isExactCount(n)) return <>{countText(n)}</>;
  return (
    <span className="count-estimate" title={ROUNDED_COUNT_NOTE}>
      {countText(n)}
    </span>
  );
}

/** The note under a panel whose counts include a rounded one; nothing when all are exact. */
export function RoundedCountNote({ counts }: { readonly counts: Iterable<number> }) {
  if (allExact(counts)) return null;
  return <p className="muted count-note">{ROUNDED_COUNT_NOTE}</p>;
}
