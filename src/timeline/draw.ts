/**
 * The renderer: paints one frame of the timeline through a `Painter` (the
 * screen's canvas, a PNG export's canvas or the SVG export) from a readonly
 * render context. It draws only what meets the visible window: the visible
 * step range is two binary searches, and each lane renderer (draw-lanes.ts)
 * searches its own marks within it. Nothing here reads the DOM or React.
 */
import { assertUnreachable } from '../engine/index.ts';
import {
  cross,
  drawActorLane,
  drawDictLane,
  drawLockLane,
  drawOutsideLane,
  drawStateLane,
  type Linear,
  type StepWindow,
} from './draw-lanes.ts';
import { centreX, hitBox, type Geometry, type Hit } from './hit.ts';
import type { ConflictArrow } from './model.ts';
import { drawCollision, drawNotes, type TimelineMarks } from './marks.ts';
import type { Painter } from './painter.ts';
import { stepExtents, visibleRange, type XScale } from './scales.ts';
import type { TimelineTheme } from './theme.ts';
import { boundaryX } from './xmap.ts';

export interface RenderContext extends Geometry {
  readonly painter: Painter;
  /** Plot size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly theme: TimelineTheme;
  /** The cursor: a step boundary in [0, count]. */
  readonly cursor: number;
  readonly hover: Hit | null;
  /** The lab's collision arrow and pinned notes; none in exports. */
  readonly marks?: TimelineMarks;
}

/** Arrows beyond this many in view are not drawn (they would be a smear, not a story). */
const MAX_ARROWS = 150;

export function drawTimeline(rc: RenderContext): void {
  const { painter: p, theme, layout } = rc;
  p.rect(0, 0, rc.width, rc.height, theme.bg);
  layout.rows.forEach((row, k) => {
    if (k % 2 === 1) p.rect(0, row.y, rc.width, row.height, theme.rowAlt);
  });
  drawGrid(rc);
  const lin = linearOf(rc.scale);
  const range = visibleRange(rc.scale, stepExtents(rc.model, rc.xMode), 2);
  const win: StepWindow = { s0: range.start, s1: range.end };
  for (const row of layout.rows) {
    const lane = row.lane;
    switch (lane.kind) {
      case 'actor':
        drawActorLane(rc, row, lane, lin, win);
        break;
      case 'outside':
        drawOutsideLane(rc, row, lane, lin, win);
        break;
      case 'state':
        drawStateLane(rc, row, lane, lin, win);
        break;
      case 'dict':
        drawDictLane(rc, row, lane, lin, win);
        break;
      case 'lock':
        drawLockLane(rc, row, lane, lin, win);
        break;
      default:
        assertUnreachable(lane);
    }
  }
  drawArrows(rc, win);
  // Labels in the marker band must not overlap: the crash's is placed first and wins.
  const taken: [number, number][] = [];
  drawCrashes(rc, taken);
  drawViolations(rc, taken);
  if (rc.marks?.collision) drawCollision(rc, rc.marks.collision);
  if (rc.marks && rc.marks.notes.length > 0) drawNotes(rc, rc.marks.notes);
  drawCursor(rc);
  if (rc.hover) {
    const box = hitBox(rc, rc.hover);
    if (box) p.strokeRect(box.x - 1, box.y - 1, box.w + 2, box.h + 2, theme.hover, 1.5);
  }
}

/** The scale as pixel = a * x + b (d3's linear scale without clamping is exactly this). */
export function linearOf(scale: XScale): Linear {
  const [d0, d1] = scale.domain() as [number, number];
  const [r0, r1] = scale.range() as [number, number];
  const a = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return { a, b: r0 - a * d0 };
}

/** Tick values for the grid: whole steps in step mode. */
export function tickValues(scale: XScale, widthPx: number, xMode: Geometry['xMode']): number[] {
  const ticks = scale.ticks(Math.max(2, Math.floor(widthPx / 90)));
  return xMode === 'step' ? ticks.filter((t) => Number.isInteger(t)) : ticks;
}

/** Tick values that get a label: those whose centred label fits inside the right edge. */
export function axisTicks(scale: XScale, widthPx: number, xMode: Geometry['xMode']): number[] {
  return tickValues(scale, widthPx, xMode).filter((t) => scale(t) <= widthPx - 12);
}

function drawGrid(rc: RenderContext): void {
  for (const t of tickValues(rc.scale, rc.width, rc.xMode)) {
    const x = Math.round(rc.scale(t)) + 0.5;
    rc.painter.line(x, rc.layout.markerBandPx, x, rc.height, rc.theme.grid, 1);
  }
}

function drawArrows(rc: RenderContext, win: StepWindow): void {
  const { model, layout, theme, painter: p } = rc;
  const inView = arrowsInView(model.arrows, win, model.maxArrowSpan);
  // Beyond the cap only the arrows into a crash are drawn: hundreds of curves are a smear, not a story.
  const crashOnly = inView.length > MAX_ARROWS;
  for (const a of inView) {
    if (crashOnly && a.kind !== 'crash') continue;
    const shared = layout.rowById.get(a.laneId);
    const fromRow = layout.rowById.get(`actor:${a.fromActor}`) ?? shared;
    const toRow = layout.rowById.get(`actor:${a.toActor}`) ?? shared;
    if (!fromRow || !toRow) continue;
    const x0 = centreX(rc, a.fromStep);
    const x1 = centreX(rc, a.toStep);
    // Ends on the top edge of the marks, so the arrow does not hide their labels.
    const y0 = fromRow.y + 4;
    const y1 = toRow.y + 4;
    const colour = a.raised ? theme.crash : theme.arrow;
    const cx = (x0 + x1) / 2 + (Math.abs(x1 - x0) < 8 ? 24 : 0);
    const cy = Math.min(y0, y1) - 16;
    p.curve(x0, y0, cx, cy, x1, y1, colour, 1.5);
    arrowHead(p, cx, cy, x1, y1, colour);
    p.circle(x0, y0, 2.5, colour);
    if (shared) {
      const ys = shared.y + shared.height / 2;
      p.circle(x0, ys, 2.5, colour);
      p.circle(x1, ys, 2.5, colour);
    }
  }
}

/** Arrows meeting the visible steps (arrows are sorted by toStep), at most MAX_ARROWS + 1 plus every crash arrow. */
function arrowsInView(
  arrows: RenderContext['model']['arrows'],
  win: StepWindow,
  maxSpan: number,
): ConflictArrow[] {
  let lo = 0;
  let hi = arrows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arrows[mid]?.toStep ?? 0) < win.s0) lo = mid + 1;
    else hi = mid;
  }
  const out: ConflictArrow[] = [];
  let plain = 0;
  for (let k = lo; k < arrows.length; k++) {
    const a = arrows[k];
    if (!a || a.toStep > win.s1 + maxSpan) break;
    if (a.fromStep > win.s1) continue;
    if (a.kind !== 'crash') {
      if (plain > MAX_ARROWS) continue;
      plain++;
    }
    out.push(a);
  }
  return out;
}

function arrowHead(
  p: Painter,
  fromX: number,
  fromY: number,
  x: number,
  y: number,
  colour: string,
): void {
  const angle = Math.atan2(y - fromY, x - fromX);
  const size = 7;
  const spread = 0.45;
  p.polygon(
    [
      x,
      y,
      x - size * Math.cos(angle - spread),
      y - size * Math.sin(angle - spread),
      x - size * Math.cos(angle + spread),
      y - size * Math.sin(angle + spread),
    ],
    colour,
  );
}

function drawViolations(rc: RenderContext, taken: [number, number][]): void {
  const { painter: p, model, theme, layout } = rc;
  const xs = model.violations.map((v) => rc.scale(boundaryX(model, rc.xMode, v.boundary)));
  xs.forEach((x, k) => {
    if (x < -40 || x > rc.width + 40) return;
    p.line(x, layout.markerBandPx, x, rc.height, theme.violation, 1, [2, 3]);
    p.polygon([x - 5, 2, x + 5, 2, x, 12], theme.violation);
    const label = model.violations[k]?.invariant ?? '';
    const next = xs[k + 1] ?? Infinity;
    const w = p.measure(label);
    const clear = taken.every(([a, b]) => x + 7 > b + 4 || x + 7 + w < a - 4);
    if (clear && w + 12 < next - x) {
      p.text(label, x + 7, 8, theme.violation, 'left', true);
      taken.push([x + 7, x + 7 + w]);
    }
  });
}

function drawCrashes(rc: RenderContext, taken: [number, number][]): void {
  const { painter: p, model, theme, layout } = rc;
  const band = layout.markerBandPx;
  model.crashes.forEach((c, k) => {
    const x = centreX(rc, c.step);
    const row = layout.rowById.get(`actor:${c.actor}`);
    if (x < 0 || x > rc.width) {
      if (k === 0) {
        const left = x < 0;
        p.text(
          left ? '\u25c0 crash' : 'crash \u25b6',
          left ? 4 : rc.width - 4,
          band / 2,
          theme.crash,
          left ? 'left' : 'right',
          true,
        );
      }
      return;
    }
    p.line(x, band, x, rc.height, theme.crash, 1.5, [5, 3]);
    if (row) {
      const cy = row.y + row.height / 2;
      p.circle(x, cy, 10, theme.bg);
      p.circle(x, cy, 8, theme.crash);
      cross(rc, x, cy, 3.5, theme.onCrash);
    }
    const label = `${c.type} in ${c.actor}`;
    const w = p.measure(label);
    const right = x + 10 + w < rc.width;
    p.text(label, right ? x + 8 : x - 8, band / 2, theme.crash, right ? 'left' : 'right', true);
    taken.push(right ? [x + 8, x + 8 + w] : [x - 8 - w, x - 8]);
  });
}

function drawCursor(rc: RenderContext): void {
  const { painter: p, model, theme, layout } = rc;
  const x = rc.scale(boundaryX(model, rc.xMode, rc.cursor));
  const current = rc.cursor - 1;
  if (current >= 0 && current < model.steps.count) {
    const actor = model.actors[model.steps.actor[current] as number];
    const box =
      actor === undefined
        ? null
        : hitBox(rc, { kind: 'step', step: current, laneId: `actor:${actor}` });
    if (box) p.strokeRect(box.x - 1.5, box.y - 1.5, box.w + 3, box.h + 3, theme.cursor, 2);
  }
  if (x < -2 || x > rc.width + 2) return;
  p.line(x, 0, x, rc.height, theme.cursor, 2);
  const band = layout.markerBandPx;
  p.polygon([x - 6, band - 9, x + 6, band - 9, x, band - 1], theme.cursor);
}
