/**
 * A slide of the timeline, for a room: a window of the run drawn 16:9 (1920x1080
 * by default) with a title, the lanes that fit at a readable size, the collision
 * arrow with its label, the pinned notes (numbered on the plot, their text below
 * it) and a legend of every mark drawn. Every label is at least `fontPx` (20 px by
 * default): the timeline's own renderer (12 px marks) is drawn scaled up by
 * fontPx / 12, and the slide's text around it is written at fontPx or larger.
 * Lanes that do not fit are left out and counted in the subtitle, never cut.
 *
 * Pure: it returns an SVG string (the PNG export rasterises the same string), so
 * the export, the presenter's timeline and the postmortem's picture agree.
 */
import type { Collision } from '../../analysis/collision.ts';
import { axisTicks, drawTimeline } from '../../timeline/draw.ts';
import { centreX } from '../../timeline/hit.ts';
import { layoutLanes, type TimelineLayout } from '../../timeline/layout.ts';
import type { TimelineModel } from '../../timeline/model.ts';
import { viewScale, type XScale } from '../../timeline/scales.ts';
import { actorColour, LIGHT_THEME, type TimelineTheme } from '../../timeline/theme.ts';
import type { PinnedNote } from '../../routes/notes.ts';
import { drawLegend, legendHeight, legendItems, type LegendItem } from './slideLegend.ts';
import { SvgSlidePainter, wrapText } from './slidePainter.ts';
import { withLanes } from './slideLanes.ts';

export interface SlideSpec {
  readonly model: TimelineModel;
  readonly width?: number;
  readonly height?: number;
  /** The smallest label size in pixels. Default 20. */
  readonly fontPx?: number;
  readonly title: string | null;
  readonly subtitle?: string | null;
  /** The window of steps shown (step boundaries); default the whole run. */
  readonly domain?: readonly [number, number];
  /** The cursor to draw (a step boundary), or null for none (the replay draws its own). */
  readonly cursor: number | null;
  readonly notes: readonly PinnedNote[];
  readonly collision: Collision | null;
  /** Lane ids to show (in model order); null or absent for every lane. */
  readonly lanes?: readonly string[] | null;
  readonly legend?: boolean;
  /** Write the notes' text under the plot (default); false: numbered markers only. */
  readonly noteText?: boolean;
  readonly theme?: TimelineTheme;
}

export interface Slide {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly legend: readonly LegendItem[];
  readonly lanesShown: readonly string[];
  readonly lanesHidden: number;
  /** Where the plot is, so a viewer can draw its own cursor: x = left + (c - domain[0]) * perStep. */
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly bottom: number;
    readonly perStep: number;
    readonly domain: readonly [number, number];
  };
}

/** The base size the timeline's renderer draws its text at. */
const RENDER_FONT_PX = 12;
const MAX_NOTE_LINES = 6;

export interface SlideGeometry {
  readonly f: number;
  readonly pad: number;
  readonly s: number;
  readonly gutterX: number;
  readonly plotX: number;
  readonly plotW: number;
  readonly plotTop: number;
  readonly layout: TimelineLayout;
  readonly scale: XScale;
  readonly model: TimelineModel;
}

export function renderSlide(spec: SlideSpec): Slide {
  const frame = frameOf(spec);
  const { W, H, f, pad, domain, notes } = frame;
  const given = spec.theme ?? LIGHT_THEME;
  const theme = spec.cursor === null ? { ...given, cursor: 'none' } : given;
  const p = new SvgSlidePainter();
  p.rect(0, 0, W, H, theme.bg);
  const y = spec.title ? drawTitle(p, spec, theme, W, pad, f) : pad;
  const plan = planSlide(p, spec, frame, theme, y);
  const { g } = plan;
  drawAxisAndLabels(p, g, theme, y + f * 1.9 + (notes.length > 0 ? f * 1.6 : 0));
  drawPlot(p, spec, g, theme);
  drawCollisionLabel(p, g, spec.collision, theme, y);
  drawNoteMarkers(p, g, notes, { ...theme, cursor: given.cursor }, y + f * 1.9);
  const plotBottom = g.plotTop + g.layout.heightPx * g.s;
  drawNoteText(p, plan.noteLines, pad, plotBottom + f * 0.8, f, theme);
  const legend = legendItems({ spec: { ...spec, notes }, model: g.model, domain, theme });
  if (spec.legend !== false)
    drawLegend(p, legend, pad, H - pad - plan.legendH, W - 2 * pad, f, theme);
  const hidden = spec.model.lanes.length - g.model.lanes.length;
  const title = spec.title ?? 'Timeline';
  const desc = `${g.model.steps.count} steps; showing steps ${domain[0]} to ${domain[1]}; ${g.model.lanes.length} lanes${hidden > 0 ? `, ${hidden} not shown` : ''}.`;
  return {
    svg: p.document(W, H, title, desc),
    width: W,
    height: H,
    legend,
    lanesShown: g.model.lanes.map((l) => l.id),
    lanesHidden: hidden,
    plot: {
      left: g.plotX,
      top: g.plotTop,
      bottom: plotBottom,
      perStep: g.plotW / Math.max(1e-9, plan.shown[1] - plan.shown[0]),
      domain: plan.shown,
    },
  };
}

/** The slide's size, smallest text, padding, the steps it shows and the notes among them. */
interface Frame {
  readonly W: number;
  readonly H: number;
  readonly f: number;
  readonly pad: number;
  readonly domain: readonly [number, number];
  readonly notes: readonly PinnedNote[];
}

function frameOf(spec: SlideSpec): Frame {
  const f = spec.fontPx ?? 20;
  const domain = spec.domain ?? [0, Math.max(1, spec.model.steps.count)];
  return {
    W: spec.width ?? 1920,
    H: spec.height ?? 1080,
    f,
    pad: Math.round(f * 1.2),
    domain,
    notes: spec.notes.filter((n) => n.step >= domain[0] && n.step <= domain[1]),
  };
}

/** Where the plot goes and what it holds, with the notes' lines and the legend's height below it. */
interface Plan {
  readonly g: SlideGeometry;
  readonly noteLines: readonly string[];
  readonly legendH: number;
  /** The steps the plot's x axis spans: the domain and a little room after it. */
  readonly shown: readonly [number, number];
}

/** Bottom-up: the legend, then the notes' text; what is left under the title is the plot's. */
function planSlide(
  p: SvgSlidePainter,
  spec: SlideSpec,
  { W, H, f, pad, domain, notes }: Frame,
  theme: TimelineTheme,
  y: number,
): Plan {
  const noteLines = spec.noteText === false ? [] : noteTextLines(notes, W - 2 * pad, f);
  const notesH = noteLines.length === 0 ? 0 : noteLines.length * f * 1.4 + f * 0.6;
  const base = withLanes(spec.model, spec.lanes ?? null);
  const minScale = f / RENDER_FONT_PX;
  const strips = f * 1.9 + (notes.length > 0 ? f * 1.6 : 0) + f * 1.6;
  const plotTop = y + strips;
  const draft = legendItems({ spec: { ...spec, notes }, model: base, domain, theme });
  const legendH = spec.legend === false ? 0 : legendHeight(p, draft, W - 2 * pad, f);
  const room = H - pad - legendH - notesH - f * 0.8 - plotTop;
  const model = fitLanes(base, room / minScale).model;
  const layout = layoutLanes(model);
  // Lanes grow (up to half again) to fill the room the slide has, never shrink below fontPx.
  const s = Math.max(minScale, Math.min(minScale * 1.5, room / Math.max(1, layout.heightPx)));
  const gutter = gutterWidth(p, model, f, W);
  const plotX = pad + gutter;
  const plotW = W - pad - plotX;
  // A little room after the last step, so a crash or a note at the end is not cut by the edge.
  const span = Math.max(1, domain[1] - domain[0]);
  const shown: [number, number] = [domain[0], domain[1] + Math.max(0.8, span * 0.02)];
  const scale = viewScale(shown, plotW / s);
  const g: SlideGeometry = { f, pad, s, gutterX: pad, plotX, plotW, plotTop, layout, scale, model };
  return { g, noteLines, legendH, shown };
}

/** The timeline's own renderer, scaled up to the slide's text size, and the collision arrow. */
function drawPlot(
  p: SvgSlidePainter,
  spec: SlideSpec,
  g: SlideGeometry,
  theme: TimelineTheme,
): void {
  const { plotX, plotTop, plotW, s, layout, model, scale } = g;
  p.scaled(plotX, plotTop, s, RENDER_FONT_PX, () => {
    p.group(0, 0, plotW / s, layout.heightPx, () => {
      drawTimeline({
        painter: p,
        model,
        layout,
        scale,
        xMode: 'step',
        width: plotW / s,
        height: layout.heightPx,
        theme,
        cursor: spec.cursor ?? 0,
        hover: null,
      });
      drawCollisionArrow(p, g, spec.collision, theme);
    });
  });
}

function drawTitle(
  p: SvgSlidePainter,
  spec: SlideSpec,
  theme: TimelineTheme,
  W: number,
  pad: number,
  f: number,
): number {
  const big = Math.round(f * 1.7);
  p.fontPx = big;
  const maxChars = Math.floor((W - 2 * pad) / (big * 0.56));
  const title = spec.title ?? '';
  p.text(
    title.length > maxChars ? `${title.slice(0, maxChars - 1)}…` : title,
    pad,
    pad + big / 2,
    theme.text,
    'left',
    true,
  );
  let y = pad + big * 1.3;
  if (spec.subtitle) {
    p.fontPx = f;
    p.text(spec.subtitle, pad, y + f / 2, theme.textMuted, 'left');
    y += f * 1.5;
  }
  return y;
}

/** Keeps lanes in order while they fit `maxHeight` (unscaled px): threads first, then the rest. */
function fitLanes(model: TimelineModel, maxHeight: number): { model: TimelineModel } {
  let lanes = model.lanes;
  const height = (ls: typeof lanes): number => layoutLanes({ ...model, lanes: ls }).heightPx;
  while (lanes.length > 1 && height(lanes) > maxHeight) {
    const drop = findLastIndex(lanes, (l) => l.kind !== 'actor');
    lanes = lanes.filter((_, i) => i !== drop);
  }
  return { model: { ...model, lanes } };
}

function findLastIndex<T>(xs: readonly T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i] as T)) return i;
  return xs.length - 1;
}

function gutterWidth(p: SvgSlidePainter, model: TimelineModel, f: number, W: number): number {
  p.fontPx = f;
  const widest = Math.max(
    0,
    ...model.lanes.map((l) => p.measure(l.kind === 'actor' ? l.actor : l.label)),
  );
  return Math.min(W * 0.3, widest + f * 2.2);
}

function clip(p: SvgSlidePainter, s: string, maxPx: number): string {
  if (p.measure(s) <= maxPx) return s;
  let t = s;
  while (t.length > 1 && p.measure(`${t}…`) > maxPx) t = t.slice(0, -1);
  return `${t}…`;
}

function drawAxisAndLabels(
  p: SvgSlidePainter,
  g: SlideGeometry,
  theme: TimelineTheme,
  axisTop: number,
): void {
  const { f, s, layout, scale, plotX, plotTop } = g;
  p.fontPx = f;
  const axisY = plotTop - 2;
  p.line(plotX, axisY, plotX + g.plotW, axisY, theme.textMuted, 1);
  p.text('step', g.gutterX, axisTop + f * 0.7, theme.textMuted, 'left');
  for (const t of axisTicks(scale, g.plotW / s, 'step')) {
    const x = plotX + scale(t) * s;
    p.line(x, axisY - 6, x, axisY, theme.textMuted, 1);
    p.text(String(t), x, axisTop + f * 0.7, theme.textMuted, 'center');
  }
  for (const row of layout.rows) {
    const y = plotTop + (row.y + row.height / 2) * s;
    const lane = row.lane;
    let x = g.gutterX;
    if (lane.kind === 'actor') {
      p.rect(x, y - f * 0.35, f * 0.7, f * 0.7, actorColour(theme, lane.actorIndex));
      x += f;
    }
    // Threads by their id: the long labels ("main: the StreamProcessor thread ...") crowd a slide.
    p.text(
      clip(p, lane.kind === 'actor' ? lane.actor : lane.label, plotX - x - f * 0.5),
      x,
      y,
      theme.text,
      'left',
      lane.kind === 'actor',
    );
  }
}

/** The collision as a thick arrow from the culprit's step to the victim's, in the renderer's units. */
function drawCollisionArrow(
  p: SvgSlidePainter,
  g: SlideGeometry,
  c: Collision | null,
  theme: TimelineTheme,
): void {
  const ends = collisionEnds(g, c);
  if (!ends) return;
  const { x0, y0, x1, y1 } = ends;
  const cx = (x0 + x1) / 2 + (Math.abs(x1 - x0) < 8 ? 30 : 0);
  const cy = Math.min(y0, y1) - 18;
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
  p.circle(x0, y0, 4, theme.crash);
}

export function collisionEnds(
  g: SlideGeometry,
  c: Collision | null,
): { x0: number; y0: number; x1: number; y1: number } | null {
  if (!c) return null;
  const geo = { model: g.model, layout: g.layout, scale: g.scale, xMode: 'step' as const };
  const from = g.layout.rowById.get(`actor:${c.culprit.actor}`);
  const to = g.layout.rowById.get(`actor:${c.victim.actor}`);
  if (!from || !to) return null;
  const ci = c.culprit.step - 1;
  const vi = c.victim.step - 1;
  if (ci < 0 || vi < 0 || ci >= g.model.steps.count || vi >= g.model.steps.count) return null;
  return { x0: centreX(geo, ci), y0: from.y + 4, x1: centreX(geo, vi), y1: to.y + 4 };
}

function drawCollisionLabel(
  p: SvgSlidePainter,
  g: SlideGeometry,
  c: Collision | null,
  theme: TimelineTheme,
  top: number,
): void {
  if (!c) return;
  const { f, s, plotX, plotW } = g;
  p.fontPx = f;
  const text = `Collision: ${c.culprit.actor} (step ${c.culprit.step}) → ${c.victim.actor} (step ${c.victim.step}): ${c.arrowLabel}`;
  const label = clip(p, text, plotX + plotW - g.gutterX - f);
  const w = p.measure(label) + f;
  const ends = collisionEnds(g, c);
  const mid = ends ? plotX + ((ends.x0 + ends.x1) / 2) * s : plotX + plotW / 2;
  const x = Math.max(g.gutterX, Math.min(plotX + plotW - w, mid - w / 2));
  p.roundRect(x, top, w, f * 1.5, theme.bg, theme.crash);
  p.text(label, x + f / 2, top + f * 0.75, theme.crash, 'left', true);
  if (ends) {
    const ax = plotX + ends.x1 * s;
    p.line(
      Math.max(x + 4, Math.min(x + w - 4, ax)),
      top + f * 1.5,
      ax,
      g.plotTop + ends.y1 * s - 6,
      theme.crash,
      1.5,
      [4, 4],
    );
  }
}

function drawNoteMarkers(
  p: SvgSlidePainter,
  g: SlideGeometry,
  notes: readonly PinnedNote[],
  theme: TimelineTheme,
  top: number,
): void {
  const { f, s, plotX, plotTop, scale, layout } = g;
  p.fontPx = Math.round(f * 0.9);
  notes.forEach((n, i) => {
    const x = plotX + scale(n.step) * s;
    const cy = top + f * 0.75;
    p.line(x, cy + f * 0.6, x, plotTop + layout.heightPx * s, theme.cursor, 1, [3, 4]);
    p.circle(x, cy, f * 0.7, theme.cursor);
    p.text(String(i + 1), x, cy, theme.bg, 'center', true);
  });
}

function noteTextLines(notes: readonly PinnedNote[], widthPx: number, f: number): string[] {
  const maxChars = Math.max(20, Math.floor(widthPx / (f * 0.56)));
  const lines: string[] = [];
  notes.forEach((n, i) => {
    const wrapped = wrapText(`${i + 1}. Step ${n.step}: ${n.text}`, maxChars);
    lines.push(
      ...wrapped
        .slice(0, 2)
        .map((l, k) => (k === 1 && wrapped.length > 2 ? `${l.slice(0, -1)}…` : l)),
    );
  });
  if (lines.length <= MAX_NOTE_LINES) return lines;
  const kept = lines.slice(0, MAX_NOTE_LINES - 1);
  return [...kept, `(more notes than fit here: ${notes.length} in all)`];
}

function drawNoteText(
  p: SvgSlidePainter,
  lines: readonly string[],
  x: number,
  top: number,
  f: number,
  theme: TimelineTheme,
): void {
  p.fontPx = f;
  lines.forEach((line, i) => p.text(line, x, top + f * 0.7 + i * f * 1.4, theme.text, 'left'));
}
