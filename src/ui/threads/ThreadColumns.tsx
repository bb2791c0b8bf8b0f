/**
 * Each thread's code in a column of its own, side by side, as in The Deadlock Empire:
 * the column's head names the thread, says whether it can run, and has the button that
 * runs exactly its next step (forking the schedule when the recorded history would
 * have run another thread). The code below follows the thread: it shows the listing of
 * the line the thread runs next and marks that line. The column of the thread that
 * just moved is wider and outlined, so the eye lands where the change happened. For a
 * fixed implementation the code can show what it changes from the buggy one.
 */
import { useMemo, useState } from 'react';
import { naturalChoice, type Program, type World } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { buggyProgram, cachedDiff } from '../code/CodePanel.tsx';
import { CodeView, type LineMarker } from '../code/CodeView.tsx';
import {
  nextLineOf,
  parseEnabled,
  useCursor,
  useEnabledKey,
  useLastRecord,
  useRunLength,
  useSim,
  useWorld,
} from '../lab/hooks.ts';
import { marksOf, useCollision, type CollisionMark } from '../../store/collision.ts';
import { plainWords } from '../common/words.ts';
import { statusText, threadRole } from './threadText.ts';

export interface ThreadColumnsProps {
  /** Only the thread that moved last, and the collision's threads (the phone's story). */
  readonly onlyMoved?: boolean;
}

/** A line to mark in a thread's column beside its current one: a side of the collision. */
export interface LineHighlight {
  readonly listing: string;
  readonly line: number;
  readonly label: string;
  readonly role: 'victim' | 'culprit';
  /** The failure has happened: show this line's listing rather than the current one's. */
  readonly lead: boolean;
}

/** The collision's two sides as highlights, by thread index. */
function highlightsOf(
  marks: readonly CollisionMark[],
  actors: readonly string[],
  cursor: number,
): Map<number, LineHighlight> {
  const out = new Map<number, LineHighlight>();
  const victimStep = marks.find((m) => m.role === 'victim')?.step ?? Infinity;
  for (const m of marks) {
    const thread = actors.indexOf(m.actor);
    if (thread < 0) continue;
    const label =
      m.role === 'victim'
        ? `${m.actor} fails here (step ${m.step})`
        : `${m.actor} changed it here (step ${m.step})`;
    out.set(thread, {
      listing: m.listing,
      line: m.line,
      label,
      role: m.role,
      lead: cursor >= victimStep,
    });
  }
  return out;
}

export function ThreadColumns({ onlyMoved = false }: ThreadColumnsProps) {
  const sim = useSim();
  const world = useWorld();
  const cursor = useCursor();
  const length = useRunLength();
  const record = useLastRecord();
  const enabled = parseEnabled(useEnabledKey());
  const showDiff = useLab((s) => s.showDiff);
  // The collision is cached per run, so it is a stable value to derive the marks from.
  const collision = useCollision();
  const marks = useMemo(() => marksOf(collision), [collision]);
  const buggy = useMemo(() => (sim && showDiff ? buggyProgram(sim) : null), [sim, showDiff]);
  if (!sim || !world) return null;
  const moved = record ? world.threads.findIndex((t) => t.actor === record.actor) : -1;
  const recordedNext = cursor < length ? sim.run.threadAt(cursor) : -1;
  const natural = enabled.length > 0 ? naturalChoice(sim.program, world, enabled) : -1;
  const highlights = highlightsOf(marks, sim.program.actors, cursor);
  const focus = moved >= 0 ? moved : recordedNext >= 0 ? recordedNext : 0;
  // On a phone: the thread that moved, and the other side of the collision when it shows.
  const shown = world.threads
    .map((_, i) => i)
    .filter((i) => !onlyMoved || i === focus || highlights.has(i));

  return (
    <div className="thread-columns" role="group" aria-label="Threads and their code">
      {shown.map((i) => (
        <ThreadColumn
          key={world.threads[i]?.actor ?? i}
          sim={sim}
          world={world}
          index={i}
          moved={i === moved}
          canRun={enabled.includes(i)}
          next={i === recordedNext ? 'next in this run' : i === natural ? 'natural choice' : null}
          highlight={highlights.get(i) ?? null}
          buggy={buggy}
        />
      ))}
    </div>
  );
}

interface ColumnProps {
  readonly sim: Simulation;
  readonly world: World<unknown>;
  readonly index: number;
  readonly moved: boolean;
  readonly canRun: boolean;
  readonly next: string | null;
  readonly highlight: LineHighlight | null;
  /** The buggy program, when the code should show what this variant changes from it. */
  readonly buggy: Program<unknown> | null;
}

function ThreadColumn(props: ColumnProps) {
  const { sim, world, index, moved, canRun, next, highlight, buggy } = props;
  const store = useLabStore();
  const thread = world.threads[index];
  const line = nextLineOf(sim, world, index);
  const ids = Object.keys(sim.program.listings);
  // A listing picked by hand holds until the thread's own line moves to another one.
  const [picked, setPicked] = useState<{ readonly id: string; readonly follows: string } | null>(
    null,
  );
  if (!thread) return null;
  const followed =
    (highlight?.lead ? highlight.listing : null) ??
    line?.listing ??
    highlight?.listing ??
    ids[0] ??
    '';
  const selected = picked && picked.follows === followed ? picked.id : followed;
  const listing = sim.program.listings[selected];
  // A finished thread still shows its side of the collision, if it has one.
  const finished = thread.status === 'done' && !highlight;
  const base = buggy?.listings[selected];
  const markers = new Map<number, LineMarker[]>();
  if (line && line.listing === selected && thread.status !== 'done') {
    markers.set(line.line, [
      { thread: index, label: thread.actor, crashed: thread.status === 'dead' },
    ]);
  }
  if (highlight && highlight.listing === selected) {
    const at = markers.get(highlight.line) ?? [];
    markers.set(highlight.line, [
      ...at.filter((m) => highlight.role !== 'victim' || !m.crashed),
      { thread: index, label: highlight.label, crashed: false, role: highlight.role },
    ]);
  }
  const colour = `thread-${(index % 6) + 1}`;
  const headingId = `thread-col-${index}`;
  const role = threadRole(sim, thread.actor);

  return (
    <section
      className={`thread-col ${colour}${moved ? ' thread-moved' : ''}${finished ? ' thread-finished' : ''}`}
      aria-labelledby={headingId}
      data-actor={thread.actor}
    >
      <header className="thread-col-head">
        <h2 id={headingId} className="thread-col-name" title={role}>
          <span className="thread-swatch" aria-hidden="true" /> {thread.actor}
          {moved ? ' ' : null}
          {moved ? <span className="visually-hidden">(moved last)</span> : null}
        </h2>
        {finished ? null : (
          <button
            type="button"
            className="run-thread"
            disabled={!canRun}
            onClick={() => store.getState().stepWith(index)}
            aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
            title={`Run ${thread.actor}'s next step now${index < 9 ? ` (${index + 1})` : ''}`}
          >
            Run <span className="visually-hidden">{thread.actor}&apos;s next step</span>
            <span aria-hidden="true"> ▶</span>
            {index < 9 ? <kbd aria-hidden="true">{index + 1}</kbd> : null}
          </button>
        )}
        <span className="thread-col-status">
          {statusText(thread.status, thread.wakeAtMs, world.nowMs, canRun)}
          {next ? ` · ${next}` : ''}
        </span>
      </header>
      {role ? <p className="thread-col-role">{role}</p> : null}
      {ids.length > 1 && !finished ? (
        <label className="thread-col-listing">
          <span className="visually-hidden">Code shown for {thread.actor}</span>
          <select
            value={selected}
            onChange={(e) => setPicked({ id: e.target.value, follows: followed })}
          >
            {ids.map((id) => (
              <option key={id} value={id}>
                {plainWords(sim.program.listings[id]?.title ?? id)}
                {id === line?.listing ? ' (its next line)' : ''}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {listing && !finished ? (
        <CodeView
          title={`${listing.title}, ${thread.actor}`}
          lines={listing.lines}
          diff={base ? cachedDiff(base, listing) : null}
          markers={markers}
          compact
          focusLine={focusOf(line, highlight, selected)}
        />
      ) : (
        <p className="thread-col-done muted">{finished ? 'Finished.' : 'No code to show.'}</p>
      )}
    </section>
  );
}

/** The line to keep in view: the collision's once the failure happened, else the thread's own. */
function focusOf(
  line: { readonly listing: string; readonly line: number } | null,
  highlight: LineHighlight | null,
  selected: string,
): number | null {
  if (highlight?.lead && highlight.listing === selected) return highlight.line;
  if (line && line.listing === selected) return line.line;
  return highlight && highlight.listing === selected ? highlight.line : null;
}
