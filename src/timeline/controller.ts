/**
 * The imperative half of the component: it owns d3-zoom on the plot element,
 * the canvas and the d3-axis group, and redraws them in a requestAnimationFrame
 * whenever the zoom transform, the size, the theme or the data change. React
 * never re-renders while panning or zooming; the controller tells it only when
 * a gesture ends (`onSettle`, for the text alternative) and when one starts
 * (`onGesture`, to drop a stale tooltip).
 */
import { axisTop } from 'd3-axis';
import { select, type Selection } from 'd3-selection';
import {
  zoom,
  zoomIdentity,
  type D3ZoomEvent,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3-zoom';
import { axisTicks, drawTimeline } from './draw.ts';
import type { TimelineView } from './export-frame.ts';
import type { Geometry, Hit } from './hit.ts';
import type { TimelineLayout } from './layout.ts';
import type { TimelineMarks } from './marks.ts';
import type { TimelineModel, XMode } from './model.ts';
import { canvasPainter, type Painter } from './painter.ts';
import {
  baseScale,
  stepExtents,
  transformForDomain,
  visibleRange,
  zoomedScale,
  type XScale,
} from './scales.ts';
import { LIGHT_THEME, type TimelineTheme } from './theme.ts';
import { boundaryX, domainOf, stepStartX } from './xmap.ts';

export interface ControllerData {
  readonly model: TimelineModel;
  readonly layout: TimelineLayout;
  readonly xMode: XMode;
  readonly cursor: number;
  readonly hover: Hit | null;
  readonly marks: TimelineMarks;
}

export interface ControllerEvents {
  /** The visible step range [start, end) after a zoom or pan ended. */
  readonly onSettle: (range: { start: number; end: number }) => void;
  /** A pointer or wheel gesture moved the view. */
  readonly onGesture: () => void;
}

/** The narrowest view: this many steps, or this many virtual ms. */
const MIN_SPAN = { step: 8, time: 1 } as const;
const ANIMATION_MS = 180;

export class TimelineController {
  private transform: ZoomTransform = zoomIdentity;
  private width = 0;
  private frame = 0;
  private animation = 0;
  /** Where a running animation is heading. */
  private target: readonly [number, number] | null = null;
  private theme: TimelineTheme = LIGHT_THEME;
  private ctx: CanvasRenderingContext2D | null | undefined;
  /** Reused between frames (it caches text widths); rebuilt when a resize resets the context's state. */
  private painter: Painter | null = null;
  private painterFont = '';
  private readonly zoomer: ZoomBehavior<HTMLElement, unknown>;
  private readonly sel: Selection<HTMLElement, unknown, null, undefined>;

  constructor(
    plot: HTMLElement,
    private readonly canvas: HTMLCanvasElement,
    private readonly axis: SVGGElement,
    private data: ControllerData,
    private readonly events: ControllerEvents,
  ) {
    this.zoomer = zoom<HTMLElement, unknown>()
      .extent(() => [
        [0, 0],
        [Math.max(1, this.width), 1],
      ])
      .on('zoom', (e: D3ZoomEvent<HTMLElement, unknown>) => {
        this.transform = e.transform;
        if (e.sourceEvent) this.events.onGesture();
        this.requestDraw();
      })
      .on('end', () => {
        if (this.animation === 0) this.settle();
      });
    this.sel = select(plot);
    this.sel.call(this.zoomer).on('dblclick.zoom', null);
    this.updateExtents();
  }

  destroy(): void {
    cancelFrame(this.frame);
    cancelFrame(this.animation);
    this.sel.on('.zoom', null);
  }

  /** Plot width in CSS pixels; the visible domain is kept across a resize. */
  setWidth(width: number): void {
    if (width === this.width || width <= 0) return;
    const domain = this.width > 0 ? this.visibleDomain() : null;
    this.width = width;
    this.updateExtents();
    if (domain && this.transform.k > 1) this.showDomain(domain, false);
    else this.requestDraw();
    this.settle();
  }

  /** New data; a zoomed view keeps its steps in view across a model or x-mode change. */
  update(data: ControllerData): void {
    const prev = this.data;
    this.data = data;
    if (prev.model !== data.model || prev.xMode !== data.xMode) {
      const zoomed = this.transform.k > 1.0001 && this.width > 0;
      const steps = zoomed ? this.visibleStepsOf(prev) : null;
      this.updateExtents();
      if (steps) {
        const m = data.model;
        const to = Math.min(steps.end, m.steps.count);
        this.showDomain(
          [stepStartX(m, data.xMode, Math.min(steps.start, to)), boundaryX(m, data.xMode, to)],
          false,
        );
      } else {
        this.zoomer.transform(this.sel, zoomIdentity);
      }
      this.settle();
    }
    this.requestDraw();
  }

  setTheme(theme: TimelineTheme): void {
    this.theme = theme;
    this.requestDraw();
  }

  geometry(): Geometry {
    return {
      model: this.data.model,
      layout: this.data.layout,
      scale: this.scale(),
      xMode: this.data.xMode,
    };
  }

  view(): TimelineView {
    const d = this.visibleDomain();
    return {
      xMode: this.data.xMode,
      domain: [d[0], d[1]],
      width: Math.max(1, this.width),
      cursor: this.data.cursor,
      theme: this.theme,
    };
  }

  zoomBy(factor: number, aroundPx?: number): void {
    this.zoomer.scaleBy(this.sel, factor, [aroundPx ?? this.width / 2, 0]);
  }

  reset(): void {
    this.zoomer.transform(this.sel, zoomIdentity);
  }

  /** Pans (keeping the zoom) so that boundary `c` is in view, if it is not. */
  ensureVisible(c: number): void {
    if (this.width <= 0) return;
    const [d0, d1] = this.target ?? this.visibleDomain();
    const bx = boundaryX(this.data.model, this.data.xMode, c);
    if (bx >= d0 && bx <= d1) return;
    this.showDomain([bx - (d1 - d0) / 2, bx + (d1 - d0) / 2], true);
  }

  /** Shows about `span` steps around boundary `c` (used by "go to crash"). */
  focusOn(c: number, span: number): void {
    const m = this.data.model;
    const mode = this.data.xMode;
    this.showDomain([boundaryX(m, mode, c - span / 2), boundaryX(m, mode, c + span / 2)], true);
  }

  requestDraw(): void {
    if (this.frame === 0) this.frame = requestFrame(() => this.draw());
  }

  private scale(): XScale {
    return zoomedScale(baseScale(this.data.model, this.data.xMode, this.width), this.transform);
  }

  private visibleDomain(): [number, number] {
    return this.scale().domain() as [number, number];
  }

  private visibleStepsOf(data: ControllerData): { start: number; end: number } {
    const base = baseScale(data.model, data.xMode, this.width);
    return visibleRange(zoomedScale(base, this.transform), stepExtents(data.model, data.xMode));
  }

  private settle(): void {
    this.events.onSettle(this.visibleStepsOf(this.data));
  }

  private maxScale(): number {
    const [d0, d1] = domainOf(this.data.model, this.data.xMode);
    return Math.max(1, (d1 - d0) / MIN_SPAN[this.data.xMode]);
  }

  private updateExtents(): void {
    this.zoomer.scaleExtent([1, this.maxScale()]).translateExtent([
      [0, -Infinity],
      [Math.max(1, this.width), Infinity],
    ]);
  }

  /** Moves the view to `domain` (clamped to the run and the zoom limits), animated unless motion is reduced. */
  private showDomain(domain: readonly [number, number], animate: boolean): void {
    const target = this.clampDomain(domain);
    cancelFrame(this.animation);
    this.animation = 0;
    this.target = null;
    if (!animate || prefersReducedMotion() || this.width <= 0) {
      this.apply(target);
      return;
    }
    const from = this.visibleDomain();
    const t0 = now();
    const tick = (): void => {
      const t = Math.min(1, (now() - t0) / ANIMATION_MS);
      const e = t * (2 - t);
      this.apply([from[0] + (target[0] - from[0]) * e, from[1] + (target[1] - from[1]) * e]);
      this.animation = t < 1 ? requestFrame(tick) : 0;
      if (this.animation === 0) {
        this.target = null;
        this.settle();
      }
    };
    this.target = target;
    this.animation = requestFrame(tick);
  }

  private apply(domain: readonly [number, number]): void {
    const base = baseScale(this.data.model, this.data.xMode, this.width);
    const { k, x } = transformForDomain(base, domain);
    const kk = Math.min(this.maxScale(), Math.max(1, k));
    const xx = Math.min(0, Math.max(this.width - this.width * kk, x));
    this.zoomer.transform(this.sel, zoomIdentity.translate(xx, 0).scale(kk));
  }

  private clampDomain(domain: readonly [number, number]): [number, number] {
    const [f0, f1] = domainOf(this.data.model, this.data.xMode);
    const span = Math.min(f1 - f0, Math.max(MIN_SPAN[this.data.xMode], domain[1] - domain[0]));
    const start = Math.min(f1 - span, Math.max(f0, domain[0]));
    return [start, start + span];
  }

  private draw(): void {
    this.frame = 0;
    if (this.width <= 0) return;
    const { model, layout, xMode } = this.data;
    const scale = this.scale();
    this.paintCanvas({ model, layout, scale, xMode }, this.theme);
    const ticks = axisTicks(scale, this.width, xMode);
    const format =
      xMode === 'step' ? (d: number): string => String(d) : (d: number): string => `${d} ms`;
    select(this.axis).call(
      axisTop<number>(scale)
        .tickValues(ticks)
        .tickSizeOuter(0)
        .tickFormat((d) => format(d as number)),
    );
  }

  private paintCanvas(g: Geometry, theme: TimelineTheme): void {
    const { cursor, hover, marks } = this.data;
    if (this.ctx === undefined) this.ctx = safeContext(this.canvas);
    const ctx = this.ctx;
    const height = g.layout.heightPx;
    const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    const pw = Math.round(this.width * dpr);
    const ph = Math.round(height * dpr);
    if (this.canvas.width !== pw || this.canvas.height !== ph) {
      this.canvas.width = pw;
      this.canvas.height = ph;
      this.painter = null;
    }
    this.canvas.style.height = `${height}px`;
    if (!ctx) return;
    if (!this.painter || this.painterFont !== theme.font) {
      this.painter = canvasPainter(ctx, theme.font);
      this.painterFont = theme.font;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawTimeline({
      ...g,
      painter: this.painter,
      width: this.width,
      height,
      theme,
      cursor,
      hover,
      marks,
    });
  }
}

/** jsdom (tests) has no canvas 2D: drawing is skipped, everything else works. */
function safeContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : 0;
}

function requestFrame(fn: () => void): number {
  if (typeof requestAnimationFrame === 'function') return requestAnimationFrame(fn);
  return setTimeout(fn, 16) as unknown as number;
}

function cancelFrame(id: number): void {
  if (id === 0) return;
  if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(id);
  else clearTimeout(id);
}
