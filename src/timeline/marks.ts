/**
 * What the timeline draws over a run besides its own lanes: the collision the
 * lab explains (one arrow between the two steps of the race, thicker than the
 * conflict arrows, with a label) and the notes pinned to steps (a flag in the
 * marker band). Given by the page, not derived from the model, so the same
 * model draws with or without them (exports leave them out).
 */
import { centreX } from './hit.ts';
import type { RenderContext } from './draw.ts';
import { boundaryX } from './xmap.ts';

export interface CollisionArrow {
  /** Record index (0-based) of the earlier of the two steps. */
  readonly fromStep: number;
  readonly fromActor: string;
  /** Record index of the later step. */
  readonly toStep: number;
  readonly toActor: string;
  readonly label: string;
}

export interface NoteMark {
  /** A shown step: the state after this many steps (a cursor boundary). */
  readonly step: number;
  readonly text: string;
}

export interface TimelineMarks {
  readonly collision: CollisionArrow | null;
  readonly notes: readonly NoteMark[];
}

export const NO_MARKS: TimelineMarks = Object.freeze({ collision: null, notes: [] });

/** The collision arrow and its label, over everything else. */
export function drawCollision(rc: RenderContext, a: CollisionArrow): void {
  const { painter: p, layout, theme } = rc;
  const fromRow = layout.rowById.get(`actor:${a.fromActor}`);
  const toRow = layout.rowById.get(`actor:${a.toActor}`);
  if (!fromRow || !toRow) return;
  const x0 = centreX(rc, a.fromStep);
  const x1 = centreX(rc, a.toStep);
  if (Math.max(x0, x1) < 0 || Math.min(x0, x1) > rc.width) return;
  const y0 = fromRow.y + fromRow.height / 2;
  const y1 = toRow.y + toRow.height / 2;
  const cx = (x0 + x1) / 2 + (Math.abs(x1 - x0) < 8 ? 28 : 0);
  const cy = Math.min(y0, y1) - 22;
  p.curve(x0, y0, cx, cy, x1, y1, theme.bg, 6);
  p.curve(x0, y0, cx, cy, x1, y1, theme.crash, 3);
  const angle = Math.atan2(y1 - cy, x1 - cx);
  const size = 10;
  p.polygon(
    [
      x1,
      y1,
      x1 - size * Math.cos(angle - 0.45),
      y1 - size * Math.sin(angle - 0.45),
      x1 - size * Math.cos(angle + 0.45),
      y1 - size * Math.sin(angle + 0.45),
    ],
    theme.crash,
  );
  p.circle(x0, y0, 5, theme.crash);
  const w = p.measure(a.label);
  const lx = Math.max(4, Math.min(rc.width - w - 8, (x0 + x1) / 2 - w / 2));
  const ly = Math.max(layout.markerBandPx + 8, cy + 4);
  p.rect(lx - 4, ly - 9, w + 8, 18, theme.bg);
  p.strokeRect(lx - 4, ly - 9, w + 8, 18, theme.crash, 1);
  p.text(a.label, lx, ly, theme.crash, 'left', true);
}

/** A flag in the marker band at each note's step. */
export function drawNotes(rc: RenderContext, notes: readonly NoteMark[]): void {
  const { painter: p, theme, model } = rc;
  for (const note of notes) {
    if (note.step < 0 || note.step > model.steps.count) continue;
    const x = rc.scale(boundaryX(model, rc.xMode, note.step));
    if (x < -6 || x > rc.width + 6) continue;
    p.line(x, 2, x, rc.layout.markerBandPx + 4, theme.arrow, 1.5);
    p.polygon([x, 2, x + 10, 6, x, 10], theme.arrow);
  }
}
