/** Where every live thread is, as markers by listing id and then by line. */
import type { World } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { nextLineOf } from '../lab/hooks.ts';
import type { LineMarker } from './CodeView.tsx';

export type ListingMarkers = Map<string, Map<number, LineMarker[]>>;

export function markersByListing(sim: Simulation, world: World<unknown>): ListingMarkers {
  const byListing: ListingMarkers = new Map();
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
}

/** How many threads stand somewhere in one listing. */
export function threadsIn(markers: ListingMarkers, id: string): number {
  return [...(markers.get(id)?.values() ?? [])].reduce((n, m) => n + m.length, 0);
}
