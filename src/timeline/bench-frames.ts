/**
 * Frame-time benchmark for the performance budget (p95 <= 16 ms while
 * panning and zooming 100,000 events). Export only: a page or a Playwright
 * script in Chromium hands it a canvas context and reads the numbers back.
 * Each frame applies the next zoom/pan transform of a fixed sequence (zoom in
 * towards a point, pan, zoom back out), draws exactly as the component does,
 * and by default reads back one pixel so the canvas really rasterises inside
 * the measured time.
 */
import { zoomIdentity } from 'd3-zoom';
import { drawTimeline } from './draw.ts';
import { layoutLanes } from './layout.ts';
import { buildTimelineModel, type TimelineModel, type XMode } from './model.ts';
import { canvasPainter } from './painter.ts';
import { baseScale, zoomedScale } from './scales.ts';
import { syntheticRecords, SYNTHETIC_ACTORS } from './synthetic.ts';
import { LIGHT_THEME, type TimelineTheme } from './theme.ts';

export interface BenchOptions {
  readonly model?: TimelineModel;
  /** Synthetic steps when no model is given (each carries at least one event). */
  readonly steps?: number;
  readonly width?: number;
  readonly frames?: number;
  readonly xMode?: XMode;
  readonly theme?: TimelineTheme;
  /** Read back a pixel after each frame so rasterisation is inside the measurement. */
  readonly flush?: boolean;
  /** Frames drawn first and not measured (JIT warm-up, as after a moment of real use). */
  readonly warmupFrames?: number;
  /** Draws each frame this many times and keeps the fastest: filters out a busy machine's preemptions. */
  readonly repeats?: number;
  readonly now?: () => number;
}

export interface FrameStats {
  readonly frames: number;
  readonly steps: number;
  readonly events: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
  readonly buildMs: number;
}

export function syntheticModel(steps = 100_000, seed = 1): TimelineModel {
  return buildTimelineModel({ actors: SYNTHETIC_ACTORS, steps: syntheticRecords(steps, seed) });
}

/** The fixed sequence of (k, x) transforms: zoom in towards a point, pan right and left, zoom out. */
export function benchTransforms(width: number, frames: number): { k: number; x: number }[] {
  const out: { k: number; x: number }[] = [];
  let k = 1;
  let x = 0;
  const focus = width * 0.37;
  for (let f = 0; f < frames; f++) {
    const phase = Math.floor((f / frames) * 4);
    if (phase === 0 || phase === 3) {
      const factor = phase === 0 ? 1.12 : 1 / 1.12;
      const nk = Math.max(1, k * factor);
      x = focus - (focus - x) * (nk / k);
      k = nk;
    } else {
      x += (phase === 1 ? -1 : 1) * width * 0.03;
    }
    x = Math.min(0, Math.max(width - width * k, x));
    out.push({ k, x });
  }
  return out;
}

export function benchFrames(ctx: CanvasRenderingContext2D, options: BenchOptions = {}): FrameStats {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const model = options.model ?? syntheticModel(options.steps ?? 100_000);
  const buildMs = now() - t0;
  const width = options.width ?? ctx.canvas.width;
  const layout = layoutLanes(model);
  const xMode = options.xMode ?? 'step';
  const theme = options.theme ?? LIGHT_THEME;
  const base = baseScale(model, xMode, width);
  const painter = canvasPainter(ctx, theme.font);
  const times: number[] = [];
  const frames = options.frames ?? 240;
  const warmup = options.warmupFrames ?? 30;
  const repeats = Math.max(1, options.repeats ?? 1);
  const cursor = Math.floor(model.steps.count / 2);
  benchTransforms(width, warmup + frames).forEach((t, f) => {
    const scale = zoomedScale(base, zoomIdentity.translate(t.x, 0).scale(t.k));
    let best = Infinity;
    for (let r = 0; r < repeats; r++) {
      const start = now();
      drawTimeline({
        painter,
        model,
        layout,
        scale,
        xMode,
        width,
        height: layout.heightPx,
        theme,
        cursor,
        hover: null,
      });
      if (options.flush !== false) ctx.getImageData(0, 0, 1, 1);
      best = Math.min(best, now() - start);
    }
    if (f >= warmup) times.push(best);
  });
  let events = 0;
  for (const e of model.steps.events) events += e.length;
  return { ...stats(times), steps: model.steps.count, events, buildMs };
}

export function stats(times: readonly number[]): Omit<FrameStats, 'steps' | 'events' | 'buildMs'> {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((s, t) => s + t, 0) / Math.max(1, sorted.length);
  return {
    frames: sorted.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: sorted[sorted.length - 1] ?? 0,
    meanMs: mean,
  };
}
