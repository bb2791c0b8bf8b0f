/**
 * The slide's legend: one entry for every kind of mark the slide draws (and none
 * for marks it does not), each with a small drawing of the mark itself.
 */
import type { Collision } from '../../analysis/collision.ts';
import type { TimelineModel } from '../../timeline/model.ts';
import { actorColour, type TimelineTheme } from '../../timeline/theme.ts';
import type { PinnedNote } from '../../routes/notes.ts';
import type { SvgSlidePainter } from './slidePainter.ts';

export type LegendKind =
  | 'step'
  | 'cursor'
  | 'crash'
  | 'violation'
  | 'arrow'
  | 'raised'
  | 'collision'
  | 'state'
  | 'dict'
  | 'iterator'
  | 'outside'
  | 'lock'
  | 'note';

export interface LegendItem {
  readonly kind: LegendKind;
  readonly label: string;
}

const LABELS: Readonly<Record<LegendKind, string>> = {
  step: 'a step (colour = thread)',
  cursor: 'current step',
  crash: 'crash',
  violation: 'invariant broken',
  arrow: "write, then another thread's read",
  raised: 'write that made a read raise',
  collision: 'the collision: culprit → victim',
  state: 'shared state (value written)',
  dict: 'dict size',
  iterator: 'items iterator open',
  outside: 'outside event (rebalance, produce)',
  lock: 'lock held',
  note: 'pinned note',
};

interface LegendInput {
  readonly spec: {
    readonly cursor: number | null;
    readonly notes: readonly PinnedNote[];
    readonly collision: Collision | null;
  };
  readonly model: TimelineModel;
  readonly domain: readonly [number, number];
  readonly theme: TimelineTheme;
}

export function legendItems({ spec, model, domain }: LegendInput): LegendItem[] {
  const [d0, d1] = domain;
  const inStep = (i: number): boolean => i + 1 > d0 && i < d1;
  const laneIds = new Set(model.lanes.map((l) => l.id));
  const kinds = new Set(model.lanes.map((l) => l.kind));
  const used: LegendKind[] = [];
  if (kinds.has('actor')) used.push('step');
  if (spec.cursor !== null && spec.cursor >= d0 && spec.cursor <= d1) used.push('cursor');
  if (model.crashes.some((c) => inStep(c.step) && laneIds.has(`actor:${c.actor}`)))
    used.push('crash');
  if (model.violations.some((v) => v.boundary >= d0 && v.boundary <= d1)) used.push('violation');
  const arrows = model.arrows.filter((a) => a.fromStep < d1 && a.toStep + 1 > d0);
  if (arrows.some((a) => !a.raised)) used.push('arrow');
  if (arrows.some((a) => a.raised)) used.push('raised');
  const c = spec.collision;
  if (c && laneIds.has(`actor:${c.victim.actor}`) && laneIds.has(`actor:${c.culprit.actor}`))
    used.push('collision');
  if (kinds.has('state')) used.push('state');
  if (kinds.has('dict')) used.push('dict', 'iterator');
  if (kinds.has('outside')) used.push('outside');
  if (kinds.has('lock')) used.push('lock');
  if (spec.notes.length > 0) used.push('note');
  return used.map((kind) => ({ kind, label: LABELS[kind] }));
}

function itemWidth(p: SvgSlidePainter, item: LegendItem, f: number): number {
  return f * 2 + p.measure(item.label) + f * 1.4;
}

/** Rows of items that fit `width`. */
function rowsOf(
  p: SvgSlidePainter,
  items: readonly LegendItem[],
  width: number,
  f: number,
): LegendItem[][] {
  p.fontPx = f;
  const rows: LegendItem[][] = [];
  let row: LegendItem[] = [];
  let used = 0;
  for (const item of items) {
    const w = itemWidth(p, item, f);
    if (row.length > 0 && used + w > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(item);
    used += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

export function legendHeight(
  p: SvgSlidePainter,
  items: readonly LegendItem[],
  width: number,
  f: number,
): number {
  return rowsOf(p, items, width, f).length * f * 1.6;
}

export function drawLegend(
  p: SvgSlidePainter,
  items: readonly LegendItem[],
  x0: number,
  top: number,
  width: number,
  f: number,
  theme: TimelineTheme,
): void {
  rowsOf(p, items, width, f).forEach((row, r) => {
    let x = x0;
    const y = top + r * f * 1.6 + f * 0.8;
    for (const item of row) {
      GLYPHS[item.kind](p, x, y, f, theme);
      p.fontPx = f;
      p.text(item.label, x + f * 2, y, theme.text, 'left');
      x += itemWidth(p, item, f);
    }
  });
}

/** Draws a small picture of a mark at (x, y): f is the text size, the glyph is about 1.5 f wide. */
type Glyph = (p: SvgSlidePainter, x: number, y: number, f: number, t: TimelineTheme) => void;

/** A curved arrow, as the timeline draws a write-then-read and the collision. */
function arrowGlyph(colour: (t: TimelineTheme) => string, width: number): Glyph {
  return (p, x, y, f, t) => {
    const c = colour(t);
    p.curve(x, y + f * 0.4, x + f * 0.75, y - f * 0.6, x + f * 1.5, y + f * 0.4, c, width);
    p.polygon([x + f * 1.5, y + f * 0.4, x + f * 1.1, y + f * 0.1, x + f * 1.45, y - f * 0.05], c);
  };
}

const GLYPHS: Readonly<Record<LegendKind, Glyph>> = {
  step: (p, x, y, f, t) => {
    const h = f * 0.7;
    p.rect(x, y - h / 2, f * 0.7, h, actorColour(t, 0));
    p.rect(x + f * 0.8, y - h / 2, f * 0.7, h, actorColour(t, 1));
  },
  cursor: (p, x, y, f, t) =>
    p.line(x + f * 0.75, y - f * 0.6, x + f * 0.75, y + f * 0.6, t.cursor, 3),
  crash: (p, x, y, f, t) => {
    p.circle(x + f * 0.75, y, f * 0.5, t.crash);
    p.line(x + f * 0.55, y - f * 0.2, x + f * 0.95, y + f * 0.2, t.onCrash, 2);
    p.line(x + f * 0.55, y + f * 0.2, x + f * 0.95, y - f * 0.2, t.onCrash, 2);
  },
  violation: (p, x, y, f, t) =>
    p.polygon(
      [x + f * 0.35, y - f * 0.5, x + f * 1.15, y - f * 0.5, x + f * 0.75, y + f * 0.3],
      t.violation,
    ),
  arrow: arrowGlyph((t) => t.arrow, 1.5),
  raised: arrowGlyph((t) => t.crash, 1.5),
  collision: arrowGlyph((t) => t.crash, 3),
  state: (p, x, y, f, t) => p.rect(x, y - (f * 0.7) / 2, f * 1.5, f * 0.7, t.stateOn),
  dict: (p, x, y, f, t) =>
    p.polyline(
      [
        x,
        y + f * 0.3,
        x + f * 0.5,
        y + f * 0.3,
        x + f * 0.5,
        y - f * 0.3,
        x + f * 1.5,
        y - f * 0.3,
      ],
      t.dictLine,
      2,
    ),
  iterator: (p, x, y, f, t) => p.rect(x, y - f * 0.15, f * 1.5, f * 0.3, t.iter),
  outside: (p, x, y, f, t) =>
    p.polygon(
      [x + f * 0.75, y - f * 0.5, x + f * 1.25, y, x + f * 0.75, y + f * 0.5, x + f * 0.25, y],
      t.outside,
    ),
  lock: (p, x, y, f, t) => p.rect(x, y - f * 0.25, f * 1.5, f * 0.5, t.textMuted),
  note: (p, x, y, f, t) => p.circle(x + f * 0.75, y, f * 0.6, t.cursor),
};
