/**
 * What is under a point of the plot, as a pure function of the geometry (the
 * model, the row layout, the zoomed scale and the x mode), so hover, click to
 * seek and their tests need no canvas. Each hit knows the cursor position a
 * click on it seeks to: the world right after the step it stands for, so the
 * step clicked is the one the code panel shows as just executed.
 */
import type { TimelineLayout } from './layout.ts';
import { rowAtY } from './layout.ts';
import type { ActorLane, TimelineModel, XMode } from './model.ts';
import { laneExtents, type XExtents, type XScale } from './scales.ts';
import { boundaryAtX, boundaryX, stepEndX, stepStartX } from './xmap.ts';

export interface Geometry {
  readonly model: TimelineModel;
  readonly layout: TimelineLayout;
  readonly scale: XScale;
  readonly xMode: XMode;
}

export type Hit =
  | { readonly kind: 'step'; readonly step: number; readonly laneId: string }
  | { readonly kind: 'outside'; readonly index: number; readonly laneId: string }
  | { readonly kind: 'state'; readonly index: number; readonly laneId: string }
  | { readonly kind: 'dict-point'; readonly index: number; readonly laneId: string }
  | { readonly kind: 'iterator'; readonly index: number; readonly laneId: string }
  | { readonly kind: 'lock'; readonly index: number; readonly laneId: string }
  | { readonly kind: 'crash'; readonly index: number }
  | { readonly kind: 'violation'; readonly index: number };

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const TOLERANCE_PX = 5;

export function hitTest(g: Geometry, px: number, py: number): Hit | null {
  if (py < g.layout.markerBandPx) return markerHit(g, px);
  const row = rowAtY(g.layout, py);
  if (!row) return null;
  const lane = row.lane;
  const x = g.scale.invert(px);
  switch (lane.kind) {
    case 'actor':
      return actorHit(g, lane, px);
    case 'outside': {
      const i = nearestIndex(lane.marks.length, (k) => centreX(g, lane.marks[k]?.step ?? 0), px);
      return i < 0 ? null : { kind: 'outside', index: i, laneId: lane.id };
    }
    case 'state': {
      const i = lane.intervals.findIndex(
        (v) =>
          boundaryX(g.model, g.xMode, v.fromBoundary) <= x &&
          x < boundaryX(g.model, g.xMode, v.toBoundary),
      );
      return i < 0 ? null : { kind: 'state', index: i, laneId: lane.id };
    }
    case 'dict': {
      if (py >= row.y + row.height * 0.6) {
        const i = lane.iterators.findIndex(
          (s) =>
            stepStartX(g.model, g.xMode, s.fromStep) <= x &&
            x <= stepEndX(g.model, g.xMode, s.toStep),
        );
        if (i >= 0) return { kind: 'iterator', index: i, laneId: lane.id };
      }
      const i = nearestIndex(lane.points.length, (k) => centreX(g, lane.points[k]?.step ?? 0), px);
      return i < 0 ? null : { kind: 'dict-point', index: i, laneId: lane.id };
    }
    case 'lock': {
      const end = (to: number | null): number => (to === null ? g.model.steps.count : to + 1);
      const i = lane.holds.findIndex(
        (h) =>
          boundaryX(g.model, g.xMode, h.fromStep) <= x &&
          x < boundaryX(g.model, g.xMode, end(h.toStep)),
      );
      return i < 0 ? null : { kind: 'lock', index: i, laneId: lane.id };
    }
  }
}

/** The cursor position (a step boundary) a click on `hit` seeks to. */
export function seekTarget(model: TimelineModel, hit: Hit): number {
  const lane = 'laneId' in hit ? model.lanes.find((l) => l.id === hit.laneId) : undefined;
  switch (hit.kind) {
    case 'step':
      return hit.step + 1;
    case 'crash':
      return (model.crashes[hit.index]?.step ?? 0) + 1;
    case 'violation':
      return model.violations[hit.index]?.boundary ?? 0;
    case 'outside':
      return lane?.kind === 'outside' ? (lane.marks[hit.index]?.step ?? 0) + 1 : 0;
    case 'state': {
      const v = lane?.kind === 'state' ? lane.intervals[hit.index] : undefined;
      return v ? (v.setBy ? v.setBy.step + 1 : v.fromBoundary) : 0;
    }
    case 'dict-point':
      return lane?.kind === 'dict' ? (lane.points[hit.index]?.step ?? 0) + 1 : 0;
    case 'iterator': {
      const s = lane?.kind === 'dict' ? lane.iterators[hit.index] : undefined;
      return s ? (s.failedStep ?? s.fromStep) + 1 : 0;
    }
    case 'lock':
      return lane?.kind === 'lock' ? (lane.holds[hit.index]?.fromStep ?? 0) + 1 : 0;
  }
}

/** Where a click at plot x seeks: the hit's target, else the nearest step boundary. */
export function seekAt(g: Geometry, px: number, py: number): number {
  const hit = hitTest(g, px, py);
  return hit ? seekTarget(g.model, hit) : boundaryAtX(g.model, g.xMode, g.scale.invert(px));
}

function markerHit(g: Geometry, px: number): Hit | null {
  const crash = nearestIndex(
    g.model.crashes.length,
    (k) => centreX(g, g.model.crashes[k]?.step ?? 0),
    px,
    8,
  );
  if (crash >= 0) return { kind: 'crash', index: crash };
  const v = nearestIndex(
    g.model.violations.length,
    (k) => g.scale(boundaryX(g.model, g.xMode, g.model.violations[k]?.boundary ?? 0)),
    px,
  );
  return v >= 0 ? { kind: 'violation', index: v } : null;
}

function actorHit(g: Geometry, lane: ActorLane, px: number): Hit | null {
  const crash = g.model.crashes.findIndex(
    (c) => c.actor === lane.actor && Math.abs(centreX(g, c.step) - px) <= 8,
  );
  if (crash >= 0) return { kind: 'crash', index: crash };
  const marks = laneExtents(g.model, g.xMode, lane.steps);
  const k = nearestExtent(marks, g.scale, px);
  return k < 0 ? null : { kind: 'step', step: lane.steps[k] as number, laneId: lane.id };
}

/** The mark whose pixel extent holds px, else the nearest within tolerance, else -1. */
function nearestExtent(marks: XExtents, scale: XScale, px: number): number {
  const x = scale.invert(px);
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks.end(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestDist = TOLERANCE_PX;
  for (const k of [lo - 1, lo]) {
    if (k < 0 || k >= marks.length) continue;
    const a = scale(marks.start(k));
    const b = Math.max(scale(marks.end(k)), a + 2);
    const dist = px < a ? a - px : px > b ? px - b : 0;
    if (dist <= bestDist) {
      best = k;
      bestDist = dist;
    }
  }
  return best;
}

/** Index of the item whose pixel x (ascending in k) is nearest px within tolerance, else -1. */
function nearestIndex(
  n: number,
  xOf: (k: number) => number,
  px: number,
  tol = TOLERANCE_PX,
): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xOf(mid) < px) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestDist = tol;
  for (const k of [lo - 1, lo]) {
    if (k < 0 || k >= n) continue;
    const d = Math.abs(xOf(k) - px);
    if (d <= bestDist) {
      best = k;
      bestDist = d;
    }
  }
  return best;
}

/** Pixel x of the middle of step `i`. */
export function centreX(g: Geometry, i: number): number {
  return (g.scale(stepStartX(g.model, g.xMode, i)) + g.scale(stepEndX(g.model, g.xMode, i))) / 2;
}

/** The box to outline for a hit, and to place its tooltip by. */
export function hitBox(g: Geometry, hit: Hit): Box | null {
  switch (hit.kind) {
    case 'crash':
      return crashBox(g, hit.index);
    case 'violation':
      return violationBox(g, hit.index);
    case 'outside':
    case 'dict-point':
      return pointBox(g, hit);
    default:
      return spanBox(g, hit);
  }
}

type LaneHit<K extends Hit['kind']> = Extract<Hit, { readonly kind: K; readonly laneId: string }>;

/** The band above the lanes where crashes and broken invariants are marked. */
function markerBand(g: Geometry): { y: number; h: number } {
  return { y: 2, h: g.layout.markerBandPx - 4 };
}

/** On the crashed thread's row, or in the marker band when that row is not shown. */
function crashBox(g: Geometry, index: number): Box {
  const c = g.model.crashes[index];
  const row = c && g.layout.rowById.get(`actor:${c.actor}`);
  const x = c ? centreX(g, c.step) : 0;
  return row
    ? { x: x - 8, y: row.y + row.height / 2 - 8, w: 16, h: 16 }
    : { x: x - 8, ...markerBand(g), w: 16 };
}

function violationBox(g: Geometry, index: number): Box {
  const v = g.model.violations[index];
  return { x: g.scale(boundaryX(g.model, g.xMode, v?.boundary ?? 0)) - 6, ...markerBand(g), w: 12 };
}

/** A mark at one step: an outside event, or a dict operation (in the dict row's upper part). */
function pointBox(g: Geometry, hit: LaneHit<'outside' | 'dict-point'>): Box | null {
  const lane = g.model.lanes.find((l) => l.id === hit.laneId);
  const step =
    lane?.kind === 'outside'
      ? lane.marks[hit.index]?.step
      : lane?.kind === 'dict'
        ? lane.points[hit.index]?.step
        : undefined;
  if (step === undefined) return null;
  const row = g.layout.rowById.get(hit.laneId);
  const x = centreX(g, step);
  return row
    ? { x: x - 6, y: row.y + 2, w: 12, h: (lane?.kind === 'dict' ? 0.6 : 1) * row.height - 4 }
    : null;
}

/** Where along x a span lies, and which band of its row it fills (as fractions of the row). */
interface Span {
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  readonly frac: number;
}

/** A mark that spans x: a step, a state's interval, an iterator's life, a lock's hold. */
function spanBox(g: Geometry, hit: LaneHit<'step' | 'state' | 'iterator' | 'lock'>): Box | null {
  const span = spanOf(g, hit);
  const row = span && g.layout.rowById.get(hit.laneId);
  if (!span || !row) return null;
  const a = g.scale(span.x0);
  const b = Math.max(g.scale(span.x1), a + 3);
  return { x: a, y: row.y + 2 + span.top * row.height, w: b - a, h: row.height * span.frac - 4 };
}

function spanOf(g: Geometry, hit: LaneHit<'step' | 'state' | 'iterator' | 'lock'>): Span | null {
  const { model, xMode } = g;
  const whole = (x0: number, x1: number): Span => ({ x0, x1, top: 0, frac: 1 });
  if (hit.kind === 'step')
    return whole(stepStartX(model, xMode, hit.step), stepEndX(model, xMode, hit.step));
  const lane = model.lanes.find((l) => l.id === hit.laneId);
  switch (hit.kind) {
    case 'state': {
      const v = lane?.kind === 'state' ? lane.intervals[hit.index] : undefined;
      if (!v) return null;
      return whole(boundaryX(model, xMode, v.fromBoundary), boundaryX(model, xMode, v.toBoundary));
    }
    case 'iterator': {
      const s = lane?.kind === 'dict' ? lane.iterators[hit.index] : undefined;
      if (!s) return null;
      // Iterators are drawn in the lower part of the dict's row, under its size line.
      const x0 = stepStartX(model, xMode, s.fromStep);
      return { x0, x1: stepEndX(model, xMode, s.toStep), top: 0.6, frac: 0.4 };
    }
    case 'lock': {
      const h = lane?.kind === 'lock' ? lane.holds[hit.index] : undefined;
      if (!h) return null;
      const end = h.toStep === null ? model.steps.count : h.toStep + 1;
      return whole(boundaryX(model, xMode, h.fromStep), boundaryX(model, xMode, end));
    }
  }
}
