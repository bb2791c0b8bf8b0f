/**
 * Builds the race B program (docs/real-code.md#metrics-race) for one variant, switch mode
 * and set of parameters: two threads, `main` and `stuck`, sharing one
 * MetricsBuffer. A crash in `main` ends the run (the consumer process dies);
 * a crash in `stuck` only ends that thread, as `threading.excepthook` would.
 *
 * The clock starts when main begins the `_run_once` whose poll delivers a
 * revoke. With the defaults, the detector's one-second ticks fall at 500 ms,
 * 1500 ms, ..., it finds main stuck at 5500 ms and starts formatting 32 stack
 * frames at 1 ms each; main's join returns at 5502 ms, inside that dump. From
 * then on both threads are ready at once, and every interleaving of what they
 * do next is a schedule the explorer can take. Everything before is
 * deterministic, and so is everything after main's next `poll()`, which keeps
 * the state space small.
 *
 * Why the dump is 32 steps and not one: the natural schedule (a thread keeps
 * the GIL until it blocks) runs the whole dump and then the detector's flushes
 * while main waits, one switch away from the crash; a uniformly random
 * scheduler instead lets main finish its short burst somewhere inside the
 * long dump, before the detector touches the buffer, and so rarely crashes.
 * That is the lesson of the metrics-race status report (many random runs, zero errors), reproduced.
 */
import { newThread, newWorld } from '../../engine/kernel.ts';
import type { SwitchMode, Program } from '../../engine/types.ts';
import type { VariantId } from '../variants.ts';
import type { MetricsParams } from './params.ts';
import { bufferInstrs } from './buffer.ts';
import { DETECTOR_ENTRY, DETECTOR_PERIOD_MS, detectorInstrs } from './detector.ts';
import { metricsConservation } from './invariant.ts';
import { metricsListings } from './listings.ts';
import { MAIN_ENTRY, POLL_TIMEOUT_MS, processorInstrs } from './processor.ts';
import { initialState, type MetricsState } from './state.ts';

export { DEFAULT_METRICS_PARAMS, type MetricsParams } from './params.ts';

export const ACTORS = ['main', 'stuck'] as const;

export function buildMetricsProgram(
  variant: VariantId,
  params: MetricsParams,
  gil: SwitchMode,
): Program<MetricsState> {
  const buffer = bufferInstrs(variant, gil, params.metricsFrequencyMs);
  const instrs = {
    ...buffer.instrs,
    ...processorInstrs(buffer.entries, { joinMs: params.joinMs }),
    ...detectorInstrs(variant, buffer.entries, params),
  };
  // Ample: main is done a few polls after its join, and the detector a tick later.
  const maxTimeMs =
    params.joinMs +
    params.stuckTimeoutMs +
    (params.runsAfter + 4) * POLL_TIMEOUT_MS +
    2 * DETECTOR_PERIOD_MS;
  return {
    actors: ACTORS,
    instrs,
    listings: metricsListings(variant),
    invariants: [metricsConservation],
    fatalActors: ['main'],
    horizon: { maxSteps: 20_000, maxTimeMs },
    init: () =>
      newWorld(
        [
          newThread('main', MAIN_ENTRY, 0),
          newThread('stuck', DETECTOR_ENTRY, params.detectorPhaseMs),
        ],
        initialState(variant === 'correct', params.runsAfter + 1),
      ),
  };
}
