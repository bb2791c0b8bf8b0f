/**
 * The consumer as the StreamProcessor sees it: Sentry passes the
 * SynchronizedConsumer itself to the processor (docs/real-code.md#synchronized-consumer), so every
 * pause, resume, paused(), tell() and seek the processor makes goes through
 * SC. These calls never block and are atomic in the model (one step each);
 * only poll() takes several steps (synchronized-steps.ts, consumer-steps.ts).
 */
import { pause, seek, tell, tellKeys } from './consumer.ts';
import type { Partition } from './partitions.ts';
import { scPause, scResume } from './synchronized.ts';
import type { KafkaWorld } from './world.ts';

/** `paused()`: SC's own `__paused`, not the inner consumer's set. */
export function visiblePaused(k: KafkaWorld): Partition[] {
  return [...k.sc.paused];
}

export function visibleTell(k: KafkaWorld): Record<Partition, number> {
  return tell(k.consumer);
}

export function visibleTellKeys(k: KafkaWorld): Partition[] {
  return tellKeys(k.consumer);
}

/** SC.pause: add to `__paused`, then the inner pause (which seeks back to the working offsets). */
export function pauseVia(k: KafkaWorld, ps: readonly Partition[]): void {
  scPause(k.sc, ps);
  pause(k.consumer, ps);
}

/** SC.resume: only forgets; the inner consumer resumes lazily in a later SC.poll. */
export function resumeVia(k: KafkaWorld, ps: readonly Partition[]): void {
  scResume(k.sc, ps);
}

/** seek delegates to the inner consumer. */
export function seekVia(
  k: KafkaWorld,
  p: Partition,
  offset: number,
  nowMs: number,
  fetchMs: number,
): void {
  seek(k.consumer, p, offset, nowMs, fetchMs);
}
