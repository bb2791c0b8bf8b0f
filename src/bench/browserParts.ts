/**
 * The benchmark's browser parts: the JavaScript loaded before first render
 * (from a fresh build, or the last one when it is newer than the sources), and,
 * in Chromium on the built site served by `vite preview`, the first render and
 * the timeline's frames. A part that cannot run says why in `skipped`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSite,
  findChromium,
  launchChromium,
  measureFirstRender,
  measureTimeline,
  startPreview,
  type Preview,
} from './browser.ts';
import { measureBundle } from './bundle.ts';
import { firstLine, freshBuild } from './machine.ts';
import type { Sizes } from './sizes.ts';
import type { BundleFigure, FirstRenderFigure, TimelineFigure } from './types.ts';

export const BENCH_DIST = 'bench-out/dist';

export interface BrowserRequest {
  readonly root: string;
  readonly sizes: Sizes;
  /** Build and open Chromium; false measures only the bundle of a fresh build, if any. */
  readonly browser: boolean;
  readonly noBuild: boolean;
  /** Why the Chromium parts did not run when `browser` is false. */
  readonly noBrowserWhy: string;
  readonly log: (message: string) => void;
}

export interface BrowserFigures {
  readonly bundle: BundleFigure | null;
  readonly firstRender: FirstRenderFigure | null;
  readonly timeline: TimelineFigure | null;
}

export async function measureBrowserParts(
  request: BrowserRequest,
  skipped: Record<string, string>,
): Promise<BrowserFigures> {
  const distDir = buildDir(request, skipped);
  let bundle: BundleFigure | null = null;
  if (distDir) {
    try {
      bundle = measureBundle(join(request.root, distDir));
    } catch (error) {
      skipped['bundle'] = firstLine(error);
    }
  }
  if (!request.browser) {
    skipped['firstRender'] = request.noBrowserWhy;
    skipped['timeline'] = request.noBrowserWhy;
    return { bundle, firstRender: null, timeline: null };
  }
  if (distDir !== BENCH_DIST) {
    skipped['firstRender'] ??= 'no build';
    skipped['timeline'] ??= 'no build';
    return { bundle, firstRender: null, timeline: null };
  }
  return { bundle, ...(await measureInChromium(request, skipped)) };
}

/** The build to measure: a new one in bench-out/dist, or a fresh one already there. */
function buildDir(request: BrowserRequest, skipped: Record<string, string>): string | null {
  const { root } = request;
  if (!request.browser) {
    const dir = freshBuild(root, [BENCH_DIST, 'dist']);
    if (!dir)
      skipped['bundle'] =
        `${request.noBrowserWhy}, and no build newer than the sources (run vite build)`;
    return dir;
  }
  try {
    if (request.noBuild && existsSync(join(root, BENCH_DIST, 'index.html'))) return BENCH_DIST;
    request.log('vite build into bench-out/dist');
    buildSite(root, BENCH_DIST);
    return BENCH_DIST;
  } catch (error) {
    skipped['bundle'] = `build failed: ${firstLine(error)}`;
    return null;
  }
}

async function measureInChromium(
  request: BrowserRequest,
  skipped: Record<string, string>,
): Promise<Omit<BrowserFigures, 'bundle'>> {
  const chromium = findChromium();
  if (!chromium) {
    const why = 'no Chromium at $CHROMIUM_PATH or /usr/bin/chromium';
    skipped['firstRender'] = why;
    skipped['timeline'] = why;
    return { firstRender: null, timeline: null };
  }
  const { sizes, log } = request;
  let firstRender: FirstRenderFigure | null = null;
  let timeline: TimelineFigure | null = null;
  let preview: Preview | null = null;
  let b: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    preview = await startPreview(request.root, BENCH_DIST);
    b = await launchChromium(chromium);
    log(`first render: ${sizes.loads} loads of ${preview.url}`);
    try {
      firstRender = await measureFirstRender(b, preview.url, sizes.loads);
    } catch (error) {
      skipped['firstRender'] = firstLine(error);
    }
    const steps = sizes.timelineSteps.toLocaleString('en-US');
    log(`timeline: ${steps} steps, ${sizes.timelineFrames} frames`);
    try {
      timeline = await measureTimeline(b, preview.url, sizes.timelineSteps, sizes.timelineFrames);
    } catch (error) {
      skipped['timeline'] = firstLine(error);
    }
  } catch (error) {
    skipped['firstRender'] ??= firstLine(error);
    skipped['timeline'] ??= firstLine(error);
  } finally {
    await b?.close();
    await preview?.stop();
  }
  return { firstRender, timeline };
}
