/**
 * Which listing a thread's column shows, and what it marks there. The column follows
 * the thread (or, once the failure happened, its side of the collision); a listing
 * picked by hand holds until the line the column follows moves to another listing.
 */
import { useState } from 'react';
import type { ResolvedLine, World } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import type { LineMarker } from '../code/CodeView.tsx';
import { nextLineOf } from '../lab/hooks.ts';
import type { LineHighlight } from './highlights.ts';

type Thread = World<unknown>['threads'][number];

export function useColumnListing(
  sim: Simulation,
  world: World<unknown>,
  index: number,
  highlight: LineHighlight | null,
) {
  const line = nextLineOf(sim, world, index);
  const ids = Object.keys(sim.program.listings);
  const [picked, setPicked] = useState<{ readonly id: string; readonly follows: string } | null>(
    null,
  );
  const followed =
    (highlight?.lead ? highlight.listing : null) ??
    line?.listing ??
    highlight?.listing ??
    ids[0] ??
    '';
  const selected = picked && picked.follows === followed ? picked.id : followed;
  return {
    line,
    ids,
    selected,
    pick: (id: string) => setPicked({ id, follows: followed }),
  };
}

/** The thread's own next line and its side of the collision, where they are in `selected`. */
export function columnMarkers(
  thread: Thread,
  index: number,
  line: ResolvedLine | null,
  highlight: LineHighlight | null,
  selected: string,
): Map<number, LineMarker[]> {
  const markers = new Map<number, LineMarker[]>();
  if (line && line.listing === selected && thread.status !== 'done') {
    markers.set(line.line, [
      { thread: index, label: thread.actor, crashed: thread.status === 'dead' },
    ]);
  }
  if (highlight && highlight.listing === selected) {
    const at = markers.get(highlight.line) ?? [];
    markers.set(highlight.line, [
      // A victim's mark says where it failed; the crash arrow on the same line would repeat it.
      ...at.filter((m) => highlight.role !== 'victim' || !m.crashed),
      { thread: index, label: highlight.label, crashed: false, role: highlight.role },
    ]);
  }
  return markers;
}
