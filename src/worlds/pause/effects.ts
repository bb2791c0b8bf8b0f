/**
 * Changes to the StreamProcessor's fields, each emitting a `state` event so
 * the timeline and the inspector can show `is_paused`, `message`,
 * `backpressure` and `strategy` over time (docs/real-code.md#stream-processor). Steps change
 * these fields only through here.
 */
import type { StepContext } from '../../engine/index.ts';
import { show, showMsg, type Msg } from '../kafka/partitions.ts';
import type { PauseState, StrategyState } from './state.ts';

export type Ctx = StepContext<PauseState>;

function stateEvent(c: Ctx, path: string, from: string, to: string): void {
  if (c.recording && from !== to) c.emit({ kind: 'state', actor: c.thread.actor, path, from, to });
}

export function setFlag(c: Ctx, paused: boolean): void {
  const pr = c.world.state.processor;
  if (c.recording) stateEvent(c, 'processor.is_paused', String(pr.paused), String(paused));
  pr.paused = paused;
}

export function setMessage(c: Ctx, m: Msg | null): void {
  const pr = c.world.state.processor;
  if (c.recording) stateEvent(c, 'processor.message', showMsg(pr.message), showMsg(m));
  pr.message = m === null ? null : { p: m.p, offset: m.offset };
}

export function setBackpressure(c: Ctx, sinceMs: number | null): void {
  const pr = c.world.state.processor;
  if (c.recording) {
    const fmt = (v: number | null): string => (v === null ? 'None' : `${v} ms`);
    stateEvent(c, 'processor.backpressure', fmt(pr.backpressureSinceMs), fmt(sinceMs));
  }
  pr.backpressureSinceMs = sinceMs;
}

export function setStrategy(c: Ctx, s: StrategyState | null): void {
  const pr = c.world.state.processor;
  if (c.recording) {
    const fmt = (v: StrategyState | null): string =>
      v === null ? 'None' : `strategy(${show(v.partitions)})`;
    stateEvent(c, 'processor.strategy', fmt(pr.strategy), fmt(s));
  }
  pr.strategy = s === null ? null : { partitions: [...s.partitions], accepting: s.accepting };
}

/** The message a poll returned to the current frame (main's `ret` local). */
export function returned(c: Ctx): Msg | null {
  return (c.thread.locals['ret'] as Msg | null | undefined) ?? null;
}

/** `time.sleep(ms)` as the last statement of `_run_once`: return to run() and block there. */
export function sleepThenReturn(c: Ctx, ms: number): void {
  c.ret();
  c.sleep(ms, c.thread.pc);
}
