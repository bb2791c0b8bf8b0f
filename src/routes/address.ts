/**
 * The lab's address is its state: the share link's fields (link.ts) plus the
 * drawer tab that is open (`tab`) and the pinned notes (`notes`, parsed by the
 * presenter's notes.ts), in one hash:
 *
 *   #/lab/<id>?v=…&gil=…&s=<schedule>&at=<step>&p.<param>=…&tab=explore&notes=[[140,"…"]]
 *
 * Pure: it builds and reads that hash; src/ui/lab/useLabAddress.ts keeps it in the address
 * bar. Everything a link made before these fields existed still opens.
 */
import type { Result } from '../engine/index.ts';
import { hashWithNotes, NOTES_FIELD, parseNotes, type PinnedNote } from './notes.ts';
import { labLinkHash, type LabLink } from './link.ts';
import type { RouteQuery } from './router.ts';

export const TAB_FIELD = 'tab';

export interface LabAddress {
  readonly link: LabLink;
  /** The drawer tab that is open, or null. */
  readonly tab: string | null;
  readonly notes: readonly PinnedNote[];
}

/** The hash of an address: the link, then `tab`, then `notes`. */
export function addressHash(address: LabAddress): string {
  const base = labLinkHash(address.link);
  const withTab =
    address.tab === null ? base : `${base}&${TAB_FIELD}=${encodeURIComponent(address.tab)}`;
  return hashWithNotes(withTab, address.notes);
}

/**
 * What identifies the run of an address, without the step, the tab or the notes:
 * a change of it is a new entry in the history (Back returns to the run before),
 * a change of anything else replaces the current entry.
 */
export function runKeyOf(link: LabLink): string {
  return labLinkHash({ ...link, step: null });
}

/** The tab and notes of a lab route's query (the link itself is parseLabLink's). */
export function readExtras(query: RouteQuery): {
  readonly tab: string | null;
  readonly notes: Result<readonly PinnedNote[]>;
} {
  const tab = Object.hasOwn(query, TAB_FIELD) ? (query[TAB_FIELD] ?? null) : null;
  const raw = Object.hasOwn(query, NOTES_FIELD) ? query[NOTES_FIELD] : undefined;
  return { tab, notes: parseNotes(raw) };
}
