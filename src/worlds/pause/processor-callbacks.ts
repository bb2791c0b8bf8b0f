/**
 * The StreamProcessor's rebalance callbacks and `_close_processing_strategy`
 * (docs/real-code.md#callbacks-and-close). They run on main's thread inside a poll(), driven
 * by the coordinator actor. Closing an existing strategy joins it (the
 * callback time) and then resets `__message`, `__is_paused` and the
 * backpressure clock; with no strategy it returns without touching anything.
 * on_assign (V1b and later) recreates the strategy for all of tell(), which
 * already holds the new partitions; on_revoke recreates it for what remains.
 * The `correct` variant first rewinds the carried message's partition when
 * that partition is still in tell() (docs/real-code.md#incremental-assign,
 * #correct-fix), so the message is read again.
 */
import type { Instr } from '../../engine/index.ts';
import { seekVia, visibleTellKeys } from '../kafka/facade.ts';
import { callbackPartitions } from '../kafka/consumer-steps.ts';
import { minus, show, showMsg } from '../kafka/partitions.ts';
import type { VariantId } from '../variants.ts';
import { setBackpressure, setFlag, setMessage, setStrategy, type Ctx } from './effects.ts';
import { PROCESSOR_LISTING_IDS } from './processor-listing.ts';
import type { PauseTiming } from './setup.ts';
import type { PauseState } from './state.ts';

function newStrategy(c: Ctx, partitions: string[]): void {
  setStrategy(c, { partitions, accepting: true });
}

export function callbackSteps(
  variant: VariantId,
  timing: PauseTiming,
): Record<string, Instr<PauseState>> {
  const at = (anchor: string): string => `${PROCESSOR_LISTING_IDS[variant]}:${anchor}`;
  const steps: Record<string, Instr<PauseState>> = {
    'proc.on_assign': {
      at: at('cb.assign'),
      preempt: true,
      say: "The processor's on_assign first closes any existing strategy.",
      run(c) {
        c.call('proc.close', 'proc.on_assign.create');
      },
    },
    'proc.on_assign.create': {
      at: at('cb.assign.create'),
      preempt: true,
      run(c) {
        const ps = visibleTellKeys(c.world.state.kafka);
        newStrategy(c, ps);
        if (c.recording)
          c.narrate(
            `on_assign creates a new strategy for ${show(ps)}; a fresh strategy has room for messages.`,
          );
        c.ret();
      },
    },
    'proc.on_revoke': {
      at: at('cb.revoke'),
      preempt: true,
      say: "The processor's on_revoke closes the strategy.",
      run(c) {
        c.call('proc.close', 'proc.on_revoke.rest');
      },
    },
    'proc.on_revoke.rest': {
      at: at('cb.revoke.rest'),
      preempt: true,
      run(c) {
        const remaining = minus(visibleTellKeys(c.world.state.kafka), callbackPartitions(c));
        if (remaining.length > 0) newStrategy(c, remaining);
        if (c.recording)
          c.narrate(
            remaining.length > 0
              ? `tell() still has ${show(remaining)} after the revoke: on_revoke creates a strategy for it.`
              : 'Nothing remains after the revoke, so no new strategy.',
          );
        c.ret();
      },
    },
    'proc.close': {
      at: at('close.check'),
      preempt: true,
      run(c) {
        if (c.world.state.processor.strategy === null) {
          c.narrate(
            'There is no strategy to close: _message, the flag and the backpressure clock are left alone.',
          );
          return c.ret();
        }
        c.narrate('There is a strategy, so it is closed.');
        c.goto('proc.close.join');
      },
    },
    'proc.close.join': {
      at: at('close.join'),
      preempt: true,
      run(c) {
        c.spend(timing.callbackMs);
        if (c.recording)
          c.narrate(
            `The strategy is closed and joined (${timing.callbackMs} ms inside the callback).`,
          );
        const m = c.world.state.processor.message;
        const retained = m !== null && visibleTellKeys(c.world.state.kafka).includes(m.p);
        c.goto(variant === 'correct' && retained ? 'proc.close.give_back' : 'proc.close.reset');
      },
    },
    'proc.close.reset': {
      at: at('close.reset'),
      preempt: true,
      run(c) {
        const m = c.world.state.processor.message;
        setStrategy(c, null);
        setMessage(c, null);
        setFlag(c, false);
        setBackpressure(c, null);
        if (c.recording)
          c.narrate(
            (m === null ? '' : `The carried ${showMsg(m)} is dropped. `) +
              'is_paused = False and the backpressure clock is cleared: the processor no longer thinks it is paused.',
          );
        c.ret();
      },
    },
  };
  if (variant === 'correct') {
    steps['proc.close.give_back'] = {
      at: at('close.give_back'),
      preempt: true,
      run(c) {
        const m = c.world.state.processor.message;
        if (m === null) throw new Error('give_back without a carried message');
        seekVia(c.world.state.kafka, m.p, m.offset, c.world.nowMs, timing.fetchMs);
        if (c.recording)
          c.narrate(
            `The fix rewinds ${m.p} to ${m.offset}, so the carried ${showMsg(m)} will be read again.`,
          );
        c.goto('proc.close.reset');
      },
    };
  }
  return steps;
}
