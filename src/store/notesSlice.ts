/**
 * Notes pinned to steps, held by the store so that every view shows the same
 * ones: the timeline marks their steps, the "what just happened" line shows the
 * note of the step on screen, the address bar carries them (`notes`), and the
 * presenter tools edit them. A note's step is a shown step (steps.ts): the
 * state after that many steps. Parsing and limits are the presenter's
 * (src/ui/presenter/notes.ts), since a note is untrusted text from a link.
 */
import { pinNote, sortNotes, type PinnedNote } from '../routes/notes.ts';

export type { PinnedNote } from '../routes/notes.ts';

export interface NotesSlice {
  readonly notes: readonly PinnedNote[];
  /** Why the notes of the link last opened were left out, or null. */
  readonly notesLinkError: string | null;
  /** Replaces the notes with a link's (or none, with the reason they were refused). */
  setLinkNotes(notes: readonly PinnedNote[], error: string | null): void;
  /** Replaces every note (a link was opened, or the presenter tools saved a list). */
  setNotes(notes: readonly PinnedNote[]): void;
  /** Sets, replaces or (with empty text) removes the note at `step`. */
  pinNote(step: number, text: string): void;
}

type Set = (partial: Partial<NotesSlice>) => void;
type Get = () => NotesSlice;

const NONE: readonly PinnedNote[] = Object.freeze([]);

export function createNotesSlice(set: Set, get: Get): NotesSlice {
  return {
    notes: NONE,
    notesLinkError: null,
    setLinkNotes: (notes, error) =>
      set({ notes: notes.length === 0 ? NONE : sortNotes(notes), notesLinkError: error }),
    setNotes: (notes) => set({ notes: notes.length === 0 ? NONE : sortNotes(notes) }),
    pinNote: (step, text) => set({ notes: pinNote(get().notes, step, text) }),
  };
}

/** The note pinned to `step`, or null. */
export function noteAt(notes: readonly PinnedNote[], step: number): PinnedNote | null {
  return notes.find((n) => n.step === step) ?? null;
}
