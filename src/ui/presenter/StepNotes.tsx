/**
 * The lab's presenter tools: pin a note to the step on screen ("Annotate this
 * step"), see every pinned note and jump to it, copy a link that carries the notes,
 * and present the pinned steps in presenter mode, one per screen. The notes live in
 * the lab store (its notes slice, which the address bar carries), so the Export menu
 * writes the same notes into its files; they are always shown as text.
 */
import { useId, useState } from 'react';
import { absoluteLink, labLinkQuery, type LabLink } from '../../routes/link.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { currentSchedule } from '../../store/runSlice.ts';
import { useCursor, useSim } from '../lab/hooks.ts';
import { LAB_DECK } from './deck.ts';
import { hashWithNotes, MAX_NOTE_CHARS, pinNote } from '../../routes/notes.ts';
import './presenter.css';

/** The lab's presenter tools: the pinned notes (the Export menu in the toolbar writes the postmortem). */
export function LabPresenterTools() {
  return (
    <div className="lab-presenter-tools">
      <StepNotes />
    </div>
  );
}

export function StepNotes() {
  const sim = useSim();
  const cursor = useCursor();
  const revision = useLab((s) => s.revision);
  const store = useLabStore();
  const notes = useLab((s) => s.notes);
  const linkError = useLab((s) => s.notesLinkError);
  const setNotes = (next: typeof notes) => store.getState().setNotes(next);
  const [draft, setDraft] = useState<{ readonly step: number; readonly text: string } | null>(null);
  const [message, setMessage] = useState('');
  const fieldId = useId();
  const helpId = useId();
  if (!sim) return null;
  void revision;

  const here = notes.find((n) => n.step === cursor);
  const text = draft && draft.step === cursor ? draft.text : (here?.text ?? '');
  const link: LabLink = {
    scenario: sim.def.id,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    schedule: currentSchedule(sim),
    at: cursor,
  };
  const query = new URLSearchParams(Object.entries(labLinkQuery(link))).toString();
  const presentHash = hashWithNotes(
    `#/present/${LAB_DECK}/${encodeURIComponent(sim.def.id)}?${query}`,
    notes,
  );
  const shareHref = hashWithNotes(absoluteLink(window.location.href, link), notes);

  const pin = () => {
    setNotes(pinNote(notes, cursor, text));
    setDraft(null);
    setMessage(
      text.trim() === ''
        ? `Removed the note on step ${cursor}.`
        : `Pinned a note to step ${cursor}.`,
    );
  };
  const remove = () => {
    setNotes(pinNote(notes, cursor, ''));
    setDraft(null);
    setMessage(`Removed the note on step ${cursor}.`);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shareHref);
      setMessage('Link with the pinned notes copied.');
    } catch {
      setMessage('Copying was not allowed here; the link is in the field below.');
    }
  };

  return (
    <div className="step-notes">
      {linkError ? (
        <p role="alert" className="link-error">
          The notes in this link were left out: {linkError}
        </p>
      ) : null}
      {here ? (
        <div className="pinned-here">
          <p className="muted">Pinned to step {cursor}:</p>
          <p className="pinned-text">{here.text}</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={fieldId}>Annotate this step (step {cursor})</label>
        <textarea
          id={fieldId}
          rows={3}
          maxLength={MAX_NOTE_CHARS}
          value={text}
          aria-describedby={helpId}
          onChange={(e) => setDraft({ step: cursor, text: e.target.value })}
        />
        <p id={helpId} className="field-help">
          Up to {MAX_NOTE_CHARS} characters, shown as plain text. Notes travel in the links below.
        </p>
      </div>
      <div className="control-row">
        <button
          type="button"
          className="primary"
          onClick={pin}
          disabled={text.trim() === '' || text === here?.text}
        >
          {here ? 'Update the note' : 'Pin the note'}
        </button>
        <button type="button" onClick={remove} disabled={!here}>
          Remove the note
        </button>
        <a className="button-link" href={presentHash}>
          Present{' '}
          {notes.length > 0
            ? `the ${notes.length} pinned step${notes.length === 1 ? '' : 's'}`
            : 'this step'}
        </a>
        <button type="button" onClick={() => void copy()}>
          Copy link with notes
        </button>
      </div>
      {notes.length > 0 ? (
        <ol className="pinned-list" aria-label="Pinned notes">
          {notes.map((n) => (
            <li key={n.step}>
              <button
                type="button"
                onClick={() => store.getState().seek(n.step)}
                aria-current={n.step === cursor ? 'step' : undefined}
              >
                Step {n.step}
              </button>{' '}
              <span className="pinned-text">{n.text}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No notes pinned yet.</p>
      )}
      <p role="status" className="muted">
        {message}
      </p>
    </div>
  );
}
