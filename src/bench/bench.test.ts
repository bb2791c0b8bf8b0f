/**
 * The pure parts of the benchmark: percentiles, the HTML and import parsing
 * behind the bundle figure, the budget verdicts and the table. No timing is
 * asserted anywhere (CI runs the benchmark, no test asserts a time).
 */
import { describe, expect, it } from 'vitest';
import { BUDGET, judge, METRICS_SCENARIO, PAUSE_SCENARIO } from './budgets.ts';
import { formatHotSpots, heaviest, hotSpots, type CpuProfile } from './cpuprofile.ts';
import { engineFigure, measureColumn } from './engine.ts';
import { formatReport } from './format.ts';
import { mergeRates, runEngineChild } from './isolate.ts';
import { engineTargets } from './targets.ts';
import { entryAssets, resolveAssetPath, staticImports } from './html.ts';
import { bytesBySource, decodeVlq, groupOf, UNMAPPED } from './sourcemap.ts';
import { median, percentile, roundSig } from './stats.ts';
import type {
  BenchReport,
  FixLabBrowserFigures,
  FixLabNodeFigures,
  LabFeltFigure,
} from './types.ts';
import { TEMPLATE_IDS } from '../fixlab/protocol.ts';

/** The rows of the lab-as-felt and Fix lab budgets, SKIP when those parts did not run. */
const LAB_AND_FIX_IDS = [
  'labFelt.interactive',
  'labFelt.showCrash',
  'labFelt.playFrames',
  'fixLab.browser.cold',
  'fixLab.browser.warm',
  ...TEMPLATE_IDS.flatMap((t) => [`fixLab.node.${t}`, `fixLab.browser.${t}`]),
];

describe('percentile (nearest rank)', () => {
  it('picks the smallest value with at least q of the values at or below it', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 0.2)).toBe(1);
    expect(percentile(values, 0.5)).toBe(3);
    expect(percentile(values, 0.99)).toBe(5);
    expect(percentile(values, 1)).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it('p99 of 1..1000 is 990 and the input is left unsorted', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(percentile(values, 0.99)).toBe(990);
    expect(values[0]).toBe(1000);
  });

  it('is NaN for no values and refuses a bad quantile', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 1.5)).toThrow();
  });

  it('rounds to significant digits', () => {
    expect(roundSig(1234567, 3)).toBe(1230000);
    expect(roundSig(0.012345, 2)).toBe(0.012);
  });
});

describe('entry assets of a built page', () => {
  const html = `<!doctype html><html><head>
    <!-- <script type="module" src="./assets/commented.js"></script> -->
    <script type="module" crossorigin src="./assets/main-Bg7Q5Ups.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/engine-D0P4.js">
    <link rel='stylesheet' crossorigin href='./assets/main.css'>
    <link rel="icon" href="./favicon.svg">
    <script src="./legacy.js"></script>
  </head><body><div id="root"></div></body></html>`;

  it('finds module scripts, modulepreloads and stylesheets, not comments or classic scripts', () => {
    expect(entryAssets(html)).toEqual({
      scripts: ['./assets/main-Bg7Q5Ups.js'],
      preloads: ['./assets/engine-D0P4.js'],
      styles: ['./assets/main.css'],
    });
  });

  it('reads attributes in any order and unquoted', () => {
    const a = entryAssets(
      '<script src=/a.js type=module></script><link href=/b.js rel=modulepreload>',
    );
    expect(a.scripts).toEqual(['/a.js']);
    expect(a.preloads).toEqual(['/b.js']);
  });
});

describe('static imports of a minified chunk', () => {
  it('follows import and export-from, not dynamic import()', () => {
    const js =
      'import"./modulepreload-polyfill.js";import{a as e,b as t}from"./engine-X.js";' +
      'export*from"./events-Y.js";const l=()=>import("./lazy-Z.js");' +
      'export{q}from \'./q.js\';var s=`import "./not-a-module.js"`;';
    expect(staticImports(js)).toEqual([
      './modulepreload-polyfill.js',
      './engine-X.js',
      './events-Y.js',
      './q.js',
    ]);
  });

  it('resolves specifiers against the importing file', () => {
    expect(resolveAssetPath('index.html', './assets/main.js')).toBe('assets/main.js');
    expect(resolveAssetPath('assets/main.js', './engine.js')).toBe('assets/engine.js');
    expect(resolveAssetPath('assets/x/main.js', '../engine.js?v=1')).toBe('assets/engine.js');
    expect(resolveAssetPath('assets/main.js', '/root.js')).toBe('root.js');
  });
});

function sampleReport(over: Partial<BenchReport> = {}): BenchReport {
  const base = {
    mode: 'full' as const,
    machine: {
      node: 'v20.20.2',
      cpus: 2,
      cpu: 'test cpu',
      loadAverage: [0.5, 0.4, 0.3],
      cpuPressure: { start: 0, end: 1.5 },
    },
    engineStepsPerSec: { [METRICS_SCENARIO]: 6_000_000, [PAUSE_SCENARIO]: 1_500_000 },
    explore: {
      [METRICS_SCENARIO]: { ms: 400, statesPerSec: 50_000, complete: true },
      [PAUSE_SCENARIO]: { ms: 2_000, statesPerSec: 40_000, complete: false },
    },
    timeTravel: {
      steps: 1_000_000,
      program: 'toy',
      jumps: 2000,
      p50Ms: 0.02,
      p99Ms: 0.2,
      maxMs: 3,
      basis: 'wall' as const,
      wall: { p50Ms: 0.02, p99Ms: 0.2, maxMs: 3 },
      cpu: { p50Ms: 0.02, p99Ms: 0.2, maxMs: 3 },
      waitPct: 1,
      buildMs: 700,
      checkpointEvery: 512,
    },
    memoryMbAt1MSteps: 53,
    memory: {
      steps: 1_000_000,
      program: 'toy',
      mb: 53,
      heapMb: 36,
      externalMb: 17,
      extrapolated: false,
      gcExposed: true,
    },
    timeline: null,
    bundleGzipKb: 151,
    firstRenderMs: 300,
    skipped: { timeline: 'no Chromium at /usr/bin/chromium' },
    engine: [],
    exploreVariants: [],
    labFelt: null,
    fixLab: { node: null, browser: null },
  };
  const measured = { ...base, ...over };
  return {
    ...measured,
    stress: null,
    budgets: judge(measured),
    bundle: null,
    firstRender: null,
    totalMs: 1234,
  };
}

describe('budgets', () => {
  it('passes, misses and skips on the measured figures', () => {
    const rows = judge(sampleReport());
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(status).toEqual({
      'engine.metrics': 'PASS',
      'engine.pause': 'MISS',
      'explore.metrics': 'PASS',
      'explore.pause': 'MISS',
      timeTravel: 'PASS',
      memory: 'PASS',
      timeline: 'SKIP',
      bundle: 'MISS',
      firstRender: 'PASS',
      ...Object.fromEntries(LAB_AND_FIX_IDS.map((id) => [id, 'SKIP'])),
    });
    expect(rows.find((r) => r.id === 'timeline')?.measured).toBe(
      '(no Chromium at /usr/bin/chromium)',
    );
    expect(rows.find((r) => r.id === 'explore.pause')?.measured).toContain('incomplete');
  });

  it('is inclusive at the limit', () => {
    const rows = judge(sampleReport({ bundleGzipKb: BUDGET.bundleGzipKb }));
    expect(rows.find((r) => r.id === 'bundle')?.status).toBe('PASS');
  });

  it('skips an exploration the quick mode capped instead of calling it a miss', () => {
    const rows = judge(
      sampleReport({
        mode: 'quick',
        skipped: { [`explore:${PAUSE_SCENARIO}`]: 'quick mode caps exploration' },
      }),
    );
    const row = rows.find((r) => r.id === 'explore.pause');
    expect(row?.status).toBe('SKIP');
    expect(row?.measured).toBe('(quick mode caps exploration)');
  });

  it('skips a scenario that is not measured', () => {
    const rows = judge(sampleReport({ engineStepsPerSec: {}, explore: {} }));
    expect(rows.filter((r) => r.status === 'SKIP').map((r) => r.id)).toEqual([
      'engine.metrics',
      'engine.pause',
      'explore.metrics',
      'explore.pause',
      'timeline',
      ...LAB_AND_FIX_IDS,
    ]);
  });
});

describe('the readable table', () => {
  it('shows every budget with its verdict and the totals', () => {
    const text = formatReport(sampleReport());
    expect(text).toMatch(
      /engine: metrics-stuck-flush\s+>= 5,000,000 steps\/s\s+6,000,000 steps\/s\s+PASS/,
    );
    expect(text).toMatch(/JS before first render \(gzip\)\s+<= 150 KB\s+151\.0 KB\s+MISS/);
    expect(text).toContain(`5 PASS, 3 MISS, ${1 + LAB_AND_FIX_IDS.length} SKIP`);
    expect(text).toContain('exit status is 0');
    expect(text).toContain('memory: 53.0 MB at 1,000,000 steps');
  });
});

describe('cpu profile summary', () => {
  it('adds self time per function, total time up the call tree, and hot lines', () => {
    const frame = (functionName: string, lineNumber: number) => ({
      functionName,
      url: 'file:///x/bench.mjs',
      lineNumber,
    });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', -1), children: [2] },
        { id: 2, callFrame: frame('extend', 9), children: [3, 4] },
        {
          id: 3,
          callFrame: frame('stepWorld', 19),
          positionTicks: [
            { line: 25, ticks: 3 },
            { line: 22, ticks: 1 },
          ],
        },
        { id: 4, callFrame: frame('stepWorld', 19) },
      ],
      samples: [3, 3, 3, 4, 2],
      timeDeltas: [1000, 1000, 1000, 1000, 1000],
    };
    const spots = hotSpots(profile);
    expect(spots[0]).toMatchObject({
      fn: 'stepWorld bench.mjs:20',
      selfMs: 4,
      totalMs: 4,
      selfPct: 80,
      lines: [
        { line: 25, pct: 75 },
        { line: 22, pct: 25 },
      ],
    });
    expect(heaviest(profile)[0]).toMatchObject({
      fn: 'extend bench.mjs:10',
      totalMs: 5,
      selfMs: 1,
    });
    expect(formatHotSpots('t', spots)).toContain('[hot lines: 25 75%, 22 25%]');
  });
});

describe('source map attribution', () => {
  it('decodes VLQ segments', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('SAAQ')).toEqual([9, 0, 0, 8]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
  });

  it('gives each generated byte to the source of its segment', () => {
    // Line 0: "abcdefghij", segments at col 0 (a.ts), 4 (b.ts), 8 (no source); line 1 back to a.ts.
    const code = 'abcdefghij\nxy';
    const map = { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,ICAA,I;ADAA' };
    const bytes = bytesBySource(code, map);
    expect(Object.fromEntries(bytes)).toEqual({ 'a.ts': 4 + 2, 'b.ts': 4, [UNMAPPED]: 3 });
  });

  it('groups sources by package or app folder', () => {
    expect(groupOf('../../node_modules/react-dom/cjs/react-dom.production.js')).toBe('react-dom');
    expect(groupOf('../node_modules/@scope/pkg/index.js')).toBe('@scope/pkg');
    expect(groupOf('../../src/worlds/pause/program.ts')).toBe('src/worlds/');
    expect(groupOf('../../src/main.tsx')).toBe('src/main.tsx');
  });
});

describe('engine figures', () => {
  it('measures the three columns of a program and puts them in one figure', () => {
    const target = engineTargets().find((t) => t.toy);
    if (!target) throw new Error('no toy target');
    const rate = (steps: number) => ({
      wall: steps,
      cpu: steps,
      wallMedian: steps / 2,
      cpuMedian: steps / 2,
      waitPct: 0,
      runsPerSec: 1,
    });
    const figure = engineFigure(target, { run: rate(3), random: rate(2), kernel: rate(5) });
    expect(figure).toMatchObject({
      target: target.id,
      runStepsPerSec: 3,
      runStepsPerSecMedian: 1.5,
      randomStepsPerSec: 2,
      kernelStepsPerSec: 5,
      stepsPerRun: 4000,
    });
    // A real (tiny) measurement: each column counted some steps.
    const measured = measureColumn(target, 'kernel', 0.03);
    expect(measured.wall).toBeGreaterThan(0);
    expect(measured.cpuMedian).toBeGreaterThanOrEqual(0);
  });

  it('merges forks: the fastest trial of all, the median of their medians', () => {
    const fork = (best: number, median: number, wait: number) => ({
      wall: best,
      cpu: best + 1,
      wallMedian: median,
      cpuMedian: median + 1,
      waitPct: wait,
      runsPerSec: best / 10,
    });
    expect(mergeRates([fork(50, 20, 0), fork(90, 40, 10), fork(70, 30, 20)])).toEqual({
      wall: 90,
      cpu: 91,
      wallMedian: 30,
      cpuMedian: 31,
      waitPct: 10,
      runsPerSec: 9,
    });
    expect(() => mergeRates([])).toThrow();
  });

  it('a process not started as an engine child measures nothing as one', () => {
    expect(process.env['BENCH_ENGINE_CHILD']).toBeUndefined();
    expect(runEngineChild()).toBe(false);
  });
});

function labFelt(over: Partial<LabFeltFigure> = {}): LabFeltFigure {
  return {
    scenario: METRICS_SCENARIO,
    loads: 3,
    interactiveMs: BUDGET.labInteractiveMs,
    showCrashMs: BUDGET.showCrashMs + 1,
    playFrames: { frames: 180, worstMs: BUDGET.playFrameMs, over50: 0, p95Ms: 17.5 },
    samples: { interactiveMs: [480, 500, 520], showCrashMs: [290, 301, 350] },
    ...over,
  };
}

function fixLabNode(): FixLabNodeFigures {
  return {
    bound: 2,
    pyodideLoad: { wallMs: 3100, cpuMs: 2900 },
    checkerLoad: { wallMs: 40, cpuMs: 38 },
    rows: TEMPLATE_IDS.map((template, i) => ({
      template,
      schedules: 100 + i,
      outcomes: ['ok'],
      // The first template is slow by the wall clock only: a busy machine, judged by CPU.
      check: { wallMs: i === 0 ? 2500 : 1000 + i * 400, cpuMs: i === 0 ? 1500 : 1000 + i * 400 },
      basis: i === 0 ? ('cpu' as const) : ('wall' as const),
      schedulesPerSec: 123 + i,
      engineSchedules: 100 + i,
      engineSchedulesPerSec: 45_678,
    })),
  };
}

function fixLabBrowser(): FixLabBrowserFigures {
  return {
    cold: { pageMs: BUDGET.pyodideColdMs, workerMs: 2500 },
    warm: [
      { pageMs: 1200, workerMs: 900 },
      { pageMs: BUDGET.pyodideWarmMs + 1, workerMs: 950 },
    ],
    templates: TEMPLATE_IDS.map((template, i) => ({
      template,
      ms: 1900 + i * 100,
      schedules: 100 + i,
      schedulesPerSec: 50 + i,
    })),
  };
}

const statusOf = (
  rows: readonly { id: string; status: string }[],
  id: string,
): string | undefined => rows.find((r) => r.id === id)?.status;

describe('lab as felt budgets', () => {
  it('judges interactive, the crash click and the worst playing frame, inclusive at the limit', () => {
    const rows = judge(sampleReport({ labFelt: labFelt() }));
    expect(statusOf(rows, 'labFelt.interactive')).toBe('PASS');
    expect(statusOf(rows, 'labFelt.showCrash')).toBe('MISS');
    expect(statusOf(rows, 'labFelt.playFrames')).toBe('PASS');
    const frames = rows.find((r) => r.id === 'labFelt.playFrames');
    expect(frames?.measured).toBe('worst 50.0 ms (0 of 180 over 50 ms, p95 17.5 ms)');
  });

  it('misses playback when one frame passes 50 ms, whatever the p95', () => {
    const slow = labFelt({ playFrames: { frames: 180, worstMs: 50.1, over50: 1, p95Ms: 16 } });
    expect(statusOf(judge(sampleReport({ labFelt: slow })), 'labFelt.playFrames')).toBe('MISS');
  });

  it('says why when the lab was not measured', () => {
    const rows = judge(sampleReport({ skipped: { labFelt: 'no Chromium here' } }));
    expect(rows.find((r) => r.id === 'labFelt.showCrash')?.measured).toBe('(no Chromium here)');
  });
});

describe('Fix lab budgets', () => {
  it('judges each template in Node on the clock its figure chose', () => {
    const rows = judge(sampleReport({ fixLab: { node: fixLabNode(), browser: null } }));
    // 2,500 ms by the wall clock but 1,500 ms of CPU on a busy machine: a pass.
    expect(statusOf(rows, `fixLab.node.${TEMPLATE_IDS[0]}`)).toBe('PASS');
    expect(rows.find((r) => r.id === `fixLab.node.${TEMPLATE_IDS[0]}`)?.measured).toBe(
      '1,500 ms by CPU clock, 123 schedules/s',
    );
    // 1,000 + 3 * 400 = 2,200 ms by the wall clock: a miss.
    expect(statusOf(rows, `fixLab.node.${TEMPLATE_IDS[3]}`)).toBe('MISS');
    expect(statusOf(rows, `fixLab.browser.${TEMPLATE_IDS[0]}`)).toBe('SKIP');
  });

  it('judges Python ready cold at its limit and warm by the slowest reload', () => {
    const rows = judge(sampleReport({ fixLab: { node: null, browser: fixLabBrowser() } }));
    expect(statusOf(rows, 'fixLab.browser.cold')).toBe('PASS');
    expect(statusOf(rows, 'fixLab.browser.warm')).toBe('MISS');
    expect(statusOf(rows, `fixLab.browser.${TEMPLATE_IDS[1]}`)).toBe('PASS');
    expect(statusOf(rows, `fixLab.browser.${TEMPLATE_IDS[2]}`)).toBe('MISS');
  });

  it('skips the Node figures in quick mode and says so', () => {
    const skipped = { 'fixLab.node': 'quick mode: Pyodide takes seconds to load' };
    const rows = judge(sampleReport({ mode: 'quick', skipped }));
    for (const t of TEMPLATE_IDS) {
      const row = rows.find((r) => r.id === `fixLab.node.${t}`);
      expect(row?.status).toBe('SKIP');
      expect(row?.measured).toBe('(quick mode: Pyodide takes seconds to load)');
    }
  });
});

describe('the readable table: lab as felt and Fix lab', () => {
  it('prints the checker beside the engine explorer, and each new row with its verdict', () => {
    const text = formatReport(
      sampleReport({
        labFelt: labFelt(),
        fixLab: { node: fixLabNode(), browser: fixLabBrowser() },
      }),
    );
    expect(text).toContain('Pyodide load 3,100 ms (CPU 2,900 ms)');
    expect(text).toMatch(
      new RegExp(`${TEMPLATE_IDS[1]}\\s+101\\s+1,400 ms.*124\\s+45,678 \\(101 schedules\\)`),
    );
    expect(text).toMatch(/lab interactive after navigation\s+<= 500 ms\s+500 ms\s+PASS/);
    expect(text).toMatch(/"Show me the crash", click to drawn\s+<= 300 ms\s+301 ms\s+MISS/);
    expect(text).toContain('samples 480 ms, 500 ms, 520 ms');
    expect(text).toContain('Python ready cold 3,000 ms (worker 2,500 ms)');
    expect(text).toMatch(
      /Fix lab: Python ready in Chromium, warm \(worst of 2\)\s+<= 1,500 ms\s+1,501 ms\s+MISS/,
    );
  });

  it('says why each Fix lab part is missing', () => {
    const text = formatReport(
      sampleReport({
        skipped: { 'fixLab.node': 'not asked for (--only)', 'fixLab.browser': 'no build' },
      }),
    );
    expect(text).toMatch(/Fix lab in Node.*\n\s+\(not asked for \(--only\)\)/);
    expect(text).toContain('Fix lab: (no build)');
  });
});
