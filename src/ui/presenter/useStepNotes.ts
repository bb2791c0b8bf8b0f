/**
 * The state of the lab's step notes: the note on the step on screen and the draft
 * being written for it (a draft belongs to its step, so moving on drops it), pin and
 * remove, the links that carry the notes, and the sentence that says what happened.
 */
import { useState } from 'react';
import { absoluteLink, labLinkQuery } from '../../routes/link.ts';
import { hashWithNotes, pinNote, type PinnedNote } from '../../routes/notes.ts';
import { selectLink } from '../../store/address.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import type { LabState } from '../../store/labStore.ts';
import { useCursor } from '../lab/hooks.ts';
import { LAB_DECK } from './deck.ts';

export function useStepNotes() {
  const cursor = useCursor();
  const store = useLabStore();
  const notes = useLab((s) => s.notes);
  const presentHash = useLab(selectPresentHash);
  const [draft, setDraft] = useState<{ readonly step: number; readonly text: string } | null>(null);
  const [message, setMessage] = useState('');
  const here = notes.find((n) => n.step === cursor);
  const text = draft && draft.step === cursor ? draft.text : (here?.text ?? '');

  const save = (next: readonly PinnedNote[], said: string) => {
    store.getState().setNotes(next);
    setDraft(null);
    setMessage(said);
  };
  const pin = () =>
    save(
      pinNote(notes, cursor, text),
      text.trim() === ''
        ? `Removed the note on step ${cursor}.`
        : `Pinned a note to step ${cursor}.`,
    );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(selectNotesHref(store.getState(), window.location.href));
      setMessage('Link with the pinned notes copied.');
    } catch {
      setMessage('Copying was not allowed here; the link is in the field below.');
    }
  };
  return {
    cursor,
    notes,
    here,
    text,
    message,
    presentHash,
    edit: (value: string) => setDraft({ step: cursor, text: value }),
    pin,
    remove: () => save(pinNote(notes, cursor, ''), `Removed the note on step ${cursor}.`),
    copy,
  };
}

/** The presenter-mode address of the pinned steps (or of this step, with none pinned). */
function selectPresentHash(s: LabState): string {
  const link = selectLink(s);
  if (!link) return '';
  const query = new URLSearchParams(Object.entries(labLinkQuery(link))).toString();
  return hashWithNotes(
    `#/present/${LAB_DECK}/${encodeURIComponent(link.scenario)}?${query}`,
    s.notes,
  );
}

/** The lab link to the run and step on screen, carrying the pinned notes. */
function selectNotesHref(s: LabState, pageHref: string): string {
  const link = selectLink(s);
  return link ? hashWithNotes(absoluteLink(pageHref, link), s.notes) : pageHref;
}
