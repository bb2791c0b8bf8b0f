/**
 * Vertical layout of the plot: a band at the top for markers (violations, the
 * crash label, the cursor handle), then one row per lane. Pure numbers, shared
 * by the canvas renderer, the SVG export, the hit test and the HTML lane labels.
 */
import type { Lane, TimelineModel } from './model.ts';

export const MARKER_BAND_PX = 20;

const ROW_HEIGHT_PX: Readonly<Record<Lane['kind'], number>> = Object.freeze({
  actor: 24,
  outside: 24,
  state: 24,
  dict: 44,
  lock: 20,
});

export interface LaneRow {
  readonly lane: Lane;
  readonly index: number;
  readonly y: number;
  readonly height: number;
}

export interface TimelineLayout {
  readonly markerBandPx: number;
  readonly rows: readonly LaneRow[];
  readonly rowById: ReadonlyMap<string, LaneRow>;
  /** Height of the plot: the marker band plus every row. */
  readonly heightPx: number;
}

export function layoutLanes(model: TimelineModel): TimelineLayout {
  const rows: LaneRow[] = [];
  let y = MARKER_BAND_PX;
  model.lanes.forEach((lane, index) => {
    const height = ROW_HEIGHT_PX[lane.kind];
    rows.push({ lane, index, y, height });
    y += height;
  });
  return {
    markerBandPx: MARKER_BAND_PX,
    rows,
    rowById: new Map(rows.map((r) => [r.lane.id, r])),
    heightPx: y,
  };
}

/** The row under plot y, or null (the marker band, or below the last row). */
export function rowAtY(layout: TimelineLayout, y: number): LaneRow | null {
  for (const row of layout.rows) if (y >= row.y && y < row.y + row.height) return row;
  return null;
}

/** The row an actor's steps are drawn in. */
export function actorRow(layout: TimelineLayout, actor: string): LaneRow | undefined {
  return layout.rowById.get(`actor:${actor}`);
}
