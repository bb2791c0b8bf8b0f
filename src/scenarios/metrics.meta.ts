/** The metadata of metrics-stuck-flush (the build is in metrics.ts): pure data for the catalogue. */
import { DEFAULT_METRICS_PARAMS } from '../worlds/metrics/params.ts';
import type { ParamSpec, ScenarioMeta } from './types.ts';

const d = DEFAULT_METRICS_PARAMS;

const PARAMS: readonly ParamSpec[] = [
  {
    id: 'metricsFrequencyMs',
    label: 'METRICS_FREQUENCY_SEC',
    unit: 'ms',
    defaultValue: d.metricsFrequencyMs,
    min: 100,
    max: 5000,
    description:
      "An increment flushes the buffer once more than this has passed since the last flush (arroyo's value: 1 s).",
  },
  {
    id: 'stuckTimeoutMs',
    label: 'stuck_detector_timeout',
    unit: 'ms',
    defaultValue: d.stuckTimeoutMs,
    min: 1000,
    max: 60000,
    description:
      'The detector reports main as stuck once more than this has passed since __last_run. arroyo has no default: the caller chooses it.',
  },
  {
    id: 'joinMs',
    label: 'join() inside the revoke callback',
    unit: 'ms',
    defaultValue: d.joinMs,
    min: 0,
    max: 60000,
    description:
      "How long the closing strategy's join() blocks main inside the revoke callback (arroyo's join timeout is 25 s). The race needs main to come back while the detector is busy.",
  },
  {
    id: 'detectorPhaseMs',
    label: "detector's first check",
    unit: 'ms',
    defaultValue: d.detectorPhaseMs,
    min: 0,
    max: 999,
    description:
      "When the detector's one-second checks fall, counted from the start of main's run.",
  },
  {
    id: 'stackFrames',
    label: 'stack frames dumped',
    unit: 'frames',
    defaultValue: d.stackFrames,
    min: 1,
    max: 64,
    description:
      'Frames the detector formats (every thread together) before it logs them: 1 ms and one possible thread switch each.',
  },
  {
    id: 'runsAfter',
    label: 'runs before shutdown',
    unit: 'runs',
    defaultValue: d.runsAfter,
    min: 0,
    max: 3,
    description:
      "_run_once calls main makes after the rebalance before the scenario asks it to shut down (each waits 1 s in poll). _shutdown's flush empties the buffer before the counts are checked.",
  },
];

export const METRICS_STUCK_FLUSH_META: ScenarioMeta = {
  id: 'metrics-stuck-flush',
  version: 1,
  race: 'B',
  title: 'The stuck detector flushes the metrics buffer',
  summary:
    'Main comes back from a rebalance callback that blocked it past the stuck timeout and increments the MetricsBuffer, while the stuck detector thread, which has just reported it stuck, increments and flushes the same buffer from its own thread.',
  provenance: {
    kind: 'production',
    text: "Reproduces a production crash: the RuntimeError from arroyo 2.34.0's stuck-detector thread, whose traceback is quoted in arroyo commit e907f89.",
    refs: [
      'docs/real-code.md#metrics-buffer',
      'docs/real-code.md#minimal-crash',
      '28847a6',
      'e907f89',
    ],
  },
  seedScenario: null,
  actors: [
    { id: 'main', label: 'main thread (StreamProcessor.run)' },
    { id: 'stuck', label: 'stuck detector thread' },
  ],
  params: PARAMS,
  expected: {
    buggy:
      'RuntimeError "dictionary changed size during iteration" reachable in the stuck thread, and in main when both flush; lost increments reachable too (a flush preempted between its loops and its reset clears the other thread\'s increments).',
    'seed-fix':
      'Never raises with a GIL; lost or double-counted increments reachable. Free-threaded, list(d.items()) is not atomic, so the copy itself can raise RuntimeError.',
    upstream: 'Never raises; counts always conserved.',
    correct: 'Never raises; counts always conserved.',
  },
};
