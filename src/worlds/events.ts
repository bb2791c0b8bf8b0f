/**
 * Every world's events together: importing this module brings each world's
 * event kinds into `SimEvent` (their declarations live beside the worlds), and
 * `describeEvent` describes any event of a run, the engine's and the worlds'.
 */
import {
  assertUnreachable,
  describeEngineEvent,
  type EngineEvent,
  type SimEvent,
} from '../engine/index.ts';
import { describeKafkaEvent } from './kafka/events.ts';
import { describeMetricEvent } from './metrics/events.ts';

export type { ConsumerCall, KafkaEvent } from './kafka/events.ts';
export type { MetricEvent } from './metrics/events.ts';

/** One line describing an event, for logs, tooltips and the Markdown report. */
export function describeEvent(e: SimEvent): string {
  switch (e.kind) {
    case 'consumer':
    case 'rebalance':
    case 'produce':
    case 'commit':
      return describeKafkaEvent(e);
    case 'metric':
      return describeMetricEvent(e);
    case 'block':
    case 'wake':
    case 'lock':
    case 'dict':
    case 'state':
    case 'violation':
    case 'exception':
      return describeEngineEvent(e satisfies EngineEvent);
    default:
      return assertUnreachable(e);
  }
}
