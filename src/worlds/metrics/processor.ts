/**
 * The main thread `main` (docs/real-code.md#run-once, #callbacks-and-close, #time, #metrics-buffer): StreamProcessor's
 * run loop, cut down to what touches the MetricsBuffer. The scenario opens at
 * the start of a `_run_once` whose `poll()` delivers a revoke: the revoke
 * callback closes the strategy and waits in `join()` far longer than the stuck
 * detector's timeout. When the join returns, main makes four timer increments
 * on its way back out (join.time, shutdown.time, callback.time, poll.time),
 * runs `runsAfter` more `_run_once` calls, each waiting a second in `poll()`,
 * and then shuts down; `_shutdown` flushes the buffer, so the end-of-run
 * invariant sees everything main buffered emitted.
 *
 * Every step is zero-time except the join and the poll waits (`c.sleep`).
 */
import { callIncr, type BufferEntries } from './buffer.ts';
import { clockMs, dropLocals, num, setLocal, stateEvent, type Instrs } from './common.ts';
import { PROCESSOR } from './listings.ts';
import { KEY, recordEmitted, recordIncrement } from './state.ts';

/** `consumer.poll(timeout=1.0)`: with no partitions assigned it waits the whole second. */
export const POLL_TIMEOUT_MS = 1000;

const at = (anchor: string): string => `${PROCESSOR}:${anchor}`;

export interface ProcessorParams {
  readonly joinMs: number;
}

function runLoop(): Instrs {
  return {
    'run.loop': {
      at: at('run.loop'),
      preempt: false,
      run(c) {
        const p = c.world.state.processor;
        if (!p.shutdownRequested && p.runsLeft === 0) {
          p.shutdownRequested = true;
          stateEvent(c, 'processor.shutdown_requested', 'False', 'True');
          if (c.recording) {
            c.narrate(
              'The scenario ends here: signal_shutdown() has been called, as a deploy would, so the loop stops and main shuts the processor down.',
            );
          }
        } else if (c.recording && !p.shutdownRequested) {
          c.narrate('No shutdown has been requested, so main calls _run_once() again.');
        }
        c.goto(p.shutdownRequested ? 'run.shutdown' : 'run.once');
      },
    },
    'run.once': {
      at: at('run.once'),
      preempt: true,
      say: 'Main calls _run_once().',
      run(c) {
        c.world.state.processor.runsLeft -= 1;
        c.call('once.count', 'run.loop');
      },
    },
    'run.shutdown': {
      at: at('run.shutdown'),
      preempt: true,
      say: 'Main calls _shutdown().',
      run: (c) => c.call('shutdown.close', 'run.done'),
    },
    'run.done': {
      at: at('run.done'),
      preempt: true,
      run(c) {
        c.world.state.processor.shutdownDone = true;
        stateEvent(c, 'processor.shutdown_done', 'False', 'True');
        if (c.recording)
          c.narrate(
            "Main sets __shutdown_done; the stuck detector's loop will stop at its next check. run() returns.",
          );
        c.finish();
      },
    },
  };
}

function runOnce(entries: BufferEntries): Instrs {
  return {
    'once.count': {
      at: at('once.count'),
      preempt: true,
      say: 'Main counts this run: incr_counter("arroyo.consumer.run.count", 1).',
      run: (c) => callIncr(c, entries.counter, KEY.runCount, 1, 'once.last_run'),
    },
    'once.last_run': {
      at: at('once.last_run'),
      preempt: false,
      run(c) {
        const p = c.world.state.processor;
        if (c.recording)
          stateEvent(c, 'processor.last_run', `${p.lastRunMs} ms`, `${clockMs(c)} ms`);
        p.lastRunMs = clockMs(c);
        if (c.recording) {
          c.narrate(
            `Main sets __last_run to ${clockMs(c)} ms. The stuck detector measures main's silence from here.`,
          );
        }
        c.goto('once.poll');
      },
    },
    'once.poll': {
      at: at('once.poll'),
      preempt: true,
      run(c) {
        const p = c.world.state.processor;
        setLocal(c, 'pollBegan', clockMs(c));
        if (c.recording) {
          c.emit({
            kind: 'consumer',
            actor: 'main',
            consumer: 'consumer',
            call: 'poll',
            detail: 'timeout=1.0',
          });
        }
        if (p.revokePending) {
          p.revokePending = false;
          if (c.recording) {
            c.narrate(
              'Main calls consumer.poll(timeout=1.0). A rebalance is under way: the partitions are revoked, and the revoke callback runs inside this poll.',
            );
          }
          return c.call('cb.call', 'once.poll_time');
        }
        if (c.recording) {
          c.narrate(
            'Main calls consumer.poll(timeout=1.0). No partitions are assigned, so it waits the full second.',
          );
        }
        c.sleep(POLL_TIMEOUT_MS, 'once.poll_time');
      },
    },
  };
}

/** After poll() returns: time it, and return for want of a strategy. */
function afterPoll(entries: BufferEntries): Instrs {
  return {
    'once.poll_time': {
      at: at('once.poll_time'),
      preempt: true,
      run(c) {
        const waited = clockMs(c) - num(c, 'pollBegan');
        dropLocals(c, 'pollBegan');
        if (c.recording)
          c.narrate(
            `poll() returned nothing after ${waited} ms; main calls incr_timing("arroyo.consumer.poll.time", ${waited}).`,
          );
        callIncr(c, entries.timing, KEY.pollTime, waited, 'once.no_strategy');
      },
    },
    'once.no_strategy': {
      at: at('once.no_strategy'),
      preempt: true,
      say: 'There is no processing strategy (the revoke closed it), so _run_once() returns.',
      run: (c) => c.ret(),
    },
  };
}

function callback(entries: BufferEntries): Instrs {
  return {
    'cb.call': {
      at: at('cb.call'),
      preempt: true,
      say: 'The callback wrapper notes the time and calls on_partitions_revoked().',
      run(c) {
        setLocal(c, 'cbBegan', clockMs(c));
        c.call('revoke.close', 'cb.direct');
      },
    },
    'revoke.close': {
      at: at('revoke.close'),
      preempt: true,
      say: 'The revoke callback calls _close_processing_strategy().',
      run: (c) => c.call('close.check', 'revoke.done'),
    },
    'revoke.done': {
      at: at('revoke.close'),
      preempt: false,
      say: 'on_partitions_revoked() returns.',
      run: (c) => c.ret(),
    },
    'cb.direct': {
      at: at('cb.direct'),
      preempt: true,
      run(c) {
        const took = clockMs(c) - num(c, 'cbBegan');
        dropLocals(c, 'cbBegan');
        setLocal(c, 'took', took);
        recordIncrement(c.world.state, KEY.runCallback, took);
        recordEmitted(c.world.state, KEY.runCallback, took);
        if (c.recording) {
          c.emit({
            kind: 'metric',
            actor: 'main',
            metric: 'timing',
            key: KEY.runCallback,
            value: took,
          });
          c.narrate(
            `The wrapper sends timing('run.callback', ${took}) straight to the backend; this one never enters the buffer.`,
          );
        }
        c.goto('cb.time');
      },
    },
    'cb.time': {
      at: at('cb.time'),
      preempt: true,
      run(c) {
        const took = num(c, 'took');
        dropLocals(c, 'took');
        if (c.recording)
          c.narrate(`The wrapper calls incr_timing("arroyo.consumer.callback.time", ${took}).`);
        callIncr(c, entries.timing, KEY.callbackTime, took, 'cb.done');
      },
    },
    'cb.done': {
      at: at('cb.time'),
      preempt: false,
      say: 'The callback wrapper returns, and poll() returns to _run_once().',
      run: (c) => c.ret(),
    },
  };
}

function closeStrategy(entries: BufferEntries, params: ProcessorParams): Instrs {
  return {
    'close.check': {
      at: at('close.check'),
      preempt: false,
      run(c) {
        if (!c.world.state.processor.hasStrategy) {
          if (c.recording)
            c.narrate(
              'There is no strategy to close, so _close_processing_strategy() returns at once.',
            );
          return c.ret();
        }
        setLocal(c, 'closeBegan', clockMs(c));
        if (c.recording) c.narrate('A strategy exists, so main closes it.');
        c.goto('close.join');
      },
    },
    'close.join': {
      at: at('close.join'),
      preempt: true,
      run(c) {
        setLocal(c, 'joinBegan', clockMs(c));
        if (c.recording) {
          c.narrate(
            `Main waits in strategy.join() for in-flight work: ${params.joinMs} ms. __last_run does not move while it waits, so to the stuck detector main looks stuck.`,
          );
        }
        c.sleep(params.joinMs, 'close.join_time');
      },
    },
    'close.join_time': {
      at: at('close.join_time'),
      preempt: true,
      run(c) {
        const took = clockMs(c) - num(c, 'joinBegan');
        dropLocals(c, 'joinBegan');
        if (c.recording) {
          const held =
            c.world.nowMs > clockMs(c)
              ? ` (It returned at ${clockMs(c)} ms, but the detector held the interpreter until ${c.world.nowMs} ms; the model does not advance main's clock while it waits for the interpreter.)`
              : '';
          c.narrate(
            `join() has returned after ${took} ms; main calls incr_timing("arroyo.consumer.join.time", ${took}).${held}`,
          );
        }
        callIncr(c, entries.timing, KEY.joinTime, took, 'close.forget');
      },
    },
  };
}

/** After the join: forget the strategy and time the whole close. */
function closeTail(entries: BufferEntries): Instrs {
  return {
    'close.forget': {
      at: at('close.forget'),
      preempt: false,
      run(c) {
        c.world.state.processor.hasStrategy = false;
        stateEvent(c, 'processor.processing_strategy', 'strategy', 'None');
        if (c.recording)
          c.narrate(
            'Main drops the closed strategy (and the carried message and the paused flag with it).',
          );
        c.goto('close.shutdown_time');
      },
    },
    'close.shutdown_time': {
      at: at('close.shutdown_time'),
      preempt: true,
      run(c) {
        const took = clockMs(c) - num(c, 'closeBegan');
        dropLocals(c, 'closeBegan');
        if (c.recording)
          c.narrate(
            `Main calls incr_timing("arroyo.consumer.shutdown.time", ${took}) for the whole close.`,
          );
        callIncr(c, entries.timing, KEY.shutdownTime, took, 'close.done');
      },
    },
    'close.done': {
      at: at('close.shutdown_time'),
      preempt: false,
      say: '_close_processing_strategy() returns.',
      run: (c) => c.ret(),
    },
  };
}

function shutdown(entries: BufferEntries): Instrs {
  return {
    'shutdown.close': {
      at: at('shutdown.close'),
      preempt: true,
      say: '_shutdown() first closes the strategy, if there is one.',
      run: (c) => c.call('close.check', 'shutdown.flush'),
    },
    'shutdown.flush': {
      at: at('shutdown.flush'),
      preempt: true,
      say: '_shutdown() flushes the MetricsBuffer, so nothing main buffered is left behind.',
      run: (c) => c.call(entries.flush, 'shutdown.consumer'),
    },
    'shutdown.consumer': {
      at: at('shutdown.consumer'),
      preempt: true,
      run(c) {
        stateEvent(c, 'consumer.closed', 'False', 'True');
        if (c.recording) c.narrate('Main closes the consumer; _shutdown() returns.');
        c.ret();
      },
    },
  };
}

export function processorInstrs(entries: BufferEntries, params: ProcessorParams): Instrs {
  return {
    ...runLoop(),
    ...runOnce(entries),
    ...afterPoll(entries),
    ...callback(entries),
    ...closeStrategy(entries, params),
    ...closeTail(entries),
    ...shutdown(entries),
  };
}

/** The main thread's first pc. */
export const MAIN_ENTRY = 'run.loop';
