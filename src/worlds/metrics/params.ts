/** The metrics world's parameters and their defaults: pure data, no model code. */

export interface MetricsParams {
  /** METRICS_FREQUENCY_SEC: a flush is due once more than this has passed since the last. */
  readonly metricsFrequencyMs: number;
  /** stuck_detector_timeout: main is stuck once more than this has passed since `__last_run`. */
  readonly stuckTimeoutMs: number;
  /** How long the strategy's `join()` inside the revoke callback blocks main. */
  readonly joinMs: number;
  /** When the detector's first check falls, counted from the start of main's run. */
  readonly detectorPhaseMs: number;
  /** Stack frames the detector formats, all threads together: 1 ms and one switch point each. */
  readonly stackFrames: number;
  /** `_run_once` calls main makes after the rebalance before it shuts down. */
  readonly runsAfter: number;
}

export const DEFAULT_METRICS_PARAMS: MetricsParams = {
  metricsFrequencyMs: 1000,
  stuckTimeoutMs: 5000,
  joinMs: 5502,
  detectorPhaseMs: 500,
  stackFrames: 32,
  runsAfter: 1,
};
