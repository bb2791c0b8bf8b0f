/**
 * Profiles the benchmark, for whoever acts on a missed budget:
 *
 *   node --import tsx scripts/bench-profile.ts node [-- BENCH FLAGS]
 *     bundles src/cli/bench.ts with esbuild (tsx's loader hides the main
 *     thread from --cpu-prof), runs it under `node --cpu-prof` with the given
 *     bench flags (e.g. --only engine --scenario metrics-stuck-flush) and
 *     prints the hottest functions by self and total time.
 *
 *   node --import tsx scripts/bench-profile.ts timeline [--steps N]
 *     builds the site unminified into bench-out/dist-prof, opens bench.html
 *     in Chromium with the CPU profiler on and prints the same lists for the
 *     timeline's pan-and-zoom frames.
 *
 *   node --import tsx scripts/bench-profile.ts bundle
 *     builds the site with source maps into bench-out/dist-map and shows
 *     which packages and source folders make up the JavaScript loaded before
 *     first render (raw bytes by source map, gzip shared out in proportion).
 *
 * Profiles are written to bench-out/profile/ (open them in Chrome DevTools'
 * Performance panel or https://www.speedscope.app).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { findChromium, launchChromium, startPreview, type Preview } from '../src/bench/browser.ts';
import { measureBundle } from '../src/bench/bundle.ts';
import { formatHotSpots, heaviest, hotSpots, type CpuProfile } from '../src/bench/cpuprofile.ts';
import { bytesBySource, groupOf, type RawSourceMap } from '../src/bench/sourcemap.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench-out', 'profile');

function report(profile: CpuProfile, file: string, top: number): void {
  console.log(`\nProfile: ${file}\n`);
  console.log(formatHotSpots('Hottest functions by self time', hotSpots(profile, top)));
  console.log('');
  console.log(formatHotSpots('Heaviest functions by total time', heaviest(profile, top)));
}

async function profileNode(benchArgs: string[], top: number): Promise<void> {
  const bundle = join(OUT, 'bench.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/cli/bench.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    external: ['@playwright/test', 'playwright', 'playwright-core', 'esbuild', 'vite'],
    logLevel: 'warning',
  });
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--cpu-prof', '--cpu-prof-dir', OUT, bundle, ...benchArgs],
    // In process: the profile is of this process (isolate.ts would fork per program).
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_IN_PROCESS: '1' } },
  );
  if (run.status !== 0) throw new Error(`the bench exited with status ${run.status}`);
  const newest = readdirSync(OUT)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(OUT, f))
    .filter((f) => statSync(f).mtimeMs >= started)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error('no .cpuprofile was written');
  report(JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile, newest, top);
}

async function profileTimeline(steps: number, top: number): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new Error('no Chromium at $CHROMIUM_PATH or /usr/bin/chromium');
  const dist = 'bench-out/dist-prof';
  viteBuild(join(ROOT, dist), ['--minify', 'false']);
  let preview: Preview | null = null;
  const browser = await launchChromium(chromium);
  try {
    preview = await startPreview(ROOT, dist);
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${preview.url}bench.html?steps=${steps}&frames=240&width=1280`);
    await page.waitForSelector('#result[data-done="true"]', { timeout: 180_000 });
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const file = join(OUT, 'timeline.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    console.log(await page.textContent('#result'));
    report(profile, file, top);
  } finally {
    await browser.close();
    await preview?.stop();
  }
}

function viteBuild(outDir: string, extra: readonly string[]): void {
  const built = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      ...extra,
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error(`vite build ${extra.join(' ')} failed`);
}

function profileBundle(top: number): void {
  const dir = join(ROOT, 'bench-out', 'dist-map');
  viteBuild(dir, ['--sourcemap']);
  const bundle = measureBundle(dir);
  const groups = new Map<string, { bytes: number; gzip: number }>();
  for (const file of bundle.files) {
    const code = readFileSync(join(dir, file.file), 'utf8');
    const map = JSON.parse(readFileSync(join(dir, `${file.file}.map`), 'utf8')) as RawSourceMap;
    const total = code.length || 1;
    for (const [source, bytes] of bytesBySource(code, map)) {
      const g = groupOf(source);
      const entry = groups.get(g) ?? { bytes: 0, gzip: 0 };
      entry.bytes += bytes;
      entry.gzip += (bytes / total) * file.gzipBytes;
      groups.set(g, entry);
    }
  }
  console.log(
    `JavaScript before first render: ${bundle.jsGzipKb.toFixed(1)} KB gzip, ${bundle.jsKb.toFixed(1)} KB raw,` +
      ` in ${bundle.files.map((f) => f.file).join(', ')}\n`,
  );
  console.log('    gzip KB (share)    raw KB  source');
  for (const [g, v] of [...groups].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, top)) {
    console.log(
      `  ${(v.gzip / 1024).toFixed(1).padStart(9)} ${((100 * v.gzip) / (bundle.jsGzipKb * 1024)).toFixed(1).padStart(6)}%` +
        `  ${(v.bytes / 1024).toFixed(1).padStart(8)}  ${g}`,
    );
  }
}

async function main(): Promise<void> {
  const [what, ...rest] = process.argv.slice(2);
  const dash = rest.indexOf('--');
  const own = dash < 0 ? rest : rest.slice(0, dash);
  const benchArgs = dash < 0 ? [] : rest.slice(dash + 1);
  const value = (name: string, fallback: number): number => {
    const i = own.indexOf(`--${name}`);
    const n = i < 0 ? NaN : Number(own[i + 1]);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  const top = value('top', 30);
  mkdirSync(OUT, { recursive: true });
  if (what === 'node') await profileNode(benchArgs, top);
  else if (what === 'timeline') await profileTimeline(value('steps', 100_000), top);
  else if (what === 'bundle') profileBundle(top);
  else {
    console.error(
      'Usage: node --import tsx scripts/bench-profile.ts node [--top N] [-- BENCH FLAGS]\n' +
        '       node --import tsx scripts/bench-profile.ts timeline [--steps N] [--top N]\n' +
        '       node --import tsx scripts/bench-profile.ts bundle [--top N]',
    );
    process.exitCode = 2;
  }
}

await main();
