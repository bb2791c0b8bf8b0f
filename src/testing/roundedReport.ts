/**
 * An explore report whose counts passed 2^53, for the tests of every place that shows
 * counts: the unbounded search of metrics-stuck-flush, buggy, py311, as
 * `npm run --silent explore -- --scenario metrics-stuck-flush --variant buggy --preemptions all --json`
 * prints it (the explorer's own test, countsExact.test.ts, runs such a search for real).
 * Its total and most outcome counts are rounded; the main thread's crash count is below
 * 2^53 and so exact.
 */
import type { ExploreReport } from '../explorer/report.ts';

export const ROUNDED_REPORT: ExploreReport = {
  scenario: 'metrics-stuck-flush',
  variant: 'buggy',
  gil: 'py311',
  params: {
    metricsFrequencyMs: 1000,
    stuckTimeoutMs: 5000,
    joinMs: 5502,
    detectorPhaseMs: 500,
    stackFrames: 32,
    runsAfter: 1,
  },
  preemptions: null,
  reduction: 'none',
  complete: true,
  stopped: null,
  schedules: 4085990501753217000,
  countsExact: false,
  states: 25221,
  crashing: 210633534979399580,
  violating: 2551739243874781000,
  byOutcome: {
    'crash:RuntimeError@main': 135903762539,
    'crash:RuntimeError@stuck': 210633399075637060,
    'violation:metrics-conservation': 2551739243874781000,
    ok: 1534251257878235400,
  },
  minimal: {
    schedule: 's1.1.xzh0vi.sEBlBA',
    preemptions: 1,
    steps: 140,
    outcome: 'crash:RuntimeError@stuck',
  },
  minimalByOutcome: {
    'crash:RuntimeError@main': { schedule: 's1.1.xzh0vi.tDCpBAEB', preemptions: 2, steps: 109 },
    'crash:RuntimeError@stuck': { schedule: 's1.1.xzh0vi.sEBlBA', preemptions: 1, steps: 140 },
    'violation:metrics-conservation': {
      schedule: 's1.1.xzh0vi.pFBvBA',
      preemptions: 1,
      steps: 169,
    },
  },
  ms: 1436.4,
};

/** The same search when no schedule fails (the correct variant's total, rounded). */
export const ROUNDED_CLEAN_REPORT: ExploreReport = {
  ...ROUNDED_REPORT,
  variant: 'correct',
  schedules: 1.0477414490691882e21,
  states: 2683,
  crashing: 0,
  violating: 0,
  byOutcome: { ok: 1.0477414490691882e21 },
  minimal: null,
  minimalByOutcome: {},
  ms: 197.4,
};
