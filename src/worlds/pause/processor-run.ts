/**
 * The steps of StreamProcessor.run and the parts of `_run_once` every variant
 * shares (docs/real-code.md#run-once, #paused-branch): the carried-message check, the top
 * poll(1.0), strategy.poll and submit, the MessageRejected dispatch with its
 * branches (a) start the backpressure clock, (b) pause after the strictly
 * greater than BACKPRESSURE_THRESHOLD test, (d) sleep 10 ms, and the success
 * path that resumes everything in tell() when paused. Branch (c), the paused
 * branch, differs per variant (processor-paused.ts); the InvalidMessage
 * handler is in processor-invalid.ts.
 */
import type { Instr } from '../../engine/index.ts';
import { pauseVia, resumeVia, visibleTellKeys } from '../kafka/facade.ts';
import { show, showMsg } from '../kafka/partitions.ts';
import type { VariantId } from '../variants.ts';
import {
  returned,
  setBackpressure,
  setFlag,
  setMessage,
  sleepThenReturn,
  type Ctx,
} from './effects.ts';
import { PROCESSOR_LISTING_IDS } from './processor-listing.ts';
import type { PauseTiming } from './setup.ts';
import type { PauseState } from './state.ts';

/** Where the paused branch starts, per variant (seed-fix replaces branches (c) and (d)). */
const PAUSED_ENTRY: Readonly<Record<VariantId, string>> = {
  buggy: 'paused.precheck',
  'seed-fix': 'seed.check',
  upstream: 'paused.poll',
  correct: 'paused.poll',
};

function dispatch(c: Ctx, variant: VariantId, timing: PauseTiming): void {
  const raised = c.thread.locals['exception'] as { readonly type: string } | undefined;
  // Python tries `except MessageRejected` first; InvalidMessage goes on to its own handler.
  if (raised?.type === 'InvalidMessage') {
    c.narrate(
      'submit raised InvalidMessage, not MessageRejected: the next except clause handles it.',
    );
    return c.goto('inv.handle');
  }
  const pr = c.world.state.processor;
  const since = pr.backpressureSinceMs;
  if (since === null) {
    if (c.recording)
      c.narrate(
        `submit(${showMsg(pr.message)}) raised MessageRejected: the first rejection starts the backpressure clock.`,
      );
    return c.goto('bp.start');
  }
  const waited = c.world.nowMs - since;
  if (!pr.paused && waited > timing.thresholdMs) {
    if (c.recording)
      c.narrate(
        `MessageRejected again, rejected for ${waited} ms > ${timing.thresholdMs} ms and not paused: time to pause.`,
      );
    return c.goto('bp.pause');
  }
  c.thread.locals['timeoutMs'] = timing.pausedPollMs;
  if (variant === 'seed-fix') {
    if (c.recording)
      c.narrate(
        `MessageRejected again (rejected for ${waited} ms): the write-up's fix looks at the consumer's paused().`,
      );
    return c.goto(PAUSED_ENTRY[variant]);
  }
  if (pr.paused) {
    if (c.recording)
      c.narrate(
        `MessageRejected again while paused (rejected for ${waited} ms): the paused branch.`,
      );
    return c.goto(PAUSED_ENTRY[variant]);
  }
  if (c.recording)
    c.narrate(
      `MessageRejected again, rejected for ${waited} ms, not over ${timing.thresholdMs} ms: sleep.`,
    );
  c.goto('bp.sleep');
}

export function runSteps(
  variant: VariantId,
  timing: PauseTiming,
): Record<string, Instr<PauseState>> {
  const at = (anchor: string): string => `${PROCESSOR_LISTING_IDS[variant]}:${anchor}`;
  return {
    'run.loop': {
      at: at('run.loop'),
      preempt: true,
      say: 'run() calls _run_once().',
      run(c) {
        c.call('run.carried', 'run.loop');
      },
    },
    'run.carried': {
      at: at('run.carried'),
      run(c) {
        const m = c.world.state.processor.message;
        if (m !== null) {
          if (c.recording)
            c.narrate(
              `_run_once carries ${showMsg(m)} over from an earlier run, so it does not poll.`,
            );
          return c.goto('run.strategy_poll');
        }
        c.thread.locals['timeoutMs'] = timing.topPollMs;
        c.narrate('No carried message: _run_once polls the consumer with a 1.0 s timeout.');
        c.goto('run.poll');
      },
    },
    'run.poll': {
      at: at('run.poll'),
      preempt: true,
      say: 'main calls poll(timeout=1.0) on the SynchronizedConsumer.',
      run(c) {
        c.call('sc.poll.candidates', 'run.poll.store');
      },
    },
    'run.poll.store': {
      at: at('run.poll'),
      run(c) {
        const m = returned(c);
        setMessage(c, m);
        if (c.recording)
          c.narrate(
            m === null
              ? 'The top poll returned None.'
              : `The top poll returned ${showMsg(m)}; it becomes _message.`,
          );
        c.goto('run.strategy_poll');
      },
    },
    'run.strategy_poll': {
      at: at('run.strategy_poll'),
      preempt: true,
      run(c) {
        const pr = c.world.state.processor;
        if (pr.strategy === null) {
          c.narrate('There is no strategy (between a revoke and an assign): _run_once returns.');
          return c.ret();
        }
        if (pr.message === null) {
          c.narrate('strategy.poll(); there is no message to submit, so _run_once returns.');
          return c.ret();
        }
        if (c.recording) c.narrate(`strategy.poll(); then submit ${showMsg(pr.message)}.`);
        c.goto('run.submit');
      },
    },
    'run.submit': {
      at: at('run.submit'),
      preempt: true,
      say: 'main calls strategy.submit(message).',
      run(c) {
        c.call('strategy.submit', 'ok.check', {
          catches: ['MessageRejected', 'InvalidMessage'],
          catchPc: 'bp.dispatch',
        });
      },
    },
    'bp.dispatch': {
      at: at('bp.dispatch'),
      run(c) {
        dispatch(c, variant, timing);
      },
    },
    'bp.start': {
      at: at('bp.start'),
      run(c) {
        setBackpressure(c, c.world.nowMs);
        if (c.recording)
          c.narrate(`The backpressure clock starts at ${c.world.nowMs} ms; no sleep, no poll.`);
        c.ret();
      },
    },
    'bp.pause': {
      at: at('bp.pause'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        const ps = visibleTellKeys(k);
        pauseVia(k, ps);
        setFlag(c, true);
        if (c.recording) {
          c.emit({
            kind: 'consumer',
            actor: c.thread.actor,
            consumer: 'SynchronizedConsumer',
            call: 'pause',
            detail: show(ps),
          });
        }
        if (c.recording)
          c.narrate(
            `The processor pauses every partition in tell(), ${show(ps)}: SC records them in its _paused and pauses the inner ` +
              'consumer, which seeks them back to their working offsets. is_paused = True.',
          );
        c.ret();
      },
    },
    'bp.sleep': {
      at: at('bp.sleep'),
      preempt: true,
      run(c) {
        if (variant === 'seed-fix' && c.world.state.processor.paused) setFlag(c, false);
        c.narrate('time.sleep(0.01): 10 ms, then _run_once returns.');
        sleepThenReturn(c, 10);
      },
    },
    'ok.check': {
      at: at('ok.check'),
      run(c) {
        const paused = c.world.state.processor.paused;
        if (c.recording)
          c.narrate(
            paused ? 'The submit succeeded while paused: resume.' : 'The submit succeeded.',
          );
        c.goto(paused ? 'ok.resume' : 'ok.done');
      },
    },
    'ok.resume': {
      at: at('ok.resume'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        const ps = visibleTellKeys(k);
        resumeVia(k, ps);
        setFlag(c, false);
        if (c.recording) {
          c.emit({
            kind: 'consumer',
            actor: c.thread.actor,
            consumer: 'SynchronizedConsumer',
            call: 'resume',
            detail: show(ps),
          });
        }
        if (c.recording)
          c.narrate(
            `The processor resumes ${show(ps)}. SC only forgets them in its _paused; the inner consumer stays paused until an SC.poll ` +
              'finds the leader past them. is_paused = False.',
          );
        c.goto('ok.done');
      },
    },
    'ok.done': {
      at: at('ok.done'),
      run(c) {
        setBackpressure(c, null);
        setMessage(c, null);
        c.narrate('The backpressure clock is cleared and _message is None again.');
        c.ret();
      },
    },
  };
}
