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
import { measureFixLab } from './fixlab-browser.ts';
import { measureLabFelt } from './lab-felt.ts';
import { firstLine, freshBuild } from './machine.ts';
import type { Sizes } from './sizes.ts';
import type {
  BundleFigure,
  FirstRenderFigure,
  FixLabBrowserFigures,
  LabFeltFigure,
  TimelineFigure,
} from './types.ts';

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
  readonly labFelt: LabFeltFigure | null;
  readonly fixLabBrowser: FixLabBrowserFigures | null;
}

/** The Chromium figures, each skipped with the same reason when Chromium cannot run. */
const CHROMIUM_KEYS = ['firstRender', 'timeline', 'labFelt', 'fixLab.browser'] as const;
const NONE = { firstRender: null, timeline: null, labFelt: null, fixLabBrowser: null } as const;

function skipAll(skipped: Record<string, string>, why: string): typeof NONE {
  for (const key of CHROMIUM_KEYS) skipped[key] ??= why;
  return NONE;
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
  if (!request.browser) return { bundle, ...skipAll(skipped, request.noBrowserWhy) };
  if (distDir !== BENCH_DIST) return { bundle, ...skipAll(skipped, 'no build') };
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
  if (!chromium) return skipAll(skipped, 'no Chromium at $CHROMIUM_PATH or /usr/bin/chromium');
  let preview: Preview | null = null;
  let b: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    preview = await startPreview(request.root, BENCH_DIST);
    const { url } = preview;
    b = await launchChromium(chromium);
    const figures = await measurePages(request, b, url, skipped);
    await b.close();
    b = null;
    // The Fix lab opens its own browser: a fresh profile, so the first load is cold.
    request.log(`Fix lab in Chromium: Pyodide cold, ${request.sizes.fixLabWarm} warm reloads`);
    const fixLabBrowser = await attempt(
      () => measureFixLab(url, request.sizes.fixLabWarm),
      'fixLab.browser',
      skipped,
    );
    return { ...figures, fixLabBrowser };
  } catch (error) {
    return skipAll(skipped, firstLine(error));
  } finally {
    await b?.close();
    await preview?.stop();
  }
}

/** Run one measurement; on failure, null and the reason in `skipped`. */
async function attempt<T>(
  measure: () => Promise<T>,
  key: string,
  skipped: Record<string, string>,
): Promise<T | null> {
  try {
    return await measure();
  } catch (error) {
    skipped[key] = firstLine(error);
    return null;
  }
}

async function measurePages(
  request: BrowserRequest,
  b: Awaited<ReturnType<typeof launchChromium>>,
  url: string,
  skipped: Record<string, string>,
): Promise<Omit<BrowserFigures, 'bundle' | 'fixLabBrowser'>> {
  const { sizes, log } = request;
  log(`first render: ${sizes.loads} loads of ${url}`);
  const firstRender = await attempt(
    () => measureFirstRender(b, url, sizes.loads),
    'firstRender',
    skipped,
  );
  log(
    `timeline: ${sizes.timelineSteps.toLocaleString('en-US')} steps, ${sizes.timelineFrames} frames`,
  );
  const timeline = await attempt(
    () => measureTimeline(b, url, sizes.timelineSteps, sizes.timelineFrames),
    'timeline',
    skipped,
  );
  log(`lab as felt: ${sizes.labFeltLoads} loads of the lab`);
  const labFelt = await attempt(
    () => measureLabFelt(b, url, { loads: sizes.labFeltLoads }),
    'labFelt',
    skipped,
  );
  return { firstRender, timeline, labFelt };
}
