/**
 * `flush()` and `__reset()` as shipped (docs/real-code.md#metrics-buffer): a loop over each
 * live dict's items, one backend call per item, then the reset. Creating an
 * items iterator records the dict's size, and every `next()` checks it
 * (docs/real-code.md#dict-iteration), so an insertion or a clear by the other thread while
 * a loop is open makes the loop's next step raise RuntimeError. The `correct`
 * variant runs the same body as `__flush_locked`, inside its lock.
 */
import { clear, iterItems, next, size, type PyDictIter } from '../../engine/python/dict.ts';
import type { Instr } from '../../engine/types.ts';
import {
  atBuffer as at,
  clockMs,
  dictEvent,
  dictOf,
  dropLocals,
  keys,
  local,
  metricEvent,
  setLocal,
  shortKey,
  stateEvent,
  who,
  type Instrs,
} from './common.ts';
import { dropLock, lockFree, takeLock } from './locking.ts';
import { recordEmitted, type BufferDict, type MetricsState } from './state.ts';

export type Item = [string, number];

/** One `for name, total in d.items()` loop over a live dict, as shipped. */
function liveLoopInstrs(dict: BufferDict, after: string): Instrs {
  const anchor = dict === 'timers' ? 'flush.timers' : 'flush.counters';
  const metric = dict === 'timers' ? 'timing' : 'increment';
  // Built once here, not per step: a fresh pc string costs a string-table lookup at every step.
  const nextPc = `${anchor}.next`;
  const emitPc = `${anchor}.emit`;
  return {
    [`${anchor}.iter`]: {
      at: at(anchor),
      preempt: false,
      run(c) {
        const d = dictOf(c, dict);
        const it = iterItems(d);
        setLocal(c, 'it', it);
        if (c.recording) {
          dictEvent(c, dict, 'iter', size(d), { recordedSize: it.diUsed });
          c.narrate(
            `${who(c)} starts the loop over ${dict}.items(): the iterator records that ${dict} has ${keys(it.diUsed)}.`,
          );
        }
        c.goto(nextPc);
      },
    },
    [nextPc]: {
      at: at(anchor),
      preempt: true,
      run(c) {
        const d = dictOf(c, dict);
        const it = local<PyDictIter>(c, 'it');
        const recorded = it.diUsed;
        const r = next(d, it);
        if (r.kind === 'item') {
          setLocal(c, 'item', [r.key, r.value]);
          if (c.recording) {
            dictEvent(c, dict, 'next', size(d), {
              key: r.key,
              value: r.value,
              recordedSize: recorded,
            });
            c.narrate(
              `${who(c)} asks the ${dict} iterator for the next item: ${dict} still has the ${keys(recorded)} it recorded, so it yields ${shortKey(r.key)} = ${r.value}.`,
            );
          }
          return c.goto(emitPc);
        }
        if (c.recording) dictEvent(c, dict, 'next', size(d), { recordedSize: recorded });
        if (r.kind === 'stop') {
          dropLocals(c, 'it', 'item');
          if (c.recording)
            c.narrate(
              `${who(c)} asks the ${dict} iterator for the next item: there is none, so the loop ends.`,
            );
          return c.goto(after);
        }
        if (c.recording) {
          c.narrate(
            recorded !== size(d)
              ? `${who(c)} asks the ${dict} iterator for the next item: the dict had ${keys(recorded)} when the iterator was made and has ${size(d)} now, so Python raises RuntimeError.`
              : `${who(c)} asks the ${dict} iterator for the next item: the size matches but the keys were replaced, so Python raises RuntimeError.`,
          );
        }
        c.raise(r.type, r.message);
      },
    },
    [emitPc]: emitInstr(anchor, metric, nextPc),
  };
}

/** `self.metrics.timing(name, total)` or `.increment(...)`: one backend call, a switch point. */
export function emitInstr(
  anchor: string,
  metric: 'timing' | 'increment',
  back: string,
): Instr<MetricsState> {
  return {
    at: at(`${anchor}.emit`),
    preempt: true,
    run(c) {
      const [key, value] = local<Item>(c, 'item');
      recordEmitted(c.world.state, key, value);
      metricEvent(c, metric, key, value);
      dropLocals(c, 'item');
      if (c.recording) {
        c.narrate(
          `${who(c)} sends ${metric}('${shortKey(key)}', ${value}) to the metrics backend. A backend call is a point where the other thread can run.`,
        );
      }
      c.goto(back);
    },
  };
}

export function resetInstrs(): Instrs {
  const clearStep = (dict: BufferDict, next: string): Instr<MetricsState> => ({
    at: at(dict === 'timers' ? 'reset.timers' : 'reset.counters'),
    preempt: true,
    run(c) {
      const d = dictOf(c, dict);
      const before = size(d);
      clear(d);
      dictEvent(c, dict, 'clear', 0);
      if (c.recording) {
        c.narrate(
          `${who(c)} clears ${dict} (it had ${keys(before)}). Any value nobody has emitted yet is gone, and any iterator still open over ${dict} will fail at its next step.`,
        );
      }
      c.goto(next);
    },
  });
  return {
    'reset.timers': clearStep('timers', 'reset.counters'),
    'reset.counters': clearStep('counters', 'reset.stamp'),
    'reset.stamp': {
      at: at('reset.stamp'),
      preempt: false,
      run(c) {
        const b = c.world.state.buffer;
        if (c.recording) {
          stateEvent(
            c,
            'metrics_buffer.last_record_time',
            `${b.lastRecordMs} ms`,
            `${clockMs(c)} ms`,
          );
        }
        b.lastRecordMs = clockMs(c);
        if (c.recording) {
          c.narrate(
            `${who(c)} sets __last_record_time to ${clockMs(c)} ms, so no increment flushes for the next second.`,
          );
        }
        c.ret();
      },
    },
  };
}

/** `flush` as shipped (V5): loop over the live dicts, then reset. */
export function liveFlushInstrs(): Instrs {
  return {
    ...liveLoopInstrs('timers', 'flush.counters.iter'),
    ...liveLoopInstrs('counters', 'flush.reset'),
    'flush.reset': {
      at: at('flush.reset'),
      preempt: true,
      say: 'Both loops are done; flush() calls __reset().',
      run: (c) => c.call('reset.timers', 'flush.done'),
    },
    'flush.done': {
      at: at('flush.reset'),
      preempt: false,
      say: 'flush() returns.',
      run: (c) => c.ret(),
    },
  };
}

/** The public `flush` of the `correct` variant: take the lock, call `__flush_locked`, release. */
export function lockedFlushInstrs(): Instrs {
  return {
    'flush.acquire': {
      at: at('flush.acquire'),
      preempt: true,
      guard: lockFree,
      run: (c) => takeLock(c, 'flush.locked'),
    },
    'flush.locked': {
      at: at('flush.locked'),
      preempt: true,
      say: 'flush() calls __flush_locked() while holding the lock.',
      run: (c) => c.call('flush.timers.iter', 'flush.release'),
    },
    'flush.release': {
      at: at('flush.release'),
      preempt: true,
      run: dropLock,
    },
  };
}
