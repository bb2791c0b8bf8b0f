/**
 * The collision's two sides as lines to mark in the threads' columns: where the victim
 * fails and where the culprit changed things under it. Once the failure has happened a
 * side "leads": its column shows that line's listing rather than the thread's current one.
 */
import type { CollisionMark } from '../../store/collision.ts';

/** A line to mark in a thread's column beside its current one: a side of the collision. */
export interface LineHighlight {
  readonly listing: string;
  readonly line: number;
  readonly label: string;
  readonly role: 'victim' | 'culprit';
  /** The failure has happened: show this line's listing rather than the current one's. */
  readonly lead: boolean;
}

/** The collision's two sides as highlights, by thread index. */
export function highlightsOf(
  marks: readonly CollisionMark[],
  actors: readonly string[],
  cursor: number,
): Map<number, LineHighlight> {
  const out = new Map<number, LineHighlight>();
  const victimStep = marks.find((m) => m.role === 'victim')?.step ?? Infinity;
  for (const m of marks) {
    const thread = actors.indexOf(m.actor);
    if (thread < 0) continue;
    const label =
      m.role === 'victim'
        ? `${m.actor} fails here (step ${m.step})`
        : `${m.actor} changed it here (step ${m.step})`;
    out.set(thread, {
      listing: m.listing,
      line: m.line,
      label,
      role: m.role,
      lead: cursor >= victimStep,
    });
  }
  return out;
}

/** The line to keep in view: the collision's once the failure happened, else the thread's own. */
export function focusOf(
  line: { readonly listing: string; readonly line: number } | null,
  highlight: LineHighlight | null,
  selected: string,
): number | null {
  if (highlight?.lead && highlight.listing === selected) return highlight.line;
  if (line && line.listing === selected) return line.line;
  return highlight && highlight.listing === selected ? highlight.line : null;
}
