/**
 * The code panel: the model listing of each module, showing where every thread is
 * (the line of its next step, resolved from `program.instrs[pc].at`). It follows the
 * thread that moved last; the buttons above switch listings. For a fixed variant it can
 * show the listing as a diff against the buggy one (listings with the same id).
 */
import { useMemo, useState } from 'react';
import type { Simulation } from '../../scenarios/simulate.ts';
import { useLab } from '../../store/context.tsx';
import { nextLineOf, useCursor, useLastRecord, useSim, useWorld } from '../lab/hooks.ts';
import { buggyProgram, cachedDiff } from './buggyDiff.ts';
import { CodeView } from './CodeView.tsx';
import { DiffToggle } from './DiffToggle.tsx';
import { hasChanges } from './lineDiff.ts';
import { markersByListing, threadsIn, type ListingMarkers } from './listingMarkers.ts';

export function CodePanel() {
  const sim = useSim();
  const world = useWorld();
  const cursor = useCursor();
  const record = useLastRecord();
  const showDiff = useLab((s) => s.showDiff);
  // A listing picked by hand holds until the cursor moves.
  const [picked, setPicked] = useState<{ readonly id: string; readonly cursor: number } | null>(
    null,
  );
  const buggy = useMemo(() => (sim ? buggyProgram(sim) : null), [sim]);
  const markers = useMemo(
    () => (sim && world ? markersByListing(sim, world) : (new Map() as ListingMarkers)),
    [sim, world],
  );
  if (!sim || !world) return null;
  const ids = Object.keys(sim.program.listings);
  const moved = record ? world.threads.findIndex((t) => t.actor === record.actor) : -1;
  const movedLine = moved >= 0 ? nextLineOf(sim, world, moved) : null;
  const followed = movedLine?.listing ?? ids.find((id) => markers.has(id)) ?? ids[0] ?? '';
  const selected =
    picked && picked.cursor === cursor && ids.includes(picked.id) ? picked.id : followed;
  const listing = sim.program.listings[selected];
  if (!listing) return <p>This scenario has no listings.</p>;
  const base = buggy?.listings[selected];
  const diff = showDiff && base ? cachedDiff(base, listing) : null;
  return (
    <div className="code-panel">
      <ListingPicker
        sim={sim}
        markers={markers}
        selected={selected}
        onPick={(id) => setPicked({ id, cursor })}
      />
      {sim.variant !== 'buggy' ? (
        <DiffToggle>
          Show what this variant changes from the buggy code
          {diff && !hasChanges(diff) ? ' (this listing is the same)' : ''}
        </DiffToggle>
      ) : null}
      <h3 className="listing-title">
        <code>{listing.title}</code>
      </h3>
      <CodeView
        title={listing.title}
        lines={listing.lines}
        diff={diff}
        markers={markers.get(selected) ?? new Map()}
        focusLine={movedLine && movedLine.listing === selected ? movedLine.line : null}
      />
    </div>
  );
}

function ListingPicker(props: {
  readonly sim: Simulation;
  readonly markers: ListingMarkers;
  readonly selected: string;
  readonly onPick: (id: string) => void;
}) {
  const { sim, markers, selected, onPick } = props;
  return (
    <div className="listing-picker" role="group" aria-label="Listings">
      {Object.keys(sim.program.listings).map((id) => {
        const count = threadsIn(markers, id);
        return (
          <button key={id} type="button" aria-pressed={id === selected} onClick={() => onPick(id)}>
            {sim.program.listings[id]?.title ?? id}
            {count > 0 ? ` (${count} thread${count === 1 ? '' : 's'})` : ''}
          </button>
        );
      })}
    </div>
  );
}
