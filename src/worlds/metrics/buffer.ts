/**
 * The MetricsBuffer's steps (docs/real-code.md#metrics-race), for one variant and
 * one thread-switch mode. A caller sets the locals `metric` and `delta` and
 * then `c.call`s an entry; the buffer's functions return with `c.ret()`, so a
 * crash's traceback shows every frame down to the `for` line in `flush`.
 *
 * Where a switch can fall under CPython 3.11 (`preempt: true`): at entry to a
 * Python function (the call steps), after a C call that may release the GIL
 * or reaches an eval-breaker check (`clear()`, `list()`, lock calls), after
 * each backend call and at loop back-edges. The three steps of `d[k] += v`
 * and the creation of an iterator with its first `next()` run together. Under
 * py39 and free-threaded every step is a switch point (the kernel ignores
 * `preempt` there), and under free-threaded `list(d.items())` becomes one
 * step per item, using the dict iterator, so it can fail like a `for` loop.
 */
import { defaultLookup, setItem, size } from '../../engine/python/dict.ts';
import type { SwitchMode, Instr } from '../../engine/types.ts';
import type { VariantId } from '../variants.ts';
import {
  atBuffer as at,
  clockMs,
  dictEvent,
  dictOf,
  dropLocals,
  keys,
  num,
  setLocal,
  shortKey,
  str,
  who,
  type Ctx,
  type Instrs,
} from './common.ts';
import { liveFlushInstrs, lockedFlushInstrs, resetInstrs } from './flush.ts';
import { dropLock, lockFree, takeLock } from './locking.ts';
import { snapshotFlushInstrs } from './snapshot.ts';
import { recordIncrement, type BufferDict, type MetricsState } from './state.ts';

/** The pcs a caller enters the buffer at. */
export interface BufferEntries {
  readonly timing: string;
  readonly counter: string;
  /** The public `flush()`. */
  readonly flush: string;
}

/** `value = d[metric]` on a defaultdict: a miss inserts 0 first. */
function lookupInstr(prefix: string, dict: BufferDict): Instr<MetricsState> {
  const addPc = `${prefix}.add`;
  return {
    at: at(`${prefix}.lookup`),
    preempt: false,
    run(c) {
      const d = dictOf(c, dict);
      const metric = str(c, 'metric');
      const r = defaultLookup(d, metric, 0);
      setLocal(c, 'value', r.value);
      if (c.recording) {
        dictEvent(c, dict, r.inserted ? 'insert' : 'lookup', size(d), {
          key: metric,
          value: r.value,
        });
        c.narrate(
          r.inserted
            ? `${who(c)} reads ${dict}['${shortKey(metric)}'] for the +=: the key is missing, so the defaultdict inserts 0 and ${dict} now has ${keys(size(d))}.`
            : `${who(c)} reads ${dict}['${shortKey(metric)}'] for the +=: it holds ${r.value}.`,
        );
      }
      c.goto(addPc);
    },
  };
}

/** `value = value + delta`: a local only, the dict is untouched. */
function addInstr(prefix: string): Instr<MetricsState> {
  const storePc = `${prefix}.store`;
  return {
    at: at(`${prefix}.add`),
    preempt: false,
    run(c) {
      const value = num(c, 'value') + num(c, 'delta');
      setLocal(c, 'value', value);
      if (c.recording) {
        const gap =
          c.gil === 'py311'
            ? 'CPython 3.11 cannot switch threads between this read and the store.'
            : 'In this switch mode another thread may run before the store.';
        c.narrate(
          `${who(c)} adds ${num(c, 'delta')} in a local, making ${value}; the dict is unchanged. ${gap}`,
        );
      }
      c.goto(storePc);
    },
  };
}

/** `d[metric] = value`: re-inserts the key if a clear removed it since the read. */
function storeInstr(prefix: string, dict: BufferDict): Instr<MetricsState> {
  const recordPc = `${prefix}.record`;
  return {
    at: at(`${prefix}.store`),
    preempt: false,
    run(c) {
      const d = dictOf(c, dict);
      const metric = str(c, 'metric');
      const value = num(c, 'value');
      const op = setItem(d, metric, value);
      recordIncrement(c.world.state, metric, num(c, 'delta'));
      if (c.recording) {
        dictEvent(c, dict, op, size(d), { key: metric, value });
        c.narrate(
          op === 'update'
            ? `${who(c)} stores ${value} into ${dict}['${shortKey(metric)}'].`
            : `${who(c)} stores ${value} into ${dict}['${shortKey(metric)}'], but the key had been cleared since the read, so the store inserts it again; ${dict} now has ${keys(size(d))}.`,
        );
      }
      c.goto(recordPc);
    },
  };
}

/** `incr_timing` or `incr_counter`: `d[k] += v` in three steps, then the throttle. */
function incrInstrs(prefix: 'timing' | 'counter', dict: BufferDict, locked: boolean): Instrs {
  const fn = prefix === 'timing' ? 'incr_timing' : 'incr_counter';
  const lookupPc = `${prefix}.lookup`;
  const returnPc = locked ? `${prefix}.release` : `${prefix}.done`;
  const out: Instrs = {
    [`${prefix}.lookup`]: lookupInstr(prefix, dict),
    [`${prefix}.add`]: addInstr(prefix),
    [`${prefix}.store`]: storeInstr(prefix, dict),
    [`${prefix}.record`]: {
      at: at(`${prefix}.record`),
      preempt: true,
      say: 'The increment calls __throttled_record() to see whether a flush is due.',
      run(c) {
        c.call('throttle.check', returnPc);
      },
    },
  };
  if (locked) {
    out[`${prefix}.acquire`] = {
      at: at(`${prefix}.acquire`),
      preempt: true,
      guard: lockFree,
      run: (c) => takeLock(c, lookupPc),
    };
    out[`${prefix}.release`] = {
      at: at(`${prefix}.release`),
      preempt: true,
      run(c) {
        dropLocals(c, 'metric', 'delta', 'value');
        dropLock(c);
      },
    };
  } else {
    out[`${prefix}.done`] = {
      at: at(`${prefix}.record`),
      preempt: false,
      run(c) {
        dropLocals(c, 'metric', 'delta', 'value');
        if (c.recording) c.narrate(`${fn}() returns.`);
        c.ret();
      },
    };
  }
  return out;
}

function throttleInstrs(frequencyMs: number, flushTarget: string): Instrs {
  return {
    'throttle.check': {
      at: at('throttle.check'),
      preempt: false,
      run(c) {
        const last = c.world.state.buffer.lastRecordMs;
        const since = clockMs(c) - last;
        const due = since > frequencyMs;
        if (c.recording) {
          c.narrate(
            due
              ? `${who(c)} checks the throttle: ${since} ms since the last flush (at ${last} ms) is more than ${frequencyMs} ms, so it flushes, in this thread.`
              : `${who(c)} checks the throttle: ${since} ms since the last flush (at ${last} ms) is not more than ${frequencyMs} ms, so no flush.`,
          );
        }
        if (due) c.goto('throttle.flush');
        else c.ret();
      },
    },
    'throttle.flush': {
      at: at('throttle.flush'),
      preempt: true,
      say: 'The throttle calls flush().',
      run: (c) => c.call(flushTarget, 'throttle.done'),
    },
    'throttle.done': {
      at: at('throttle.flush'),
      preempt: false,
      say: 'The flush is over; __throttled_record() returns.',
      run: (c) => c.ret(),
    },
  };
}

export function bufferInstrs(
  variant: VariantId,
  gil: SwitchMode,
  frequencyMs: number,
): { instrs: Instrs; entries: BufferEntries } {
  const locked = variant === 'correct';
  const instrs: Instrs = {
    ...incrInstrs('timing', 'timers', locked),
    ...incrInstrs('counter', 'counters', locked),
    ...resetInstrs(),
  };
  if (variant === 'seed-fix') {
    Object.assign(
      instrs,
      snapshotFlushInstrs(gil),
      throttleInstrs(frequencyMs, 'flush.snap_timers'),
    );
  } else {
    Object.assign(instrs, liveFlushInstrs(), throttleInstrs(frequencyMs, 'flush.timers.iter'));
    if (locked) Object.assign(instrs, lockedFlushInstrs());
  }
  const entries: BufferEntries = {
    timing: locked ? 'timing.acquire' : 'timing.lookup',
    counter: locked ? 'counter.acquire' : 'counter.lookup',
    flush: locked
      ? 'flush.acquire'
      : variant === 'seed-fix'
        ? 'flush.snap_timers'
        : 'flush.timers.iter',
  };
  return { instrs, entries };
}

/** Sets the arguments of an `incr_*` call and enters it. */
export function callIncr(
  c: Ctx,
  entry: string,
  metric: string,
  delta: number,
  returnPc: string,
): void {
  setLocal(c, 'metric', metric);
  setLocal(c, 'delta', delta);
  c.call(entry, returnPc);
}
