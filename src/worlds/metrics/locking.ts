/**
 * The `correct` variant's threading.Lock around the MetricsBuffer
 * (docs/real-code.md#snapshot-fix, last paragraph): acquiring is a step guarded by "the
 * lock is free", so a thread waiting for it is simply not ready.
 */
import { acquire, release } from '../../engine/python/lock.ts';
import { lockEvent, who, type Ctx } from './common.ts';
import type { MetricsState } from './state.ts';

export function lockFree(w: { state: MetricsState }): boolean {
  return w.state.buffer.lock?.owner === null;
}

export function takeLock(c: Ctx, next: string): void {
  const lock = c.world.state.buffer.lock;
  if (!lock) throw new Error('this variant has no lock');
  acquire(lock, c.thread.actor);
  lockEvent(c, 'acquire');
  if (c.recording)
    c.narrate(`${who(c)} takes the buffer's lock: the other thread now waits at any acquire().`);
  c.goto(next);
}

export function dropLock(c: Ctx): void {
  const lock = c.world.state.buffer.lock;
  if (!lock) throw new Error('this variant has no lock');
  const error = release(lock, c.thread.actor);
  if (error) return c.raise('RuntimeError', error);
  lockEvent(c, 'release');
  if (c.recording) c.narrate(`${who(c)} releases the buffer's lock and returns.`);
  c.ret();
}
