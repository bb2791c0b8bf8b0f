/**
 * The notes pinned to a lab run, shared by every panel of one lab page (the
 * notes panel edits them, the Export menu writes them into the postmortem, the
 * replay and the slide). One small store per lab store, so two pages or two
 * tests never share notes. The notes start as the ones the page's link carried
 * (its `notes` field) and are replaced when another link is opened.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useHashRoute } from '../../routes/useHashRoute.ts';
import { useLabStore } from '../../store/context.tsx';
import type { LabStore } from '../../store/labStore.ts';
import { NOTES_FIELD, parseNotes, type PinnedNote } from './notes.ts';

export interface PinnedNotesState {
  readonly notes: readonly PinnedNote[];
  /** Why the link's notes were left out, or null. */
  readonly linkError: string | null;
  /** The link field the notes were last read from (undefined: none yet). */
  readonly seen: string | null | undefined;
  setNotes(notes: readonly PinnedNote[]): void;
}

const stores = new WeakMap<LabStore, StoreApi<PinnedNotesState>>();

export function pinnedNotesOf(lab: LabStore): StoreApi<PinnedNotesState> {
  let store = stores.get(lab);
  if (!store) {
    store = createStore<PinnedNotesState>()((set) => ({
      notes: [],
      linkError: null,
      seen: undefined,
      setNotes: (notes) => set({ notes }),
    }));
    stores.set(lab, store);
  }
  return store;
}

/** Reads a link's notes field into the store, once per distinct value. */
export function syncNotesFromLink(store: StoreApi<PinnedNotesState>, raw: string | null): void {
  if (store.getState().seen === raw) return;
  const parsed = parseNotes(raw ?? undefined);
  store.setState(
    parsed.ok
      ? { notes: parsed.value, linkError: null, seen: raw }
      : { notes: [], linkError: parsed.error, seen: raw },
  );
}

/** The page's pinned notes (kept in step with the lab link's `notes` field). */
export function usePinnedNotes(): PinnedNotesState {
  const store = pinnedNotesOf(useLabStore());
  const route = useHashRoute();
  const raw = route.kind === 'lab' ? (route.query[NOTES_FIELD] ?? null) : null;
  useEffect(() => syncNotesFromLink(store, raw), [store, raw]);
  return useStore(store);
}
