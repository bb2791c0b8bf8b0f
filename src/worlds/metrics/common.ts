/**
 * Small helpers shared by the race B world's instructions: who is acting (in
 * narration), typed access to thread locals, and event builders that respect
 * `exactOptionalPropertyTypes`.
 */
import type { DictOp } from '../../engine/events.ts';
import type { PyDict } from '../../engine/python/dict.ts';
import type { Instr, Plain, StepContext } from '../../engine/types.ts';
import { BUFFER } from './listings.ts';
import { shortKey, type BufferDict, type MetricsState } from './state.ts';

export type Ctx = StepContext<MetricsState>;
export type Instrs = Record<string, Instr<MetricsState>>;

/**
 * What `time.time()` returns in this thread: the moment it last woke from a
 * blocking call or finished a step that spends time. Steps between blocking
 * calls cost no time in the model, and a thread that is ready but waiting
 * for the other one to let go of the interpreter does not see the clock move.
 * That is the model's one simplification of time: it keeps the values main
 * records independent of how far the detector's stack dump had got when main
 * ran, which would otherwise multiply the states the explorer must visit
 * without changing any outcome (no decision here depends on a few ms).
 */
export function clockMs(c: Ctx): number {
  return c.thread.wakeAtMs;
}

/** `metrics_buffer:<anchor>`: a line of the MetricsBuffer listing. */
export function atBuffer(anchor: string): string {
  return `${BUFFER}:${anchor}`;
}

/** "Main" or "The stuck detector", to start a sentence. */
export function who(c: Ctx): string {
  return c.thread.actor === 'main' ? 'Main' : 'The stuck detector';
}

export function dictOf(c: Ctx, which: BufferDict): PyDict {
  return which === 'timers' ? c.world.state.buffer.timers : c.world.state.buffer.counters;
}

export function num(c: Ctx, name: string): number {
  const v = c.thread.locals[name];
  if (typeof v !== 'number') throw new Error(`${c.thread.actor}: local ${name} is not a number`);
  return v;
}

export function str(c: Ctx, name: string): string {
  const v = c.thread.locals[name];
  if (typeof v !== 'string') throw new Error(`${c.thread.actor}: local ${name} is not a string`);
  return v;
}

export function local<T>(c: Ctx, name: string): T {
  const v = c.thread.locals[name];
  if (v === undefined) throw new Error(`${c.thread.actor}: local ${name} is not set`);
  return v as unknown as T;
}

export function setLocal(c: Ctx, name: string, value: unknown): void {
  c.thread.locals[name] = value as Plain;
}

/**
 * Removes locals (they went out of scope). Builds the thread a new locals
 * object without them rather than deleting: `delete` costs as much as a
 * whole step, and the result is the same plain value, keys in the same order.
 */
export function dropLocals(c: Ctx, ...names: string[]): void {
  const before = c.thread.locals;
  const after: Record<string, Plain> = {};
  for (const key in before) if (!names.includes(key)) after[key] = before[key] as Plain;
  c.thread.locals = after;
}

export function dictEvent(
  c: Ctx,
  dict: BufferDict,
  op: DictOp,
  size: number,
  extra: { key?: string; value?: number; recordedSize?: number } = {},
): void {
  if (!c.recording) return;
  const e: {
    kind: 'dict';
    actor: string;
    dict: string;
    op: DictOp;
    size: number;
    key?: string;
    value?: number;
    recordedSize?: number;
  } = { kind: 'dict', actor: c.thread.actor, dict, op, size };
  if (extra.key !== undefined) e.key = extra.key;
  if (extra.value !== undefined) e.value = extra.value;
  if (extra.recordedSize !== undefined) e.recordedSize = extra.recordedSize;
  c.emit(e);
}

export function metricEvent(
  c: Ctx,
  metric: 'timing' | 'increment',
  key: string,
  value: number,
): void {
  if (c.recording) c.emit({ kind: 'metric', actor: c.thread.actor, metric, key, value });
}

export function stateEvent(c: Ctx, path: string, from: string, to: string): void {
  if (c.recording) c.emit({ kind: 'state', actor: c.thread.actor, path, from, to });
}

export function lockEvent(c: Ctx, op: 'acquire' | 'release'): void {
  if (c.recording)
    c.emit({ kind: 'lock', actor: c.thread.actor, lock: 'MetricsBuffer.__lock', op });
}

export function keys(n: number): string {
  return n === 1 ? '1 key' : `${n} keys`;
}

export { shortKey };
