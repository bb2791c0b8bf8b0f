/**
 * Which timeline lanes a slide shows: the ones a tour chapter names (by lane id,
 * label, actor, state path, dict or lock name), or by default the lanes that
 * changed within a window of steps. Pure, over the timeline's model.
 */
import type { Lane, TimelineModel } from '../../timeline/model.ts';

/** Record indexes [s0, s1): does the lane have a mark in them? */
export function laneChangedIn(lane: Lane, s0: number, s1: number): boolean {
  const inside = (step: number): boolean => step >= s0 && step < s1;
  switch (lane.kind) {
    case 'actor':
      return Array.from(lane.steps).some(inside);
    case 'outside':
      return lane.marks.some((m) => inside(m.step));
    case 'state':
      return lane.writes.some((w) => inside(w.step));
    case 'dict':
      return lane.points.some((p) => inside(p.step));
    case 'lock':
      return lane.holds.some((h) => inside(h.fromStep) || (h.toStep !== null && inside(h.toStep)));
  }
}

export function lanesChangedIn(model: TimelineModel, s0: number, s1: number): string[] {
  return model.lanes.filter((l) => laneChangedIn(l, s0, s1)).map((l) => l.id);
}

function namesOf(lane: Lane): string[] {
  const names = [lane.id, lane.label];
  if (lane.kind === 'actor') names.push(lane.actor);
  if (lane.kind === 'state') names.push(lane.path);
  if (lane.kind === 'dict') names.push(lane.dict);
  if (lane.kind === 'lock') names.push(lane.lock);
  return names.map((n) => n.toLowerCase());
}

/** Ids of the lanes whose id, label or name is in `names` (case-insensitive), in lane order. */
export function lanesNamed(model: TimelineModel, names: readonly string[]): string[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return model.lanes.filter((l) => namesOf(l).some((n) => wanted.has(n))).map((l) => l.id);
}

/** The model with only the given lanes (arrows to hidden lanes are simply not drawn). */
export function withLanes(model: TimelineModel, ids: readonly string[] | null): TimelineModel {
  if (ids === null) return model;
  const keep = new Set(ids);
  return { ...model, lanes: model.lanes.filter((l) => keep.has(l.id)) };
}
