/**
 * The state of the lab's step notes: the note on the step on screen and the draft
 * being written for it (a draft belongs to its step, so moving on drops it), pin and
 * remove, the links that carry the notes, and the sentence that says what happened.
 */
import { useState } from 'react';
import { absoluteLink, labLinkQuery, type LabLink } from '../../routes/link.ts';
import { hashWithNotes, pinNote, type PinnedNote } from '../../routes/notes.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { currentSchedule } from '../../store/runSlice.ts';
import { useCursor } from '../lab/hooks.ts';
import { LAB_DECK } from './deck.ts';

export function useStepNotes(sim: Simulation) {
  const cursor = useCursor();
  const store = useLabStore();
  const notes = useLab((s) => s.notes);
  // The schedule grows as the run does: read it again at every revision.
  useLab((s) => s.revision);
  const [draft, setDraft] = useState<{ readonly step: number; readonly text: string } | null>(null);
  const [message, setMessage] = useState('');
  const here = notes.find((n) => n.step === cursor);
  const text = draft && draft.step === cursor ? draft.text : (here?.text ?? '');

  const save = (next: readonly PinnedNote[], said: string) => {
    store.getState().setNotes(next);
    setDraft(null);
    setMessage(said);
  };
  const links = linksOf(sim, cursor, notes);
  return {
    cursor,
    notes,
    here,
    text,
    message,
    presentHash: links.presentHash,
    edit: (value: string) => setDraft({ step: cursor, text: value }),
    pin: () =>
      save(
        pinNote(notes, cursor, text),
        text.trim() === ''
          ? `Removed the note on step ${cursor}.`
          : `Pinned a note to step ${cursor}.`,
      ),
    remove: () => save(pinNote(notes, cursor, ''), `Removed the note on step ${cursor}.`),
    copy: async () => {
      try {
        await navigator.clipboard.writeText(links.shareHref);
        setMessage('Link with the pinned notes copied.');
      } catch {
        setMessage('Copying was not allowed here; the link is in the field below.');
      }
    },
  };
}

/** The presenter-mode address of the pinned steps, and the lab link that carries the notes. */
function linksOf(sim: Simulation, cursor: number, notes: readonly PinnedNote[]) {
  const link: LabLink = {
    scenario: sim.def.id,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    schedule: currentSchedule(sim),
    at: cursor,
  };
  const query = new URLSearchParams(Object.entries(labLinkQuery(link))).toString();
  return {
    presentHash: hashWithNotes(
      `#/present/${LAB_DECK}/${encodeURIComponent(sim.def.id)}?${query}`,
      notes,
    ),
    shareHref: hashWithNotes(absoluteLink(window.location.href, link), notes),
  };
}
