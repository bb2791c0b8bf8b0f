/**
 * The timeline's text alternative: the steps in view as a table (capped, with
 * a note when more are in view), then the crash, the broken invariants and the
 * conflicting write/read pairs. Visually hidden by default and shown on
 * request; screen readers reach it either way. Memoised, so it re-renders only
 * when the view settles, the cursor moves or the data change.
 */
import { memo } from 'react';
import { stepOfRecord } from '../analysis/steps.ts';
import { stepRows } from './details.ts';
import type { NoteMark } from './marks.ts';
import type { TimelineModel } from './model.ts';

export const TABLE_ROW_LIMIT = 100;

export interface TimelineTableProps {
  readonly model: TimelineModel;
  readonly start: number;
  readonly end: number;
  readonly cursor: number;
  readonly id: string;
  /** Notes pinned to steps, listed with the findings. */
  readonly notes?: readonly NoteMark[];
}

export const TimelineTable = memo(function TimelineTable({
  model,
  start,
  end,
  cursor,
  id,
  notes = [],
}: TimelineTableProps) {
  return (
    <div id={id} className="tl-alt">
      <StepsTable model={model} start={start} end={end} cursor={cursor} />
      <Findings model={model} notes={notes} />
    </div>
  );
});

/** The steps in view, at most TABLE_ROW_LIMIT of them; the caption says when more are in view. */
function StepsTable({
  model,
  start,
  end,
  cursor,
}: Pick<TimelineTableProps, 'model' | 'start' | 'end' | 'cursor'>) {
  const rows = stepRows(model, start, end, TABLE_ROW_LIMIT);
  const shown = rows.length;
  const inView = Math.max(0, end - start);
  const range =
    shown === 0 ? 'No steps' : `Steps ${stepOfRecord(start)} to ${stepOfRecord(start + shown - 1)}`;
  const more =
    inView > shown
      ? ` (the first ${shown} of ${inView} steps in view; zoom in to list others)`
      : '';
  return (
    <table className="tl-table">
      <caption>
        {range} of {model.steps.count} in the timeline view{more}
      </caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Actor</th>
          <th scope="col">Time (ms)</th>
          <th scope="col">Line</th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.step} aria-current={r.step === cursor - 1 ? 'step' : undefined}>
            <th scope="row">{stepOfRecord(r.step)}</th>
            <td>{r.actor}</td>
            <td>
              {r.timeMs}
              {r.durationMs > 0 ? ` (+${r.durationMs})` : ''}
            </td>
            <td>{r.at}</td>
            <td>{r.what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The whole run's crash, broken invariants, conflicts (the first 20) and pinned notes. */
function Findings({
  model,
  notes,
}: {
  readonly model: TimelineModel;
  readonly notes: readonly NoteMark[];
}) {
  return (
    <ul className="tl-findings" aria-label="Findings">
      {model.crashes.map((c) => (
        <li key={`crash-${c.step}-${c.actor}`}>
          Crash at step {stepOfRecord(c.step)}: {c.type} in {c.actor}
          {c.message ? `: ${c.message}` : ''}
        </li>
      ))}
      {model.violations.map((v) => (
        <li key={`violation-${v.invariant}-${v.boundary}`}>
          Invariant {v.invariant} broken at step {v.boundary}
          {v.detail ? `: ${v.detail}` : ''}
        </li>
      ))}
      {model.arrows.slice(0, 20).map((a) => (
        <li key={`arrow-${a.kind}-${a.laneId}-${a.fromStep}-${a.toStep}`}>
          Conflict from step {stepOfRecord(a.fromStep)} ({a.fromActor}) to step{' '}
          {stepOfRecord(a.toStep)} ({a.toActor}): {a.label}
        </li>
      ))}
      {notes.map((note) => (
        <li key={`note-${note.step}`}>
          Note at step {note.step}: {note.text}
        </li>
      ))}
      {model.arrows.length > 20 ? (
        <li>{model.arrows.length - 20} more conflicts not listed</li>
      ) : null}
      {model.crashes.length + model.violations.length + model.arrows.length === 0 ? (
        <li>No crash, no broken invariant, no conflicting writes.</li>
      ) : null}
    </ul>
  );
}
