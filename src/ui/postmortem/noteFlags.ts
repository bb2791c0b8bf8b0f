/**
 * `--note STEP=TEXT` flags of the headless postmortem, read with the lab's own
 * rules for pinned notes (presenter/notes.ts): a whole-number step of the run
 * (0 to its last step), plain text of at most MAX_NOTE_CHARS characters, at most
 * MAX_NOTES notes, one note per step. Every mistake is one sentence.
 */
import type { Result } from '../../engine/index.ts';
import {
  cleanNoteText,
  MAX_NOTE_CHARS,
  MAX_NOTES,
  sortNotes,
  type PinnedNote,
} from '../../routes/notes.ts';

export function parseNoteFlags(flags: readonly string[], lastStep: number): Result<PinnedNote[]> {
  if (flags.length > MAX_NOTES)
    return fail(`At most ${MAX_NOTES} notes may be pinned, got ${flags.length}.`);
  const notes = new Map<number, string>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const stepText = eq < 0 ? '' : flag.slice(0, eq).trim();
    if (!/^\d+$/.test(stepText)) {
      return fail(`Option --note needs STEP=TEXT with a whole-number step, got "${clip(flag)}".`);
    }
    const step = Number(stepText);
    if (step > lastStep) {
      return fail(`Option --note names step ${step}, but the run has steps 0 to ${lastStep}.`);
    }
    const text = cleanNoteText(flag.slice(eq + 1));
    if (text === '') return fail(`Option --note for step ${step} has no text.`);
    if (text.length > MAX_NOTE_CHARS) {
      return fail(
        `The note for step ${step} is ${text.length} characters long; the limit is ${MAX_NOTE_CHARS}.`,
      );
    }
    if (notes.has(step)) return fail(`Option --note names step ${step} twice.`);
    notes.set(step, text);
  }
  return { ok: true, value: sortNotes([...notes].map(([step, text]) => ({ step, text }))) };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
