/**
 * `npm run bench [-- --json] [--quick] [--no-browser] [--no-build]`
 *
 * Measures every path a user waits on (issue 9) and judges it against the
 * budgets: engine steps per second per scenario, the default exploration per
 * scenario, time travel and memory on a million-step run, random sampling
 * against the explorer, and, in Chromium on the built site, timeline frames,
 * the JavaScript loaded before first render and the first render itself.
 * Prints a readable table, or with --json one JSON document on stdout
 * (progress goes to stderr). --quick uses tiny sizes and no browser, so CI
 * can run it on every change; the budgets are printed, never enforced, and
 * the exit status is 0 unless the benchmark itself broke (2 for a bad flag).
 *
 * Run it through `node --expose-gc --import tsx` (the npm scripts do) so the
 * memory figure is taken after a full GC.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judge } from '../bench/budgets.ts';
import {
  buildSite,
  findChromium,
  launchChromium,
  measureFirstRender,
  measureTimeline,
  startPreview,
  type Preview,
} from '../bench/browser.ts';
import { measureBundle } from '../bench/bundle.ts';
import { measureEnginesIsolated, runEngineChild } from '../bench/isolate.ts';
import { measureExplore } from '../bench/explore.ts';
import { formatReport } from '../bench/format.ts';
import { measureStress } from '../bench/stress.ts';
import { engineTargets, programOf, scenarioDefs } from '../bench/targets.ts';
import { measureTimeTravel } from '../bench/timetravel.ts';
import type {
  BenchReport,
  BundleFigure,
  EngineFigure,
  ExploreFigure,
  FirstRenderFigure,
  MemoryFigure,
  StressFigure,
  TimelineFigure,
  TimeTravelFigure,
} from '../bench/types.ts';
import { METRICS_SCENARIO, PAUSE_SCENARIO } from '../bench/budgets.ts';
import { SCENARIOS, VARIANT_IDS, type VariantId } from '../scenarios/index.ts';
import {
  badArgument,
  json,
  ok,
  parseArgs,
  usage,
  type CommandResult,
  type FlagSpec,
} from './args.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'json', kind: 'boolean', help: 'print one JSON document' },
  {
    name: 'quick',
    kind: 'boolean',
    help: 'tiny sizes, no build and no browser (CI): a few seconds',
  },
  { name: 'no-browser', kind: 'boolean', help: 'skip the build and the Chromium parts' },
  { name: 'no-build', kind: 'boolean', help: 'reuse the last build in bench-out/dist' },
  {
    name: 'scenario',
    kind: 'repeat',
    value: 'ID',
    help: 'measure only this scenario in the engine and explorer parts; repeat for several',
  },
  {
    name: 'only',
    kind: 'value',
    value: 'PARTS',
    help: 'comma-separated parts to run: engine, explore, timetravel, stress, browser',
  },
];

const PARTS = ['engine', 'explore', 'timetravel', 'stress', 'browser'] as const;
type Part = (typeof PARTS)[number];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH_DIST = 'bench-out/dist';

interface Sizes {
  readonly engineSeconds: number;
  /** Processes per (program, column) pair (see isolate.ts). */
  readonly engineForks: number;
  readonly exploreVariants: readonly VariantId[];
  readonly exploreMaxStates: number | undefined;
  readonly timeTravelSteps: number;
  readonly jumps: number;
  readonly stressRuns: number;
  readonly timelineSteps: number;
  readonly timelineFrames: number;
  readonly loads: number;
}

const FULL: Sizes = {
  engineSeconds: 3,
  engineForks: 3,
  exploreVariants: VARIANT_IDS,
  exploreMaxStates: undefined,
  timeTravelSteps: 1_000_000,
  jumps: 2_000,
  stressRuns: 10_000,
  timelineSteps: 100_000,
  timelineFrames: 240,
  loads: 5,
};

const QUICK: Sizes = {
  engineSeconds: 0.05,
  engineForks: 1,
  exploreVariants: ['buggy'],
  exploreMaxStates: 20_000,
  timeTravelSteps: 50_000,
  jumps: 500,
  stressRuns: 300,
  timelineSteps: 0,
  timelineFrames: 0,
  loads: 0,
};

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** The gist of an error in one line: its first two non-empty lines. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.slice(0, 2).join(' ').slice(0, 300);
}

/**
 * Linux pressure stall information: the share of the last 10 s in which some
 * runnable task waited for a CPU (0 on an idle machine). Null where absent.
 */
function cpuPressure(): number | null {
  try {
    const text = readFileSync('/proc/pressure/cpu', 'utf8');
    const m = /some avg10=([\d.]+)/.exec(text);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Newest modification time under the inputs of a build. */
function newestInput(): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of [
    'src',
    'public',
    'index.html',
    'soak.html',
    'bench.html',
    'vite.config.ts',
    'package-lock.json',
  ]) {
    visit(join(ROOT, p));
  }
  return newest;
}

/** A build directory whose index.html is newer than every input, or null. */
function freshBuild(): string | null {
  for (const dir of [BENCH_DIST, 'dist']) {
    const index = join(ROOT, dir, 'index.html');
    if (existsSync(index) && statSync(index).mtimeMs >= newestInput()) return dir;
  }
  return null;
}

export async function main(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(argv, FLAGS);
  if (!parsed.ok) return badArgument(parsed.error);
  const args = parsed.value;
  if (args.booleans.has('help')) {
    return ok(
      usage(
        'bench',
        'Measures the engine, explorer, time travel, timeline and page load against the budgets.',
        FLAGS,
      ),
    );
  }
  const only = args.values.get('only');
  const parts = new Set<Part>(PARTS);
  if (only !== undefined) {
    parts.clear();
    for (const name of only.split(',').map((p) => p.trim())) {
      if (!(PARTS as readonly string[]).includes(name)) {
        return badArgument(`Unknown part "${name}" in --only. Valid parts: ${PARTS.join(', ')}.`);
      }
      parts.add(name as Part);
    }
  }
  const picked = args.repeats.get('scenario') ?? [];
  for (const id of picked) {
    if (!SCENARIOS.some((s) => s.id === id)) {
      return badArgument(
        `Unknown scenario "${id}". Valid scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}.`,
      );
    }
  }
  const wanted = (id: string): boolean => picked.length === 0 || picked.includes(id);
  const quick = args.booleans.has('quick');
  const sizes = quick ? QUICK : FULL;
  const browser = !quick && !args.booleans.has('no-browser') && parts.has('browser');
  const skipped: Record<string, string> = {};
  const t0 = performance.now();
  const pressureAtStart = cpuPressure();

  for (const id of [METRICS_SCENARIO, PAUSE_SCENARIO]) {
    if (!SCENARIOS.some((s) => s.id === id))
      skipped[`scenario:${id}`] = `${id} is not in the catalogue yet`;
  }

  // Engine.
  const engine: EngineFigure[] = [];
  if (!parts.has('engine')) skipped['engine'] = 'not asked for (--only)';
  if (parts.has('engine')) {
    const ids = engineTargets()
      .filter((t) => t.toy || wanted(t.id))
      .map((t) => t.id);
    engine.push(
      ...(await measureEnginesIsolated(ids, sizes.engineSeconds, sizes.engineForks, log)),
    );
  }
  const engineStepsPerSec = Object.fromEntries(
    engine.filter((e) => !e.toy).map((e) => [e.target, e.runStepsPerSec]),
  );

  // Explorer.
  const { defs, toy } = scenarioDefs();
  if (toy) skipped['explore'] = 'no scenario in the catalogue yet: the toy scenario stands in';
  const exploreVariants: ExploreFigure[] = [];
  if (!parts.has('explore')) skipped['explore'] = 'not asked for (--only)';
  for (const def of parts.has('explore') ? defs.filter((d) => toy || wanted(d.id)) : []) {
    for (const variant of sizes.exploreVariants) {
      log(`explore ${def.id} / ${variant}`);
      const options =
        sizes.exploreMaxStates === undefined ? {} : { maxStates: sizes.exploreMaxStates };
      exploreVariants.push(measureExplore(def.id, variant, programOf(def, variant), options));
    }
  }
  const explore: Record<string, { ms: number; statesPerSec: number; complete: boolean }> = {};
  for (const e of exploreVariants) {
    if (e.variant !== 'buggy') continue;
    explore[e.scenario] = { ms: e.ms, statesPerSec: e.statesPerSec, complete: e.complete };
    if (!e.complete && quick)
      skipped[`explore:${e.scenario}`] =
        `quick mode caps exploration at ${e.maxStates.toLocaleString('en-US')} states`;
  }

  // Time travel and memory.
  let timeTravel: TimeTravelFigure | null = null;
  let memory: MemoryFigure | null = null;
  if (parts.has('timetravel')) {
    log(
      `time travel: ${sizes.timeTravelSteps.toLocaleString('en-US')}-step run, ${sizes.jumps} jumps`,
    );
    ({ timeTravel, memory } = measureTimeTravel(sizes.timeTravelSteps, sizes.jumps));
  } else {
    skipped['timeTravel'] = 'not asked for (--only)';
    skipped['memory'] = 'not asked for (--only)';
  }

  // Stress.
  const stressDef = defs.find((d) => d.id === METRICS_SCENARIO) ?? (toy ? defs[0] : undefined);
  let stress: StressFigure | null = null;
  if (!parts.has('stress')) skipped['stress'] = 'not asked for (--only)';
  else if (stressDef) {
    log(`stress ${stressDef.id}: ${sizes.stressRuns} random runs`);
    const explored = exploreVariants.find(
      (e) => e.scenario === stressDef.id && e.variant === 'buggy' && e.complete,
    );
    stress = measureStress(stressDef.id, programOf(stressDef), sizes.stressRuns, 1, explored);
  } else skipped['stress'] = `${METRICS_SCENARIO} is not in the catalogue yet`;

  // Bundle, first render, timeline.
  let bundle: BundleFigure | null = null;
  let firstRender: FirstRenderFigure | null = null;
  let timeline: TimelineFigure | null = null;
  const noBrowserWhy = quick
    ? 'quick mode: no browser'
    : parts.has('browser')
      ? 'skipped (--no-browser)'
      : 'not asked for (--only)';
  let distDir: string | null = null;
  if (browser) {
    try {
      if (args.booleans.has('no-build') && existsSync(join(ROOT, BENCH_DIST, 'index.html')))
        distDir = BENCH_DIST;
      else {
        log('vite build into bench-out/dist');
        buildSite(ROOT, BENCH_DIST);
        distDir = BENCH_DIST;
      }
    } catch (error) {
      skipped['bundle'] = `build failed: ${firstLine(error)}`;
    }
  } else {
    distDir = freshBuild();
    if (!distDir)
      skipped['bundle'] = `${noBrowserWhy}, and no build newer than the sources (run vite build)`;
  }
  if (distDir) {
    try {
      bundle = measureBundle(join(ROOT, distDir));
    } catch (error) {
      skipped['bundle'] = firstLine(error);
    }
  }
  if (browser && distDir === BENCH_DIST) {
    const chromium = findChromium();
    if (!chromium) {
      const why = 'no Chromium at $CHROMIUM_PATH or /usr/bin/chromium';
      skipped['firstRender'] = why;
      skipped['timeline'] = why;
    } else {
      let preview: Preview | null = null;
      let b: Awaited<ReturnType<typeof launchChromium>> | null = null;
      try {
        preview = await startPreview(ROOT, BENCH_DIST);
        b = await launchChromium(chromium);
        log(`first render: ${sizes.loads} loads of ${preview.url}`);
        try {
          firstRender = await measureFirstRender(b, preview.url, sizes.loads);
        } catch (error) {
          skipped['firstRender'] = firstLine(error);
        }
        log(
          `timeline: ${sizes.timelineSteps.toLocaleString('en-US')} steps, ${sizes.timelineFrames} frames`,
        );
        try {
          timeline = await measureTimeline(
            b,
            preview.url,
            sizes.timelineSteps,
            sizes.timelineFrames,
          );
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
    }
  } else if (!browser) {
    skipped['firstRender'] = noBrowserWhy;
    skipped['timeline'] = noBrowserWhy;
  } else {
    skipped['firstRender'] ??= 'no build';
    skipped['timeline'] ??= 'no build';
  }

  const cpuList = cpus();
  const measured = {
    mode: quick ? ('quick' as const) : ('full' as const),
    engine,
    exploreVariants,
    engineStepsPerSec,
    explore,
    timeTravel,
    memoryMbAt1MSteps: memory?.mb ?? null,
    memory,
    timeline,
    bundleGzipKb: bundle?.jsGzipKb ?? null,
    firstRenderMs: firstRender?.fcpMs ?? null,
    skipped,
  };
  const report: BenchReport = {
    mode: measured.mode,
    machine: {
      node: process.version,
      cpus: cpuList.length,
      cpu: cpuList[0]?.model.trim() ?? 'unknown',
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      cpuPressure: { start: pressureAtStart, end: cpuPressure() },
    },
    engineStepsPerSec,
    explore,
    timeTravel,
    memoryMbAt1MSteps: measured.memoryMbAt1MSteps,
    timeline,
    bundleGzipKb: measured.bundleGzipKb,
    firstRenderMs: measured.firstRenderMs,
    stress,
    budgets: judge(measured),
    engine,
    exploreVariants,
    memory,
    bundle,
    firstRender,
    skipped,
    totalMs: Math.round(performance.now() - t0),
  };
  return args.booleans.has('json') ? json(report) : ok(formatReport(report));
}

async function entry(): Promise<void> {
  let result: CommandResult;
  try {
    result = await main(process.argv.slice(2));
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    result = {
      code: 1,
      stdout: '',
      stderr: `Internal error (a bug, please report it): ${detail}\n`,
    };
  }
  process.stdout.on('error', () => undefined);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

function isEntry(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry() && !runEngineChild()) void entry();
