/**
 * The performance budgets (README, Performance) and how a report is judged against them. A budget
 * passes or misses on the figure measured; one that was not measured is SKIP
 * with the reason. Nothing fails the process: CI prints the verdicts only.
 */
import { TEMPLATE_IDS } from '../fixlab/protocol.ts';
import type { BenchReport, BudgetRow, BudgetStatus } from './types.ts';

export const METRICS_SCENARIO = 'metrics-stuck-flush';
export const PAUSE_SCENARIO = 'pause-rebalance-eager';

export const BUDGET = {
  engineMetricsStepsPerSec: 5_000_000,
  enginePauseStepsPerSec: 2_000_000,
  exploreMetricsMs: 1_000,
  explorePauseMs: 5_000,
  timeTravelP99Ms: 16,
  memoryMb: 300,
  timelineP95Ms: 16,
  bundleGzipKb: 150,
  firstRenderMs: 1_000,
  labInteractiveMs: 500,
  showCrashMs: 300,
  playFrameMs: 50,
  pyodideColdMs: 3_000,
  pyodideWarmMs: 1_500,
  fixLabBoundTwoMs: 2_000,
} as const;

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtMs(ms: number): string {
  if (ms >= 100) return `${fmtInt(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}

type Judged = Pick<BudgetRow, 'measured' | 'status'>;

function atLeast(value: number | undefined, limit: number, show: (n: number) => string): Judged {
  if (value === undefined) return { measured: '', status: 'SKIP' };
  return { measured: show(value), status: value >= limit ? 'PASS' : 'MISS' };
}

function atMost(
  value: number | null | undefined,
  limit: number,
  show: (n: number) => string,
): Judged {
  if (value === null || value === undefined) return { measured: '', status: 'SKIP' };
  return { measured: show(value), status: value <= limit ? 'PASS' : 'MISS' };
}

type Measured = Pick<
  BenchReport,
  | 'mode'
  | 'engine'
  | 'exploreVariants'
  | 'engineStepsPerSec'
  | 'explore'
  | 'timeTravel'
  | 'memoryMbAt1MSteps'
  | 'memory'
  | 'timeline'
  | 'bundleGzipKb'
  | 'firstRenderMs'
  | 'labFelt'
  | 'fixLab'
  | 'skipped'
>;

/** One row per budget, in the issue's order. */
export function judge(r: Measured): BudgetRow[] {
  return [
    ...engineRows(r),
    ...exploreRows(r),
    ...headlessRows(r),
    ...pageLoadRows(r),
    ...labFeltRows(r),
    ...fixLabRows(r),
  ];
}

/** A budget's row; a SKIP says why, from `skipped[skipKey]`. */
function row(
  r: Measured,
  id: string,
  label: string,
  budget: string,
  j: Judged,
  skipKey: string,
): BudgetRow {
  const why = j.status === 'SKIP' ? (r.skipped[skipKey] ?? 'not measured') : '';
  return {
    id,
    label,
    budget,
    measured: j.status === 'SKIP' ? `(${why})` : j.measured,
    status: j.status,
  };
}

const stepsPerSec = (n: number): string => `${fmtInt(n)} steps/s`;

/** Steps per second of each scenario's buggy variant, by CPU clock when the machine was busy. */
function engineRows(r: Measured): BudgetRow[] {
  const targets = [
    ['engine.metrics', METRICS_SCENARIO, BUDGET.engineMetricsStepsPerSec],
    ['engine.pause', PAUSE_SCENARIO, BUDGET.enginePauseStepsPerSec],
  ] as const;
  return targets.map(([id, scenario, limit]) => {
    const e = r.engine.find((f) => f.target === scenario);
    const note =
      e?.basis === 'cpu'
        ? ` by CPU clock (wall ${fmtInt(e.runStepsPerSecWall)}, waited ${e.waitPct}%)`
        : '';
    const j = atLeast(r.engineStepsPerSec[scenario], limit, (n) => stepsPerSec(n) + note);
    const budget = `>= ${stepsPerSec(limit)}`;
    return row(r, id, `engine: ${scenario}`, budget, j, `scenario:${scenario}`);
  });
}

/** The default exploration of each scenario: complete, and within its time. */
function exploreRows(r: Measured): BudgetRow[] {
  const targets = [
    ['explore.metrics', METRICS_SCENARIO, BUDGET.exploreMetricsMs],
    ['explore.pause', PAUSE_SCENARIO, BUDGET.explorePauseMs],
  ] as const;
  return targets.map(([id, scenario, limit]) => {
    const key = r.explore[scenario] ? `explore:${scenario}` : `scenario:${scenario}`;
    const label = `explore: ${scenario} (default bound)`;
    const j = judgeExploration(r, scenario, limit);
    return row(r, id, label, `complete, <= ${fmtMs(limit)}`, j, key);
  });
}

function judgeExploration(r: Measured, scenario: string, limit: number): Judged {
  const e = r.explore[scenario];
  if (!e) return { measured: '', status: 'SKIP' };
  if (!e.complete) {
    // Quick mode caps the states, so an unfinished search there says nothing about the budget.
    return r.mode === 'quick'
      ? { measured: '', status: 'SKIP' }
      : { measured: `incomplete after ${fmtMs(e.ms)}`, status: 'MISS' };
  }
  const f = r.exploreVariants.find((x) => x.scenario === scenario && x.variant === 'buggy');
  const note =
    f?.basis === 'cpu' ? ` by CPU clock (wall ${fmtMs(f.wallMs)}, waited ${f.waitPct}%)` : '';
  return {
    measured: `complete in ${fmtMs(e.ms)}${note}`,
    status: e.ms <= limit ? 'PASS' : 'MISS',
  };
}

/** Measured in Node: time travel and the memory of a long run. */
function headlessRows(r: Measured): BudgetRow[] {
  const tt = r.timeTravel;
  return [
    row(
      r,
      'timeTravel',
      `time travel p99${tt && tt.steps < 1_000_000 ? ` (${fmtInt(tt.steps)}-step run)` : ''}`,
      `<= ${fmtMs(BUDGET.timeTravelP99Ms)}`,
      atMost(tt?.p99Ms, BUDGET.timeTravelP99Ms, (n) =>
        tt?.basis === 'cpu'
          ? `${fmtMs(n)} by CPU clock (wall ${fmtMs(tt.wall.p99Ms)}, waited ${tt.waitPct}%)`
          : fmtMs(n),
      ),
      'timeTravel',
    ),
    row(
      r,
      'memory',
      `memory at 1M steps${r.memory?.extrapolated ? ` (scaled from ${fmtInt(r.memory.steps)})` : ''}`,
      `<= ${BUDGET.memoryMb} MB`,
      atMost(r.memoryMbAt1MSteps, BUDGET.memoryMb, (n) => `${n.toFixed(1)} MB`),
      'memory',
    ),
  ];
}

/** Measured in Chromium on the built site: timeline frames and the first load. */
function pageLoadRows(r: Measured): BudgetRow[] {
  return [
    row(
      r,
      'timeline',
      `timeline p95 frame${r.timeline ? ` (${fmtInt(r.timeline.events)} events)` : ''}`,
      `<= ${fmtMs(BUDGET.timelineP95Ms)}`,
      atMost(r.timeline?.frameP95Ms, BUDGET.timelineP95Ms, (n) =>
        r.timeline?.basis === 'best-of-3'
          ? `${fmtMs(n)} fastest of 3 draws (one draw: ${fmtMs(r.timeline.singleDraw.p95Ms)},` +
            ` renderer waited ${r.timeline.rendererWaitPct}%)`
          : fmtMs(n),
      ),
      'timeline',
    ),
    row(
      r,
      'bundle',
      'JS before first render (gzip)',
      `<= ${BUDGET.bundleGzipKb} KB`,
      atMost(r.bundleGzipKb, BUDGET.bundleGzipKb, (n) => `${n.toFixed(1)} KB`),
      'bundle',
    ),
    row(
      r,
      'firstRender',
      'first render (built site, Chromium)',
      `<= ${fmtMs(BUDGET.firstRenderMs)}`,
      atMost(r.firstRenderMs, BUDGET.firstRenderMs, fmtMs),
      'firstRender',
    ),
  ];
}

/** The lab as felt: interactive after navigation, the crash one click away, smooth playback. */
export function labFeltRows(r: Measured): BudgetRow[] {
  const f = r.labFelt;
  const frames = (worst: number): string =>
    f
      ? `worst ${fmtMs(worst)} (${fmtInt(f.playFrames.over50)} of ${fmtInt(f.playFrames.frames)} over 50 ms, p95 ${fmtMs(f.playFrames.p95Ms)})`
      : '';
  return [
    row(
      r,
      'labFelt.interactive',
      'lab interactive after navigation',
      `<= ${fmtMs(BUDGET.labInteractiveMs)}`,
      atMost(f?.interactiveMs, BUDGET.labInteractiveMs, fmtMs),
      'labFelt',
    ),
    row(
      r,
      'labFelt.showCrash',
      '"Show me the crash", click to drawn',
      `<= ${fmtMs(BUDGET.showCrashMs)}`,
      atMost(f?.showCrashMs, BUDGET.showCrashMs, fmtMs),
      'labFelt',
    ),
    row(
      r,
      'labFelt.playFrames',
      'frames while playing at the fastest speed',
      `none over ${fmtMs(BUDGET.playFrameMs)}`,
      atMost(f?.playFrames.worstMs, BUDGET.playFrameMs, frames),
      'labFelt',
    ),
  ];
}

/** The Fix lab: Python ready in Chromium (cold, warm), and a bound-2 check per template. */
export function fixLabRows(r: Measured): BudgetRow[] {
  const { node, browser } = r.fixLab;
  const rows: BudgetRow[] = [];
  const worstWarm =
    browser && browser.warm.length > 0 ? Math.max(...browser.warm.map((w) => w.pageMs)) : undefined;
  rows.push(
    row(
      r,
      'fixLab.browser.cold',
      'Fix lab: Python ready in Chromium, cold',
      `<= ${fmtMs(BUDGET.pyodideColdMs)}`,
      atMost(browser?.cold.pageMs, BUDGET.pyodideColdMs, fmtMs),
      'fixLab.browser',
    ),
    row(
      r,
      'fixLab.browser.warm',
      `Fix lab: Python ready in Chromium, warm${browser ? ` (worst of ${browser.warm.length})` : ''}`,
      `<= ${fmtMs(BUDGET.pyodideWarmMs)}`,
      atMost(worstWarm, BUDGET.pyodideWarmMs, fmtMs),
      'fixLab.browser',
    ),
  );
  const limit = `<= ${fmtMs(BUDGET.fixLabBoundTwoMs)}`;
  const perSec = (n: number): string => `${fmtInt(n)} schedules/s`;
  for (const t of TEMPLATE_IDS) {
    const n = node?.rows.find((x) => x.template === t);
    const ms = n ? (n.basis === 'cpu' ? n.check.cpuMs : n.check.wallMs) : undefined;
    const note = n?.basis === 'cpu' ? ' by CPU clock' : '';
    rows.push(
      row(
        r,
        `fixLab.node.${t}`,
        `Fix lab in Node: ${t}, bound ${node?.bound ?? 2}`,
        limit,
        atMost(
          ms,
          BUDGET.fixLabBoundTwoMs,
          (v) => `${fmtMs(v)}${note}, ${perSec(n?.schedulesPerSec ?? 0)}`,
        ),
        'fixLab.node',
      ),
    );
    const b = browser?.templates.find((x) => x.template === t);
    rows.push(
      row(
        r,
        `fixLab.browser.${t}`,
        `Fix lab in Chromium: ${t}, bound 2`,
        limit,
        atMost(
          b?.ms,
          BUDGET.fixLabBoundTwoMs,
          (v) => `${fmtMs(v)}, ${perSec(b?.schedulesPerSec ?? 0)}`,
        ),
        'fixLab.browser',
      ),
    );
  }
  return rows;
}

export function countStatus(rows: readonly BudgetRow[], status: BudgetStatus): number {
  return rows.filter((r) => r.status === status).length;
}
