/**
 * The benchmark as a library: `runBench` measures the parts asked for and
 * returns one report, judged against the budgets. src/cli/bench.ts is the thin
 * command around it (flags, printing, the exit status).
 */
import { judge, METRICS_SCENARIO, PAUSE_SCENARIO } from './budgets.ts';
import { measureBrowserParts } from './browserParts.ts';
import { measureExplore } from './explore.ts';
import { measureFixLabNode, type FixLabNodeFigures } from './fixlab.ts';
import { measureEnginesIsolated } from './isolate.ts';
import { cpuPressure, firstLine, machineOf } from './machine.ts';
import { FULL, QUICK, type Part, type Sizes } from './sizes.ts';
import { measureStress } from './stress.ts';
import { engineTargets, programOf, scenarioDefs } from './targets.ts';
import { measureTimeTravel } from './timetravel.ts';
import type {
  BenchReport,
  EngineFigure,
  ExploreFigure,
  MemoryFigure,
  StressFigure,
  TimeTravelFigure,
} from './types.ts';
import { SCENARIOS } from '../scenarios/index.ts';

export interface BenchRequest {
  /** The repository root (builds and previews run there). */
  readonly root: string;
  readonly parts: ReadonlySet<Part>;
  /** Scenario ids for the engine and explorer parts; empty for all. */
  readonly scenarios: readonly string[];
  readonly quick: boolean;
  readonly noBrowser: boolean;
  readonly noBuild: boolean;
  /** Progress, one line at a time (the CLI writes it to stderr). */
  readonly log: (message: string) => void;
}

const NOT_ASKED = 'not asked for (--only)';

export async function runBench(request: BenchRequest): Promise<BenchReport> {
  const { quick } = request;
  const sizes = quick ? QUICK : FULL;
  const skipped: Record<string, string> = {};
  const t0 = performance.now();
  const pressureAtStart = cpuPressure();
  for (const id of [METRICS_SCENARIO, PAUSE_SCENARIO]) {
    if (!SCENARIOS.some((s) => s.id === id))
      skipped[`scenario:${id}`] = `${id} is not in the catalogue yet`;
  }
  const engine = await enginePart(request, sizes, skipped);
  const engineStepsPerSec = Object.fromEntries(
    engine.filter((e) => !e.toy).map((e) => [e.target, e.runStepsPerSec]),
  );
  const exploreVariants = explorePart(request, sizes, skipped);
  const explore = exploreSummary(exploreVariants, quick, skipped);
  const { timeTravel, memory } = timeTravelPart(request, sizes, skipped);
  const stress = stressPart(request, sizes, exploreVariants, skipped);
  const fixLabNode = await fixLabPart(request, skipped);
  const browser = await browserPart(request, sizes, skipped);
  const { bundle, firstRender, timeline, labFelt } = browser;
  const fixLab = { node: fixLabNode, browser: browser.fixLabBrowser };
  const mode = quick ? ('quick' as const) : ('full' as const);
  const memoryMbAt1MSteps = memory?.mb ?? null;
  const bundleGzipKb = bundle?.jsGzipKb ?? null;
  const firstRenderMs = firstRender?.fcpMs ?? null;
  const budgets = judge({
    mode,
    engine,
    exploreVariants,
    engineStepsPerSec,
    explore,
    timeTravel,
    memoryMbAt1MSteps,
    memory,
    timeline,
    bundleGzipKb,
    firstRenderMs,
    labFelt,
    fixLab,
    skipped,
  });
  return {
    mode,
    machine: machineOf(pressureAtStart),
    engineStepsPerSec,
    explore,
    timeTravel,
    memoryMbAt1MSteps,
    timeline,
    bundleGzipKb,
    firstRenderMs,
    stress,
    labFelt,
    fixLab,
    budgets,
    engine,
    exploreVariants,
    memory,
    bundle,
    firstRender,
    skipped,
    totalMs: Math.round(performance.now() - t0),
  };
}

function browserPart(
  request: BenchRequest,
  sizes: Sizes,
  skipped: Record<string, string>,
): ReturnType<typeof measureBrowserParts> {
  const { parts, quick } = request;
  const browser = !quick && !request.noBrowser && parts.has('browser');
  const noBrowserWhy = quick
    ? 'quick mode: no browser'
    : parts.has('browser')
      ? 'skipped (--no-browser)'
      : NOT_ASKED;
  const { root, noBuild, log } = request;
  return measureBrowserParts({ root, sizes, browser, noBuild, noBrowserWhy, log }, skipped);
}

function wanted(request: BenchRequest, id: string): boolean {
  return request.scenarios.length === 0 || request.scenarios.includes(id);
}

async function enginePart(
  request: BenchRequest,
  sizes: Sizes,
  skipped: Record<string, string>,
): Promise<EngineFigure[]> {
  if (!request.parts.has('engine')) {
    skipped['engine'] = NOT_ASKED;
    return [];
  }
  const ids = engineTargets()
    .filter((t) => t.toy || wanted(request, t.id))
    .map((t) => t.id);
  return measureEnginesIsolated(ids, sizes.engineSeconds, sizes.engineForks, request.log);
}

function explorePart(
  request: BenchRequest,
  sizes: Sizes,
  skipped: Record<string, string>,
): ExploreFigure[] {
  const { defs, toy } = scenarioDefs();
  if (toy) skipped['explore'] = 'no scenario in the catalogue yet: the toy scenario stands in';
  if (!request.parts.has('explore')) {
    skipped['explore'] = NOT_ASKED;
    return [];
  }
  const figures: ExploreFigure[] = [];
  const options = sizes.exploreMaxStates === undefined ? {} : { maxStates: sizes.exploreMaxStates };
  for (const def of defs.filter((d) => toy || wanted(request, d.id))) {
    for (const variant of sizes.exploreVariants) {
      request.log(`explore ${def.id} / ${variant}`);
      figures.push(measureExplore(def.id, variant, programOf(def, variant), options));
    }
  }
  return figures;
}

/** The buggy variant of each scenario, the figure the budgets judge. */
function exploreSummary(
  figures: readonly ExploreFigure[],
  quick: boolean,
  skipped: Record<string, string>,
): BenchReport['explore'] {
  const explore: Record<string, { ms: number; statesPerSec: number; complete: boolean }> = {};
  for (const e of figures) {
    if (e.variant !== 'buggy') continue;
    explore[e.scenario] = { ms: e.ms, statesPerSec: e.statesPerSec, complete: e.complete };
    if (!e.complete && quick)
      skipped[`explore:${e.scenario}`] =
        `quick mode caps exploration at ${e.maxStates.toLocaleString('en-US')} states`;
  }
  return explore;
}

function timeTravelPart(
  request: BenchRequest,
  sizes: Sizes,
  skipped: Record<string, string>,
): { timeTravel: TimeTravelFigure | null; memory: MemoryFigure | null } {
  if (!request.parts.has('timetravel')) {
    skipped['timeTravel'] = NOT_ASKED;
    skipped['memory'] = NOT_ASKED;
    return { timeTravel: null, memory: null };
  }
  const steps = sizes.timeTravelSteps.toLocaleString('en-US');
  request.log(`time travel: ${steps}-step run, ${sizes.jumps} jumps`);
  return measureTimeTravel(sizes.timeTravelSteps, sizes.jumps);
}

function stressPart(
  request: BenchRequest,
  sizes: Sizes,
  exploreVariants: readonly ExploreFigure[],
  skipped: Record<string, string>,
): StressFigure | null {
  const { defs, toy } = scenarioDefs();
  const stressDef = defs.find((d) => d.id === METRICS_SCENARIO) ?? (toy ? defs[0] : undefined);
  if (!request.parts.has('stress')) {
    skipped['stress'] = NOT_ASKED;
    return null;
  }
  if (!stressDef) {
    skipped['stress'] = `${METRICS_SCENARIO} is not in the catalogue yet`;
    return null;
  }
  request.log(`stress ${stressDef.id}: ${sizes.stressRuns} random runs`);
  const explored = exploreVariants.find(
    (e) => e.scenario === stressDef.id && e.variant === 'buggy' && e.complete,
  );
  return measureStress(stressDef.id, programOf(stressDef), sizes.stressRuns, 1, explored);
}

/** Pyodide in Node: seconds to load, so the quick mode (CI) leaves it out. */
async function fixLabPart(
  request: BenchRequest,
  skipped: Record<string, string>,
): Promise<FixLabNodeFigures | null> {
  if (!request.parts.has('fixlab')) {
    skipped['fixLab.node'] = NOT_ASKED;
    return null;
  }
  if (request.quick) {
    skipped['fixLab.node'] = 'quick mode: Pyodide takes seconds to load';
    return null;
  }
  request.log('Fix lab in Node: Pyodide load, bound 2 per template');
  try {
    return await measureFixLabNode(2);
  } catch (error) {
    skipped['fixLab.node'] = firstLine(error);
    return null;
  }
}
