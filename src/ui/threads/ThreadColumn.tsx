/**
 * One thread's column: its head (name, role, whether it can run, the button that runs
 * exactly its next step), a picker among the listings, and the code of the line the
 * thread runs next with that line and its side of the collision marked.
 */
import type { Program, World } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { useLabStore } from '../../store/context.tsx';
import { cachedDiff } from '../code/buggyDiff.ts';
import { CodeView } from '../code/CodeView.tsx';
import { plainWords } from '../common/words.ts';
import { focusOf, type LineHighlight } from './highlights.ts';
import { statusText, threadRole } from './threadText.ts';
import { columnMarkers, useColumnListing } from './useColumnListing.ts';

type Thread = World<unknown>['threads'][number];

export interface ColumnProps {
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

export function ThreadColumn(props: ColumnProps) {
  const { sim, world, index, moved, highlight, buggy } = props;
  const { line, ids, selected, pick } = useColumnListing(sim, world, index, highlight);
  const thread = world.threads[index];
  if (!thread) return null;
  const listing = sim.program.listings[selected];
  // A finished thread still shows its side of the collision, if it has one.
  const finished = thread.status === 'done' && !highlight;
  const base = buggy?.listings[selected];
  const classes = `thread-col thread-${(index % 6) + 1}${moved ? ' thread-moved' : ''}${finished ? ' thread-finished' : ''}`;
  return (
    <section className={classes} aria-labelledby={`thread-col-${index}`} data-actor={thread.actor}>
      <ColumnHead {...props} thread={thread} finished={finished} />
      {ids.length > 1 && !finished ? (
        <label className="thread-col-listing">
          <span className="visually-hidden">Code shown for {thread.actor}</span>
          <select value={selected} onChange={(e) => pick(e.target.value)}>
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
          markers={columnMarkers(thread, index, line, highlight, selected)}
          compact
          focusLine={focusOf(line, highlight, selected)}
        />
      ) : (
        <p className="thread-col-done muted">{finished ? 'Finished.' : 'No code to show.'}</p>
      )}
    </section>
  );
}

function ColumnHead(props: ColumnProps & { readonly thread: Thread; readonly finished: boolean }) {
  const { sim, world, index, moved, canRun, next, thread, finished } = props;
  const role = threadRole(sim, thread.actor);
  return (
    <>
      <header className="thread-col-head">
        <h2 id={`thread-col-${index}`} className="thread-col-name" title={role}>
          <span className="thread-swatch" aria-hidden="true" /> {thread.actor}
          {moved ? ' ' : null}
          {moved ? <span className="visually-hidden">(moved last)</span> : null}
        </h2>
        {finished ? null : <RunButton index={index} actor={thread.actor} canRun={canRun} />}
        <span className="thread-col-status">
          {statusText(thread.status, thread.wakeAtMs, world.nowMs, canRun)}
          {next ? ` · ${next}` : ''}
        </span>
      </header>
      {role ? <p className="thread-col-role">{role}</p> : null}
    </>
  );
}

/** Runs exactly this thread's next step; threads 1 to 9 have a digit key for it. */
function RunButton(props: {
  readonly index: number;
  readonly actor: string;
  readonly canRun: boolean;
}) {
  const { index, actor, canRun } = props;
  const store = useLabStore();
  const key = index < 9 ? String(index + 1) : undefined;
  return (
    <button
      type="button"
      className="run-thread"
      disabled={!canRun}
      onClick={() => store.getState().stepWith(index)}
      aria-keyshortcuts={key}
      title={`Run ${actor}'s next step now${key ? ` (${key})` : ''}`}
    >
      Run <span className="visually-hidden">{actor}&apos;s next step</span>
      <span aria-hidden="true"> ▶</span>
      {key ? <kbd aria-hidden="true">{key}</kbd> : null}
    </button>
  );
}
