/**
 * The lab's presenter tools: pin a note to the step on screen ("Annotate this
 * step"), see every pinned note and jump to it, copy a link that carries the notes,
 * and present the pinned steps in presenter mode, one per screen. The notes live in
 * the lab store (its notes slice, which the address bar carries), so the Export menu
 * writes the same notes into its files; they are always shown as text.
 */
import { useId } from 'react';
import { MAX_NOTE_CHARS, type PinnedNote } from '../../routes/notes.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { useSim } from '../lab/hooks.ts';
import { useStepNotes } from './useStepNotes.ts';
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
  return sim ? <StepNotesOfRun /> : null;
}

function StepNotesOfRun() {
  const notes = useStepNotes();
  const linkError = useLab((s) => s.notesLinkError);
  const { cursor, here, text, message } = notes;
  const count = notes.notes.length;
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
      <NoteField cursor={cursor} text={text} onEdit={notes.edit} />
      <div className="control-row">
        <button
          type="button"
          className="primary"
          onClick={notes.pin}
          disabled={text.trim() === '' || text === here?.text}
        >
          {here ? 'Update the note' : 'Pin the note'}
        </button>
        <button type="button" onClick={notes.remove} disabled={!here}>
          Remove the note
        </button>
        <a className="button-link" href={notes.presentHash}>
          Present {count > 0 ? `the ${count} pinned step${count === 1 ? '' : 's'}` : 'this step'}
        </a>
        <button type="button" onClick={() => void notes.copy()}>
          Copy link with notes
        </button>
      </div>
      <PinnedList notes={notes.notes} cursor={cursor} />
      <p role="status" className="muted">
        {message}
      </p>
    </div>
  );
}

function NoteField(props: {
  readonly cursor: number;
  readonly text: string;
  readonly onEdit: (text: string) => void;
}) {
  const fieldId = useId();
  const helpId = useId();
  return (
    <div className="field">
      <label htmlFor={fieldId}>Annotate this step (step {props.cursor})</label>
      <textarea
        id={fieldId}
        rows={3}
        maxLength={MAX_NOTE_CHARS}
        value={props.text}
        aria-describedby={helpId}
        onChange={(e) => props.onEdit(e.target.value)}
      />
      <p id={helpId} className="field-help">
        Up to {MAX_NOTE_CHARS} characters, shown as plain text. Notes travel in the links below.
      </p>
    </div>
  );
}

function PinnedList({
  notes,
  cursor,
}: {
  readonly notes: readonly PinnedNote[];
  readonly cursor: number;
}) {
  const store = useLabStore();
  if (notes.length === 0) return <p className="muted">No notes pinned yet.</p>;
  return (
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
  );
}
