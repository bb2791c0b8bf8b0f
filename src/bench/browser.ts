/**
 * The parts a user waits on in the browser: build the site (into bench-out/,
 * so the dist/ that e2e and other work use is left alone), serve it with
 * `vite preview` on a free port, and drive Debian's Chromium through
 * Playwright to time the first render of index.html and the timeline's
 * frames on bench.html. Every process started here is stopped by its own
 * handle.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BUSY_WAIT_PCT } from './clock.ts';
import { median, percentile } from './stats.ts';
import type { FirstRenderFigure, TimelineFigure, ZoomBand } from './types.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function findChromium(): string | null {
  for (const candidate of [process.env['CHROMIUM_PATH'], '/usr/bin/chromium']) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there: try the next one.
    }
  }
  return null;
}

function viteBin(root: string): string {
  return join(root, 'node_modules', 'vite', 'bin', 'vite.js');
}

/** `vite build --outDir outDir`; throws with Vite's output on failure. Returns wall ms. */
export function buildSite(root: string, outDir: string): number {
  const t0 = performance.now();
  const result = spawnSync(
    process.execPath,
    [viteBin(root), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`vite build failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return performance.now() - t0;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Preview {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves `outDir` with `vite preview` and waits until it answers. */
export async function startPreview(root: string, outDir: string): Promise<Preview> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      viteBin(root),
      'preview',
      '--host',
      '127.0.0.1',
      '--strictPort',
      '--port',
      String(port),
      '--outDir',
      outDir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`vite preview did not answer at ${url} within 30 s:\n${output}`);
}

type Browser = import('@playwright/test').Browser;

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * Records when the header (role banner) enters the DOM; runs before any page
 * script. A string, not a function: tsx's esbuild would wrap inner functions
 * in a `__name` helper that does not exist in the page.
 */
const WATCH_BANNER = `
(() => {
  const found = () => document.querySelector('header, [role="banner"]') !== null;
  const observer = new MutationObserver(() => {
    if (window.__benchBannerMs === undefined && found()) {
      window.__benchBannerMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

/**
 * Loads the page `loads` times, each in a fresh browser context (empty HTTP
 * cache), after one unmeasured load that warms Chromium's processes.
 * First render is first-contentful-paint: index.html's body is an empty
 * #root, so the first contentful paint is the app's first render.
 */
export async function measureFirstRender(
  browser: Browser,
  url: string,
  loads: number,
): Promise<FirstRenderFigure> {
  const fcp: number[] = [];
  const banner: number[] = [];
  for (let i = 0; i <= loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      await page.addInitScript({ content: WATCH_BANNER });
      await page.goto(url, { waitUntil: 'load' });
      const times = await page.waitForFunction(
        () => {
          const paint = performance
            .getEntriesByType('paint')
            .find((e) => e.name === 'first-contentful-paint');
          const b = (window as unknown as { __benchBannerMs?: number }).__benchBannerMs;
          return paint && b !== undefined ? { fcp: paint.startTime, banner: b } : null;
        },
        null,
        { timeout: 15_000 },
      );
      const value = (await times.jsonValue()) as { fcp: number; banner: number };
      if (i > 0) {
        fcp.push(value.fcp);
        banner.push(value.banner);
      }
    } finally {
      await context.close();
    }
  }
  const r1 = (n: number): number => Math.round(n * 10) / 10;
  return {
    loads,
    fcpMs: r1(median(fcp)),
    bannerMs: r1(median(banner)),
    samplesMs: fcp.map(r1),
  };
}

interface PageStats {
  readonly frames: number;
  readonly steps: number;
  readonly events: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly loopMs: number;
  readonly modelBuildMs: number;
  readonly canvas: string;
  readonly zooms: readonly number[];
  readonly perFrameMs: readonly number[];
  readonly error?: string;
}

/** Zoom bands, by how many steps share one pixel column. */
export function zoomBands(
  steps: number,
  widthPx: number,
  zooms: readonly number[],
  frameMs: readonly number[],
): ZoomBand[] {
  const bands = [
    { label: '> 20 steps/px', min: 20, max: Infinity },
    { label: '2-20 steps/px', min: 2, max: 20 },
    { label: '< 2 steps/px', min: 0, max: 2 },
  ];
  return bands
    .map((b) => {
      const ms = frameMs.filter((_, i) => {
        const perPx = steps / (widthPx * (zooms[i] ?? 1));
        return perPx >= b.min && perPx < b.max;
      });
      const r = (n: number): number => Math.round(n * 100) / 100;
      return {
        band: b.label,
        frames: ms.length,
        p50Ms: ms.length ? r(percentile(ms, 0.5)) : 0,
        p95Ms: ms.length ? r(percentile(ms, 0.95)) : 0,
        maxMs: ms.length ? r(percentile(ms, 1)) : 0,
      };
    })
    .filter((b) => b.frames > 0);
}

/**
 * Opens bench.html, lets it build the model, then runs the frames between two
 * reads of the renderer main thread's CPU time (CDP Performance.getMetrics
 * ThreadTime), so the report can say how long that thread waited for a CPU.
 * The page has no CPU clock per frame, so when the renderer waited more than
 * 10% of the time the frames are drawn again, each three times keeping the
 * fastest draw (bench-frames.ts `repeats`), and that figure is judged instead,
 * as the Node parts use the CPU clock on a busy machine.
 */
export async function measureTimeline(
  browser: Browser,
  baseUrl: string,
  steps: number,
  frames: number,
): Promise<TimelineFigure> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
    };
    const width = 1280;
    await page.goto(
      `${baseUrl}bench.html?steps=${steps}&frames=${frames}&width=${width}&trigger=1`,
    );
    await page.waitForSelector('#result[data-ready="true"], #result[data-done="true"]', {
      state: 'attached',
      timeout: 180_000,
    });
    const runFrames = async (repeats: number): Promise<{ doc: PageStats; wait: number | null }> => {
      const before = await threadTime();
      const doc = (await page.evaluate(`window.__benchRun(${repeats})`)) as PageStats;
      const after = await threadTime();
      if (!doc || doc.error || errors.length > 0) {
        throw new Error(`bench.html failed: ${doc?.error ?? errors.join('; ')}`);
      }
      const cpuMs = (after - before) * 1000;
      const wait = Number.isFinite(cpuMs)
        ? Math.max(0, Math.min(100, Math.round(100 * (1 - cpuMs / doc.loopMs))))
        : null;
      return { doc, wait };
    };
    const single = await runFrames(1);
    const busy = single.wait !== null && single.wait > BUSY_WAIT_PCT;
    const best = busy ? await runFrames(3) : null;
    const judged = best ?? single;
    const r = (n: number): number => Math.round(n * 100) / 100;
    return {
      events: judged.doc.events,
      steps: judged.doc.steps,
      frames: judged.doc.frames,
      frameP50Ms: r(judged.doc.p50Ms),
      frameP95Ms: r(judged.doc.p95Ms),
      frameMaxMs: r(judged.doc.maxMs),
      basis: best ? 'best-of-3' : 'single',
      singleDraw: {
        p50Ms: r(single.doc.p50Ms),
        p95Ms: r(single.doc.p95Ms),
        maxMs: r(single.doc.maxMs),
      },
      modelBuildMs: Math.round(judged.doc.modelBuildMs),
      canvas: judged.doc.canvas,
      rendererWaitPct: single.wait,
      byZoom: zoomBands(judged.doc.steps, width, judged.doc.zooms, judged.doc.perFrameMs),
    };
  } finally {
    await context.close();
  }
}
