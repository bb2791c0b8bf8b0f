/**
 * Notes a presenter pins to steps of a lab run, carried in the shared link as the
 * `notes` query field: a JSON list of [step, text] pairs, URL-encoded. Everything in
 * it is checked (a link is untrusted input): at most MAX_NOTES notes of at most
 * MAX_NOTE_CHARS characters each, whole-number steps, no control characters but line
 * breaks; the views render the text as text, never as HTML or Markdown.
 */
import type { Result } from '../engine/index.ts';
import type { RouteQuery } from './router.ts';

export interface PinnedNote {
  readonly step: number;
  readonly text: string;
}

export const NOTES_FIELD = 'notes';
export const MAX_NOTES = 30;
export const MAX_NOTE_CHARS = 500;
const MAX_FIELD_CHARS = 20_000;
const MAX_STEP = 50_000_000;

/** Removes control characters other than line breaks and tabs, and trims. */
export function cleanNoteText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}

export function parseNotes(raw: string | undefined): Result<readonly PinnedNote[]> {
  if (raw === undefined || raw === '') return { ok: true, value: [] };
  if (raw.length > MAX_FIELD_CHARS) {
    return fail(
      `The pinned notes in the link are ${raw.length} characters long; the limit is ${MAX_FIELD_CHARS}.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return fail('The pinned notes in the link are damaged (they are not valid JSON).');
  }
  if (!Array.isArray(value))
    return fail('The pinned notes in the link should be a list of [step, text] pairs.');
  if (value.length > MAX_NOTES)
    return fail(`The link pins ${value.length} notes; the limit is ${MAX_NOTES}.`);
  const notes = new Map<number, string>();
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) {
      return fail('Each pinned note in the link should be a [step, text] pair.');
    }
    const [step, text] = entry as [unknown, unknown];
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > MAX_STEP) {
      return fail(
        `A pinned note's step must be a whole number of 0 or more, got ${JSON.stringify(step)}.`,
      );
    }
    if (typeof text !== 'string') return fail(`The note pinned to step ${step} is not text.`);
    const clean = cleanNoteText(text);
    if (clean.length > MAX_NOTE_CHARS) {
      return fail(
        `The note pinned to step ${step} is ${clean.length} characters long; the limit is ${MAX_NOTE_CHARS}.`,
      );
    }
    if (clean !== '') notes.set(step, clean);
  }
  return { ok: true, value: sortNotes([...notes].map(([step, text]) => ({ step, text }))) };
}

export function encodeNotes(notes: readonly PinnedNote[]): string {
  return JSON.stringify(sortNotes(notes).map((n) => [n.step, n.text]));
}

export function sortNotes(notes: readonly PinnedNote[]): PinnedNote[] {
  return [...notes].sort((a, b) => a.step - b.step);
}

/** Sets, replaces or (with empty text) removes the note at `step`. */
export function pinNote(notes: readonly PinnedNote[], step: number, text: string): PinnedNote[] {
  const clean = cleanNoteText(text).slice(0, MAX_NOTE_CHARS);
  const rest = notes.filter((n) => n.step !== step);
  if (clean === '' || rest.length >= MAX_NOTES) return sortNotes(rest);
  return sortNotes([...rest, { step, text: clean }]);
}

/** A route query without the notes field (what the lab's link parser reads). */
export function withoutNotes(query: RouteQuery): RouteQuery {
  if (!Object.hasOwn(query, NOTES_FIELD)) return query;
  // fromEntries defines own properties, so a "__proto__" field is kept (and refused), not lost.
  return Object.fromEntries(Object.entries(query).filter(([k]) => k !== NOTES_FIELD));
}

/** Appends the notes (if any) to a hash such as `#/lab/x?v=buggy`. */
export function hashWithNotes(hash: string, notes: readonly PinnedNote[]): string {
  if (notes.length === 0) return hash;
  const field = `${NOTES_FIELD}=${encodeURIComponent(encodeNotes(notes))}`;
  return `${hash}${hash.includes('?') ? '&' : '?'}${field}`;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
