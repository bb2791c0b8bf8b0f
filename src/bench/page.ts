/**
 * bench.html: runs the timeline's frame benchmark (src/timeline/bench-frames.ts)
 * on a real canvas in the browser and prints one JSON document into #result,
 * which `npm run bench` reads back through Chromium. Parameters come from the
 * query string: steps (default 100,000), frames (240), width (1280 CSS px),
 * flush (1: read a pixel back after each frame so rasterisation is timed; 0:
 * time the JavaScript that issues the drawing only, to tell the two apart),
 * trigger (1: set everything up, then wait for the driver to call
 * `window.__benchRun(repeats)`). The document carries every frame's time and
 * zoom (the fastest of `repeats` draws of each frame).
 */
import { benchFrames, benchTransforms, syntheticModel } from '../timeline/bench-frames.ts';
import { layoutLanes } from '../timeline/layout.ts';
import { frameTimes } from './frameReads.ts';

const out = document.getElementById('result');

function param(name: string, fallback: number): number {
  const raw = new URLSearchParams(location.search).get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function finish(doc: unknown): void {
  if (!out) return;
  out.textContent = JSON.stringify(doc, null, 2);
  out.dataset['done'] = 'true';
}

function main(): void {
  const query = new URLSearchParams(location.search);
  const steps = param('steps', 100_000);
  const frames = param('frames', 240);
  const width = param('width', 1280);
  const flush = query.get('flush') !== '0';
  const t0 = performance.now();
  const model = syntheticModel(steps);
  const modelBuildMs = performance.now() - t0;
  const layout = layoutLanes(model);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = layout.heightPx;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${layout.heightPx}px`;
  document.body.append(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas context');

  const warmupFrames = 30;
  const run = (repeats = 1): unknown => {
    // benchFrames reads the clock twice before the frames, then twice per draw
    // (start, end), `repeats` draws per frame, after `warmupFrames` unmeasured
    // frames: recording the reads gives every frame's time.
    const reads: number[] = [];
    const now = (): number => {
      const t = performance.now();
      reads.push(t);
      return t;
    };
    const start = performance.now();
    const stats = benchFrames(ctx, { model, width, frames, flush, now, warmupFrames, repeats });
    const loopMs = performance.now() - start;
    const transforms = benchTransforms(width, warmupFrames + frames);
    const { perFrameMs, zooms } = frameTimes(reads, transforms, warmupFrames, repeats);
    const doc = {
      ...stats,
      flush,
      repeats,
      warmupFrames,
      loopMs,
      modelBuildMs,
      canvas: `${width}x${layout.heightPx}`,
      zooms,
      perFrameMs,
      devicePixelRatio,
      userAgent: navigator.userAgent,
    };
    finish(doc);
    return doc;
  };

  if (query.get('trigger') === '1') {
    // The benchmark driver calls this itself, between two reads of the renderer's CPU time.
    (window as unknown as { __benchRun?: (repeats?: number) => unknown }).__benchRun = run;
    if (out) out.dataset['ready'] = 'true';
    return;
  }
  // One frame so the canvas is in the document before the first measured draw.
  requestAnimationFrame(() => run());
}

try {
  main();
} catch (error) {
  finish({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
