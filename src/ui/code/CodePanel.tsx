/**
 * The code panel: the model listing of each module, showing where every thread is
 * (the line of its next step, resolved from `program.instrs[pc].at`). It follows the
 * thread that moved last; the buttons above switch listings. For a fixed variant it can
 * show the listing as a diff against the buggy one (listings with the same id).
 */
import { useMemo, useState } from 'react';
import type { Listing, Program } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { nextLineOf, useCursor, useLastRecord, useSim, useWorld } from '../lab/hooks.ts';
import { CodeView, type LineMarker } from './CodeView.tsx';
import { diffLines, hasChanges, type DiffOp } from './lineDiff.ts';

export function CodePanel() {
  const sim = useSim();
  const world = useWorld();
  const cursor = useCursor();
  const record = useLastRecord();
  const showDiff = useLab((s) => s.showDiff);
  const store = useLabStore();
  const [picked, setPicked] = useState<{ readonly id: string; readonly cursor: number } | null>(
    null,
  );
  const buggy = useMemo(() => (sim ? buggyProgram(sim) : null), [sim]);

  const markers = useMemo(() => {
    const byListing = new Map<string, Map<number, LineMarker[]>>();
    if (!sim || !world) return byListing;
    world.threads.forEach((thread, i) => {
      if (thread.status === 'done') return;
      const line = nextLineOf(sim, world, i);
      if (!line) return;
      const lines = byListing.get(line.listing) ?? new Map<number, LineMarker[]>();
      byListing.set(line.listing, lines);
      lines.set(line.line, [
        ...(lines.get(line.line) ?? []),
        { thread: i, label: thread.actor, crashed: thread.status === 'dead' },
      ]);
    });
    return byListing;
  }, [sim, world]);

  if (!sim || !world) return null;
  const ids = Object.keys(sim.program.listings);
  const moved = record ? world.threads.findIndex((t) => t.actor === record.actor) : -1;
  const movedLine = moved >= 0 ? nextLineOf(sim, world, moved) : null;
  const firstMarked = ids.find((id) => markers.has(id));
  const followed = movedLine?.listing ?? firstMarked ?? ids[0] ?? '';
  const selected =
    picked && picked.cursor === cursor && ids.includes(picked.id) ? picked.id : followed;
  const listing = sim.program.listings[selected];
  if (!listing) return <p>This scenario has no listings.</p>;
  const base = buggy?.listings[selected];
  const diff = showDiff && base ? cachedDiff(base, listing) : null;
  const focusLine = movedLine && movedLine.listing === selected ? movedLine.line : null;

  return (
    <div className="code-panel">
      <div className="listing-picker" role="group" aria-label="Listings">
        {ids.map((id) => {
          const l = sim.program.listings[id];
          const count = [...(markers.get(id)?.values() ?? [])].reduce((n, m) => n + m.length, 0);
          return (
            <button
              key={id}
              type="button"
              aria-pressed={id === selected}
              onClick={() => setPicked({ id, cursor })}
            >
              {l?.title ?? id}
              {count > 0 ? ` (${count} thread${count === 1 ? '' : 's'})` : ''}
            </button>
          );
        })}
      </div>
      {sim.variant !== 'buggy' ? (
        <label className="check">
          <input
            type="checkbox"
            checked={showDiff}
            onChange={(e) => store.getState().setShowDiff(e.target.checked)}
          />{' '}
          Show what this variant changes from the buggy code
          {diff && !hasChanges(diff) ? ' (this listing is the same)' : ''}
        </label>
      ) : null}
      <h3 className="listing-title">
        <code>{listing.title}</code>
      </h3>
      <CodeView
        title={listing.title}
        lines={listing.lines}
        diff={diff}
        markers={markers.get(selected) ?? new Map()}
        focusLine={focusLine}
      />
    </div>
  );
}

export function buggyProgram(sim: Simulation): Program<unknown> | null {
  if (sim.variant === 'buggy') return null;
  try {
    return sim.def.build('buggy', sim.params, sim.gil);
  } catch {
    return null;
  }
}

const diffs = new WeakMap<Listing, WeakMap<Listing, DiffOp[]>>();

/** Listings never change, so their diff is computed once per pair. */
export function cachedDiff(before: Listing, after: Listing): DiffOp[] {
  let inner = diffs.get(before);
  if (!inner) {
    inner = new WeakMap();
    diffs.set(before, inner);
  }
  let ops = inner.get(after);
  if (!ops) {
    ops = diffLines(before.lines, after.lines);
    inner.set(after, ops);
  }
  return ops;
}
