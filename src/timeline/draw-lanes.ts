/**
 * Lane renderers: each receives the readonly render context and one row, and
 * paints only the marks inside the visible step range (found by binary
 * search). Marks narrower than a pixel are merged into runs, so a frame costs
 * at most a few rectangles per pixel column however many steps are visible.
 */
import type { DictLane, IterSpan, LockLane } from '../analysis/dict-lanes.ts';
import type { RenderContext } from './draw.ts';
import type { LaneRow } from './layout.ts';
import type { Painter } from './painter.ts';
import type { ActorLane, OutsideLane, StateLane } from './model.ts';
import { firstIndex, lowerBound } from '../analysis/search.ts';
import { actorColour, isOffValue } from './theme.ts';
import { boundaryX, stepEndX, stepStartX } from './xmap.ts';

/** Pixel x = a * domain x + b: the scale flattened to two numbers for the hot loops. */
export interface Linear {
  readonly a: number;
  readonly b: number;
}

/** Visible step indices [s0, s1). */
export interface StepWindow {
  readonly s0: number;
  readonly s1: number;
}

const LABEL_PAD_PX = 4;
/** Marks closer than this are drawn as plain rectangles instead of shapes. */
const SHAPE_GAP_PX = 8;

export function drawActorLane(
  rc: RenderContext,
  row: LaneRow,
  lane: ActorLane,
  lin: Linear,
  win: StepWindow,
): void {
  const { painter: p, model, xMode } = rc;
  const colour = actorColour(rc.theme, lane.actorIndex);
  const k0 = lowerBound(lane.steps, win.s0);
  const k1 = lowerBound(lane.steps, win.s1);
  const starts = xMode === 'time' ? model.steps.startMs : null;
  const ends = xMode === 'time' ? model.steps.endMs : null;
  const y = row.y + 4;
  const h = row.height - 8;
  let runA = 0;
  let runB = -Infinity;
  let labelled = 0;
  for (let k = k0; k < k1; k++) {
    const i = lane.steps[k] as number;
    const xa = lin.a * (starts ? (starts[i] as number) : i) + lin.b;
    let xb = lin.a * (ends ? (ends[i] as number) : i + 1) + lin.b;
    if (xb - xa < 1.5) xb = xa + 1.5;
    if (xb - xa >= 6) xb -= 1;
    if (xb - xa >= 40 && labelled < 200) {
      labelled++;
      const text = shortAt(model.steps.at[i] ?? '');
      if (p.measure(text) + 2 * LABEL_PAD_PX <= xb - xa) {
        p.rect(xa, y, xb - xa, h, colour);
        p.text(text, xa + LABEL_PAD_PX, y + h / 2, rc.theme.bg, 'left');
        continue;
      }
    }
    if (xa <= runB) {
      if (xb > runB) runB = xb;
    } else {
      if (runB > -Infinity) p.rect(runA, y, runB - runA, h, colour);
      runA = xa;
      runB = xb;
    }
  }
  if (runB > -Infinity) p.rect(runA, y, runB - runA, h, colour);
  const e0 = lowerBound(lane.exceptions, win.s0);
  const e1 = lowerBound(lane.exceptions, win.s1);
  let lastX = -Infinity;
  for (let k = e0; k < e1; k++) {
    const i = lane.exceptions[k] as number;
    const x = lin.a * stepEndX(model, xMode, i) + lin.b;
    if (x - lastX < 3) continue;
    // A triangle where there is room; a cheap square where they crowd (paths are slow to rasterise).
    if (x - lastX >= SHAPE_GAP_PX) p.polygon([x, y - 3, x - 5, y - 3, x, y + 3], rc.theme.crash);
    else p.rect(x - 2, y - 3, 3, 4, rc.theme.crash);
    lastX = x;
  }
}

/** The anchor part of an instruction's `listing:anchor`, which names the line. */
export function shortAt(at: string): string {
  const i = at.lastIndexOf(':');
  return i < 0 ? at : at.slice(i + 1);
}

export function drawOutsideLane(
  rc: RenderContext,
  row: LaneRow,
  lane: OutsideLane,
  lin: Linear,
  win: StepWindow,
): void {
  const { painter: p, model, xMode, theme } = rc;
  const marks = lane.marks;
  const k0 = firstIndex(marks.length, (k) => (marks[k]?.step ?? 0) >= win.s0);
  const k1 = firstIndex(marks.length, (k) => (marks[k]?.step ?? 0) >= win.s1);
  const cy = row.y + row.height / 2;
  let lastX = -Infinity;
  for (let k = k0; k < k1; k++) {
    const m = marks[k];
    if (!m) continue;
    const x =
      lin.a * ((stepStartX(model, xMode, m.step) + stepEndX(model, xMode, m.step)) / 2) + lin.b;
    if (x - lastX < 2) continue;
    const next = marks[k + 1];
    const nextX = next ? lin.a * stepStartX(model, xMode, next.step) + lin.b : Infinity;
    if (x - lastX >= SHAPE_GAP_PX && nextX - x >= SHAPE_GAP_PX)
      p.polygon([x, cy - 6, x + 6, cy, x, cy + 6, x - 6, cy], theme.outside);
    else p.rect(x - 1, cy - 6, 2, 12, theme.outside);
    lastX = x;
    const room = next ? nextX - x - 14 : rc.width - x;
    if (room >= 20 && p.measure(m.label) <= room) p.text(m.label, x + 9, cy, theme.text, 'left');
  }
}

export function drawStateLane(
  rc: RenderContext,
  row: LaneRow,
  lane: StateLane,
  lin: Linear,
  win: StepWindow,
): void {
  const { painter: p, model, xMode, theme } = rc;
  const list = lane.intervals;
  const k0 = firstIndex(list.length, (k) => (list[k]?.toBoundary ?? 0) >= win.s0);
  const k1 = firstIndex(list.length, (k) => (list[k]?.fromBoundary ?? 0) > win.s1);
  const y = row.y + 4;
  const h = row.height - 8;
  // Values narrower than 2px merge into one "busy" bar: the value flipped faster than the view can show.
  let busyA = NaN;
  let busyB = NaN;
  const flushBusy = (): void => {
    if (!Number.isNaN(busyA))
      p.rect(busyA, y + h / 4, Math.max(1, busyB - busyA), h / 2, theme.stateOn);
    busyA = busyB = NaN;
  };
  for (let k = k0; k < k1; k++) {
    const v = list[k];
    if (!v) continue;
    const xa = lin.a * boundaryX(model, xMode, v.fromBoundary) + lin.b;
    let xb = lin.a * boundaryX(model, xMode, v.toBoundary) + lin.b;
    if (xb - xa < 2) {
      if (Number.isNaN(busyA)) busyA = xa;
      busyB = xb;
      continue;
    }
    flushBusy();
    const off = isOffValue(v.value);
    if (xb - xa >= 6) xb -= 1;
    p.rect(xa, y, xb - xa, h, off ? theme.stateOff : theme.stateOn);
    if (v.setBy && xb - xa >= 12) {
      p.rect(xa, y, 3, h, actorColour(theme, model.actors.indexOf(v.setBy.actor)));
    }
    if (xb - xa >= 20 && p.measure(v.value) + 2 * LABEL_PAD_PX + 3 <= xb - xa) {
      p.text(
        v.value,
        Math.max(xa, 0) + LABEL_PAD_PX + 3,
        y + h / 2,
        off ? theme.text : theme.bg,
        'left',
      );
    }
  }
  flushBusy();
}

export function drawDictLane(
  rc: RenderContext,
  row: LaneRow,
  lane: DictLane,
  lin: Linear,
  win: StepWindow,
): void {
  const { painter: p, model, xMode, theme } = rc;
  const points = lane.points;
  const top = row.y + 3;
  const hTop = row.height * 0.6 - 5;
  const yOf = (size: number): number => top + hTop - (size / Math.max(1, lane.maxSize)) * hTop;
  const k0 = firstIndex(points.length, (k) => (points[k]?.step ?? 0) >= win.s0);
  const k1 = firstIndex(points.length, (k) => (points[k]?.step ?? 0) >= win.s1);
  // Many points per pixel: paint each pixel column's range as one rectangle (rasterises fast);
  // few: one step-after polyline.
  const dense = k1 - k0 > rc.width / 4;
  const line = dense ? new BandLine(p, theme.dictLine, 1.5) : new Decimator();
  const before = points[k0 - 1];
  if (before) line.add(lin.a * boundaryX(model, xMode, before.step + 1) + lin.b, yOf(before.size));
  let lastTick = -Infinity;
  for (let k = k0; k < k1; k++) {
    const pt = points[k];
    if (!pt) continue;
    const x = lin.a * boundaryX(model, xMode, pt.step + 1) + lin.b;
    line.add(x, yOf(pt.size));
    if (pt.sizeChanged && x - lastTick >= 3) {
      lastTick = x;
      p.rect(x - 1, top + hTop - 3, 2, 4, actorColour(theme, model.actors.indexOf(pt.actor)));
    }
  }
  const endX = Math.min(rc.width, lin.a * boundaryX(model, xMode, model.steps.count) + lin.b);
  if (line instanceof BandLine) line.finish(endX);
  else p.polyline(line.finish(endX), theme.dictLine, 1.5);
  drawIterators(rc, row, lane, lin, win);
}

function drawIterators(
  rc: RenderContext,
  row: LaneRow,
  lane: DictLane,
  lin: Linear,
  win: StepWindow,
): void {
  const { painter: p, model, xMode, theme } = rc;
  const y = row.y + row.height * 0.6;
  const h = row.height * 0.4 - 3;
  const spans = lane.iterators;
  const maxLen = maxSpanLength(lane);
  const k0 = firstIndex(spans.length, (k) => (spans[k]?.fromStep ?? 0) >= win.s0 - maxLen);
  let runA = 0;
  let runB = -Infinity;
  const failures: number[] = [];
  for (let k = k0; k < spans.length; k++) {
    const s = spans[k];
    if (!s || s.fromStep >= win.s1) break;
    if (s.toStep < win.s0) continue;
    const xa = lin.a * stepStartX(model, xMode, s.fromStep) + lin.b;
    const xb = Math.max(xa + 1, lin.a * stepEndX(model, xMode, s.toStep) + lin.b);
    if (s.failedStep !== null) {
      failures.push(
        lin.a *
          ((stepStartX(model, xMode, s.failedStep) + stepEndX(model, xMode, s.failedStep)) / 2) +
          lin.b,
      );
    }
    if (xb - xa >= 3) {
      p.rect(xa, y, xb - xa, h, theme.iter);
      drawStaleSize(rc, lane, s, lin, y, h);
      if (xb - xa >= 80) {
        const text = `${s.actor} iter (recorded ${s.recordedSize})`;
        if (p.measure(text) + 2 * LABEL_PAD_PX <= xb - xa)
          p.text(text, xa + LABEL_PAD_PX, y + h / 2, theme.bg, 'left');
      }
    } else if (xa > runB + 0.5) {
      // Too narrow to show its inside: merged with its neighbours into one bar.
      if (runB > -Infinity) p.rect(runA, y, runB - runA, h, theme.iter);
      runA = xa;
      runB = xb;
    } else {
      runB = Math.max(runB, xb);
    }
  }
  if (runB > -Infinity) p.rect(runA, y, runB - runA, h, theme.iter);
  let last = -Infinity;
  for (const x of failures.sort((a, b) => a - b)) {
    if (x - last < 3) continue;
    if (x - last >= SHAPE_GAP_PX) cross(rc, x, y + h / 2, 4, theme.iterBad);
    else p.rect(x - 1, y, 2, h, theme.iterBad);
    last = x;
  }
}

/** Paints the stretches of an iterator's life where the dict's size differs from the size it recorded. */
function drawStaleSize(
  rc: RenderContext,
  lane: DictLane,
  s: IterSpan,
  lin: Linear,
  y: number,
  h: number,
): void {
  const { painter: p, model, xMode, theme } = rc;
  const points = lane.points;
  const end = stepEndX(model, xMode, s.toStep);
  let k = firstIndex(points.length, (j) => (points[j]?.step ?? 0) > s.fromStep);
  let staleFrom: number | null = null;
  for (; k < points.length; k++) {
    const pt = points[k];
    if (!pt || pt.step > s.toStep) break;
    const x = boundaryX(model, xMode, pt.step + 1);
    const stale = pt.size !== s.recordedSize;
    if (stale && staleFrom === null) staleFrom = Math.min(x, end);
    if (!stale && staleFrom !== null) {
      p.rect(lin.a * staleFrom + lin.b, y, lin.a * (x - staleFrom), h, theme.iterBad);
      staleFrom = null;
    }
  }
  if (staleFrom !== null)
    p.rect(lin.a * staleFrom + lin.b, y, Math.max(2, lin.a * (end - staleFrom)), h, theme.iterBad);
}

const spanLengths = new WeakMap<DictLane, number>();
function maxSpanLength(lane: DictLane): number {
  let n = spanLengths.get(lane);
  if (n === undefined) {
    n = 0;
    for (const s of lane.iterators) n = Math.max(n, s.toStep - s.fromStep);
    spanLengths.set(lane, n);
  }
  return n;
}

export function drawLockLane(
  rc: RenderContext,
  row: LaneRow,
  lane: LockLane,
  lin: Linear,
  win: StepWindow,
): void {
  const { painter: p, model, xMode, theme } = rc;
  const y = row.y + 4;
  const h = row.height - 8;
  const holds = lane.holds;
  const k0 = firstIndex(holds.length, (k) => (holds[k]?.toStep ?? Infinity) >= win.s0);
  let coveredTo = -Infinity;
  for (let k = k0; k < holds.length; k++) {
    const hold = holds[k];
    if (!hold || hold.fromStep >= win.s1) break;
    const xa = lin.a * stepStartX(model, xMode, hold.fromStep) + lin.b;
    const to =
      hold.toStep === null
        ? boundaryX(model, xMode, model.steps.count)
        : stepEndX(model, xMode, hold.toStep);
    const xb = Math.max(xa + 1, lin.a * to + lin.b);
    if (xb <= coveredTo + 0.5) continue;
    coveredTo = xb;
    p.rect(xa, y, xb - xa, h, actorColour(theme, model.actors.indexOf(hold.actor)));
    if (xb - xa >= 30 && p.measure(hold.actor) + 2 * LABEL_PAD_PX <= xb - xa) {
      p.text(hold.actor, xa + LABEL_PAD_PX, y + h / 2, theme.bg, 'left');
    }
  }
  let lastWait = -Infinity;
  const w0 = firstIndex(lane.waits.length, (k) => (lane.waits[k]?.step ?? 0) >= win.s0);
  for (let k = w0; k < lane.waits.length; k++) {
    const w = lane.waits[k];
    if (!w || w.step >= win.s1) break;
    const x = lin.a * stepStartX(model, xMode, w.step) + lin.b;
    if (x - lastWait < 3) continue;
    lastWait = x;
    p.rect(x, y, 1, h, theme.textMuted);
  }
}

export function cross(rc: RenderContext, x: number, y: number, r: number, colour: string): void {
  rc.painter.line(x - r, y - r, x + r, y + r, colour, 2);
  rc.painter.line(x - r, y + r, x + r, y - r, colour, 2);
}

/**
 * Builds a step-after polyline with at most four vertices per pixel column:
 * within one column it keeps only the lowest, highest and last values.
 */
class Decimator {
  private readonly out: number[] = [];
  private colX = NaN;
  private lastY = 0;
  private minY = 0;
  private maxY = 0;

  add(x: number, y: number): void {
    if (Number.isNaN(this.colX)) {
      this.colX = x;
      this.lastY = this.minY = this.maxY = y;
      this.out.push(x, y);
      return;
    }
    if (x - this.colX >= 1) {
      this.flushColumn();
      this.out.push(x, this.lastY);
      this.colX = x;
      this.minY = this.maxY = this.lastY;
    }
    this.lastY = y;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }

  finish(endX: number): number[] {
    if (Number.isNaN(this.colX)) return this.out;
    this.flushColumn();
    if (endX > this.colX) this.out.push(endX, this.lastY);
    return this.out;
  }

  private flushColumn(): void {
    if (this.minY !== this.maxY) this.out.push(this.colX, this.minY, this.colX, this.maxY);
    this.out.push(this.colX, this.lastY);
  }
}

/**
 * A step-after line drawn as rectangles: per pixel column one bar over the
 * range of values the column saw, and flat stretches merged into one bar.
 */
class BandLine {
  private col = NaN;
  private lo = 0;
  private hi = 0;
  private last = 0;
  private runX = NaN;
  private runEnd = 0;
  private runY = 0;
  private readonly half: number;

  constructor(
    private readonly p: Painter,
    private readonly colour: string,
    private readonly width: number,
  ) {
    this.half = width / 2;
  }

  add(x: number, y: number): void {
    const c = Math.floor(x);
    if (c !== this.col) {
      if (!Number.isNaN(this.col)) {
        this.band();
        if (c > this.col + 1) this.flat(this.col + 1, c, this.last);
      } else {
        this.last = y;
      }
      this.col = c;
      this.lo = this.hi = this.last;
    }
    this.last = y;
    if (y < this.lo) this.lo = y;
    if (y > this.hi) this.hi = y;
  }

  finish(endX: number): void {
    if (Number.isNaN(this.col)) return;
    this.band();
    if (endX > this.col + 1) this.flat(this.col + 1, endX, this.last);
    this.flushRun();
  }

  private band(): void {
    if (this.lo === this.hi) {
      this.flat(this.col, this.col + 1, this.lo);
      return;
    }
    this.flushRun();
    this.p.rect(this.col, this.lo - this.half, 1, this.hi - this.lo + this.width, this.colour);
  }

  private flat(x0: number, x1: number, y: number): void {
    if (!Number.isNaN(this.runX) && y === this.runY && x0 <= this.runEnd) {
      this.runEnd = Math.max(this.runEnd, x1);
      return;
    }
    this.flushRun();
    this.runX = x0;
    this.runEnd = x1;
    this.runY = y;
  }

  private flushRun(): void {
    if (!Number.isNaN(this.runX))
      this.p.rect(
        this.runX,
        this.runY - this.half,
        this.runEnd - this.runX,
        this.width,
        this.colour,
      );
    this.runX = NaN;
  }
}
