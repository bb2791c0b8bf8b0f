/**
 * `flush()` with the metrics-race write-up's fix (docs/real-code.md#snapshot-fix): copy both dicts with
 * `list(d.items())`, reset, then emit the copies. With a GIL each copy is one
 * C call, so it cannot fail, but the other thread can still run between the
 * copies, the reset and the emits: increments made after a copy and before
 * the reset are lost, and a copy emitted by both threads is counted twice.
 * Free-threaded, `list()` walks the live dict with its items iterator, one
 * step per item, so the copy itself can raise "changed size".
 */
import { iterItems, itemsList, next, size, type PyDictIter } from '../../engine/python/dict.ts';
import { cCallsAreAtomic } from '../../engine/python/gil.ts';
import type { SwitchMode } from '../../engine/types.ts';
import {
  atBuffer as at,
  dictEvent,
  dictOf,
  dropLocals,
  keys,
  local,
  num,
  setLocal,
  shortKey,
  who,
  type Instrs,
} from './common.ts';
import { emitInstr, type Item } from './flush.ts';
import type { BufferDict } from './state.ts';

function copyName(dict: BufferDict): string {
  return dict === 'timers' ? 'timersCopy' : 'countersCopy';
}

function copyAnchor(dict: BufferDict): string {
  return dict === 'timers' ? 'flush.snap_timers' : 'flush.snap_counters';
}

/** `list(d.items())` as one C call: atomic under a GIL. */
function atomicCopy(dict: BufferDict, then: string): Instrs {
  return {
    [copyAnchor(dict)]: {
      at: at(copyAnchor(dict)),
      preempt: true,
      run(c) {
        const copy = itemsList(dictOf(c, dict));
        setLocal(c, copyName(dict), copy);
        if (c.recording) dictEvent(c, dict, 'snapshot', copy.length);
        if (c.recording) {
          const shown = copy.map(([k, v]) => `${shortKey(k)} = ${v}`).join(', ');
          c.narrate(`${who(c)} copies ${dict} into a list in one C call: [${shown}].`);
        }
        c.goto(then);
      },
    },
  };
}

/** `list(d.items())` without a GIL: the C loop runs alongside the other thread, item by item. */
function steppedCopy(dict: BufferDict, then: string): Instrs {
  const anchor = copyAnchor(dict);
  // Built once here, not per step: a fresh pc string costs a string-table lookup at every step.
  const nextPc = `${anchor}.next`;
  return {
    [anchor]: {
      at: at(anchor),
      preempt: false,
      run(c) {
        const d = dictOf(c, dict);
        const it = iterItems(d);
        setLocal(c, 'it', it);
        setLocal(c, copyName(dict), []);
        if (c.recording) {
          dictEvent(c, dict, 'iter', size(d), { recordedSize: it.diUsed });
          c.narrate(
            `${who(c)} starts list(${dict}.items()). Without a GIL this C loop runs alongside the other thread: its iterator records ${keys(it.diUsed)}.`,
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
        if (c.recording) dictEvent(c, dict, 'next', size(d), { recordedSize: recorded });
        if (r.kind === 'item') {
          local<Item[]>(c, copyName(dict)).push([r.key, r.value]);
          if (c.recording) c.narrate(`list() copies ${shortKey(r.key)} = ${r.value} from ${dict}.`);
          return c.goto(nextPc);
        }
        if (r.kind === 'stop') {
          dropLocals(c, 'it');
          if (c.recording) c.narrate(`list() has copied all of ${dict}.`);
          return c.goto(then);
        }
        if (c.recording) {
          c.narrate(
            `list() asks the ${dict} iterator for the next item: the dict had ${keys(recorded)} when the copy began and has ${size(d)} now, so Python raises RuntimeError even in the fixed flush.`,
          );
        }
        c.raise(r.type, r.message);
      },
    },
  };
}

/** `for name, total in <copy>: self.metrics.<metric>(name, total)`; `after` null ends flush(). */
function copyLoop(dict: BufferDict, metric: 'timing' | 'increment', after: string | null): Instrs {
  const anchor = dict === 'timers' ? 'flush.timers' : 'flush.counters';
  // Built once here, not per step: a fresh pc string costs a string-table lookup at every step.
  const nextPc = `${anchor}.next`;
  const emitPc = `${anchor}.emit`;
  return {
    [nextPc]: {
      at: at(anchor),
      preempt: true,
      run(c) {
        const list = local<Item[]>(c, copyName(dict));
        const i = num(c, 'copyAt');
        const item = list[i];
        if (item) {
          setLocal(c, 'item', [item[0], item[1]]);
          setLocal(c, 'copyAt', i + 1);
          if (c.recording) {
            c.narrate(
              `${who(c)} takes ${shortKey(item[0])} = ${item[1]} from its copy of ${dict}.`,
            );
          }
          return c.goto(emitPc);
        }
        dropLocals(c, copyName(dict));
        if (after) {
          setLocal(c, 'copyAt', 0);
          if (c.recording) c.narrate(`${who(c)} has emitted its copy of ${dict}.`);
          return c.goto(after);
        }
        dropLocals(c, 'copyAt');
        if (c.recording) c.narrate(`${who(c)} has emitted its copy of ${dict}; flush() returns.`);
        c.ret();
      },
    },
    [emitPc]: emitInstr(anchor, metric, nextPc),
  };
}

export function snapshotFlushInstrs(gil: SwitchMode): Instrs {
  const copy = cCallsAreAtomic(gil) ? atomicCopy : steppedCopy;
  return {
    ...copy('timers', 'flush.snap_counters'),
    ...copy('counters', 'flush.reset'),
    'flush.reset': {
      at: at('flush.reset'),
      preempt: true,
      say: 'With both copies taken, flush() calls __reset() before emitting anything.',
      run(c) {
        setLocal(c, 'copyAt', 0);
        c.call('reset.timers', 'flush.timers.next');
      },
    },
    ...copyLoop('timers', 'timing', 'flush.counters.next'),
    ...copyLoop('counters', 'increment', null),
  };
}
