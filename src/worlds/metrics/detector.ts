/**
 * The stuck-detector thread `stuck` (docs/real-code.md#metrics-buffer, #upstream-metrics-fix). It wakes once
 * a second and compares the time since main's `__last_run` with its timeout
 * (strictly greater). The first time main looks stuck it formats every
 * thread's stack, one frame per step (1 ms each, a switch point after each:
 * it is ordinary Python), logs them, reports the event and returns:
 * - `buggy`, `seed-fix`, `correct`: `incr_counter("arroyo.consumer.stuck", 1)`
 *   on the shared buffer, which may flush right there, then an explicit
 *   `flush()`; in `correct` both take the buffer's lock;
 * - `upstream` (e907f89): one `metrics.increment` straight to the backend.
 * Once main has set `__shutdown_done`, the loop ends at its next check.
 */
import type { VariantId } from '../variants.ts';
import { callIncr, type BufferEntries } from './buffer.ts';
import { clockMs, dropLocals, metricEvent, num, setLocal, type Instrs } from './common.ts';
import { DETECTOR } from './listings.ts';
import { KEY, recordEmitted, recordIncrement } from './state.ts';

/** The detector's `time.sleep(1)`. */
export const DETECTOR_PERIOD_MS = 1000;

/** Formatting one stack frame (reading its source line): a millisecond in this model. */
export const FRAME_MS = 1;

export interface DetectorParams {
  readonly stuckTimeoutMs: number;
  readonly stackFrames: number;
}

const at = (anchor: string): string => `${DETECTOR}:${anchor}`;

/** The loop: wake, compare the time since `__last_run` with the timeout, sleep. */
function watchInstrs(params: DetectorParams): Instrs {
  return {
    's.loop': {
      at: at('s.loop'),
      preempt: false,
      run(c) {
        if (c.world.state.processor.shutdownDone) {
          if (c.recording)
            c.narrate(
              'The stuck detector sees __shutdown_done: main has shut down, so its loop ends.',
            );
          return c.finish();
        }
        if (c.recording)
          c.narrate("The stuck detector's loop goes on: __shutdown_done is still False.");
        c.goto('s.check');
      },
    },
    's.check': {
      at: at('s.check'),
      preempt: false,
      run(c) {
        const since = clockMs(c) - c.world.state.processor.lastRunMs;
        const stuck = since > params.stuckTimeoutMs;
        if (c.recording) {
          c.narrate(
            stuck
              ? `The stuck detector wakes: main last started a run ${since} ms ago, more than the ${params.stuckTimeoutMs} ms timeout. Main is stuck.`
              : `The stuck detector wakes: main last started a run ${since} ms ago, within the ${params.stuckTimeoutMs} ms timeout.`,
          );
        }
        if (stuck) setLocal(c, 'framesLeft', params.stackFrames);
        c.goto(stuck ? 's.stacks' : 's.sleep');
      },
    },
    's.sleep': {
      at: at('s.sleep'),
      preempt: true,
      say: 'The stuck detector sleeps for a second.',
      run: (c) => c.sleep(DETECTOR_PERIOD_MS, 's.loop'),
    },
  };
}

/** Format every thread's stack, one frame per step, then log it. */
function dumpInstrs(params: DetectorParams, report: string): Instrs {
  return {
    's.stacks': {
      at: at('s.stacks'),
      preempt: true,
      run(c) {
        c.spend(FRAME_MS);
        const left = num(c, 'framesLeft') - 1;
        const done = params.stackFrames - left;
        if (c.recording) {
          c.narrate(
            `The stuck detector formats stack frame ${done} of ${params.stackFrames} (every thread's stack, 1 ms a frame). This is ordinary Python code, so CPython may switch to main after any frame.`,
          );
        }
        if (left > 0) {
          setLocal(c, 'framesLeft', left);
          return c.goto('s.stacks');
        }
        dropLocals(c, 'framesLeft');
        c.goto('s.log');
      },
    },
    's.log': {
      at: at('s.log'),
      preempt: true,
      say: "The stuck detector logs the warning with every thread's stack. Writing the log is I/O, another point where main can run.",
      run: (c) => c.goto(report),
    },
    's.return': {
      at: at('s.return'),
      preempt: false,
      say: 'The stuck detector has reported once; its thread returns and ends.',
      run: (c) => c.finish(),
    },
  };
}

/** How the detector reports: through the shared buffer (V5) or to the backend (V6). */
function reportInstrs(variant: VariantId, entries: BufferEntries): Instrs {
  const instrs: Instrs = {};
  if (variant === 'upstream') {
    instrs['s.direct'] = {
      at: at('s.direct'),
      preempt: true,
      run(c) {
        recordIncrement(c.world.state, KEY.stuck, 1);
        recordEmitted(c.world.state, KEY.stuck, 1);
        metricEvent(c, 'increment', KEY.stuck, 1);
        if (c.recording) {
          c.narrate(
            "The stuck detector sends increment('stuck', 1) straight to the backend. It never touches the buffer, which only main uses.",
          );
        }
        c.goto('s.return');
      },
    };
  } else {
    instrs['s.incr'] = {
      at: at('s.incr'),
      preempt: true,
      say: 'The stuck detector calls incr_counter("arroyo.consumer.stuck", 1) on the buffer main is also using.',
      run: (c) => callIncr(c, entries.counter, KEY.stuck, 1, 's.flush'),
    };
    instrs['s.flush'] = {
      at: at('s.flush'),
      preempt: true,
      say: 'The stuck detector calls flush() on the shared buffer, from its own thread.',
      run: (c) => c.call(entries.flush, 's.return'),
    };
  }
  return instrs;
}

export function detectorInstrs(
  variant: VariantId,
  entries: BufferEntries,
  params: DetectorParams,
): Instrs {
  const report = variant === 'upstream' ? 's.direct' : 's.incr';
  return {
    ...watchInstrs(params),
    ...dumpInstrs(params, report),
    ...reportInstrs(variant, entries),
  };
}

/** The detector's first pc. */
export const DETECTOR_ENTRY = 's.loop';
