/**
 * Virtual time in the units the incident was told in. The engine counts integer
 * milliseconds from the moment its scenario starts; people read "5.010 s", and they
 * read it from the moment the story starts. Every race-A scenario starts late, at the
 * instant the processor has been rejected for exactly BACKPRESSURE_THRESHOLD
 * (src/worlds/pause/state.ts), so its story clock counts from the first
 * MessageRejected; the race-B scenario starts when main's last `_run_once` began
 * (`__last_run`, docs/real-code.md#metrics-buffer), which is where its story starts too.
 *
 * `formatVirtualTime` is the one formatter the tours, the presenter and the
 * postmortem use for virtual time.
 */
import type { Params, ScenarioDef } from '../scenarios/index.ts';

/** "100 ms" under a second, "5.000 s" from a second on (virtual time is whole ms). */
export function formatVirtualTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const whole = Math.round(ms);
  if (Math.abs(whole) < 1000) return `${whole} ms`;
  return `${(whole / 1000).toFixed(3)} s`;
}

export interface StoryClock {
  /** Engine time (ms) that the story calls t = 0. */
  readonly originMs: number;
  /** What t = 0 is, for a caption: "the first MessageRejected". */
  readonly zero: string;
}

export function storyClockOf(def: Pick<ScenarioDef, 'race'>, params: Params): StoryClock {
  const threshold = params['thresholdMs'];
  if (def.race === 'A' && threshold !== undefined) {
    return { originMs: -threshold, zero: 'the first MessageRejected' };
  }
  return { originMs: 0, zero: "the start of main's last _run_once (__last_run)" };
}

/** Story time of an engine time, as "t = 5.010 s". */
export function storyTime(clock: StoryClock, engineMs: number): string {
  return `t = ${formatVirtualTime(engineMs - clock.originMs)}`;
}

export interface ProductionConstant {
  readonly name: string;
  readonly value: string;
  readonly note: string;
}

/**
 * The production constants that shape a race, with this run's values: arroyo's
 * BACKPRESSURE_THRESHOLD (5 s), the paused poll(0.1) and METRICS_FREQUENCY_SEC (1 s),
 * docs/real-code.md#stream-processor, #time.
 */
export function productionConstants(
  def: Pick<ScenarioDef, 'race' | 'params'>,
  params: Params,
): ProductionConstant[] {
  const wanted: readonly (readonly [string, string, string])[] =
    def.race === 'A'
      ? [
          [
            'thresholdMs',
            'BACKPRESSURE_THRESHOLD',
            'rejected longer than this, the processor pauses',
          ],
          ['pausedPollMs', 'paused poll(0.1)', 'how long each poll while paused may block'],
          ['topPollMs', 'poll(timeout=1.0)', 'the poll of a run with nothing carried'],
        ]
      : [
          [
            'metricsFrequencyMs',
            'METRICS_FREQUENCY_SEC',
            'an increment flushes once this has passed',
          ],
          ['stuckTimeoutMs', 'stuck_detector_timeout', 'silence after which main counts as stuck'],
          ['joinMs', 'strategy join() in the callback', 'what kept main away that long'],
        ];
  const out: ProductionConstant[] = [];
  for (const [id, name, note] of wanted) {
    const value = params[id];
    if (value === undefined || !def.params.some((p) => p.id === id)) continue;
    out.push({ name, value: formatVirtualTime(value), note });
  }
  return out;
}
