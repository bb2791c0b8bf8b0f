/**
 * Branch (c) of the MessageRejected handler, the paused branch, per variant
 * (docs/real-code.md#paused-branch, #correct-fix; the pause-race
 * incident write-up's fix):
 * - buggy (V2 with the V1c pre-check): poll(0.1) and assert that it returned None;
 * - seed-fix: decide from paused(); a polled message clears the flag and
 *   becomes _message, replacing any carried one;
 * - upstream (V4/HEAD): assert on the processor's state with "consumer
 *   unpaused itself without rebalancing", then drop the polled message;
 * - correct: keep the polled message only if nothing is carried (a rebalance
 *   ran), otherwise seek it back and re-pause its partition; then reconcile
 *   the flag with paused() & tell().
 * Callbacks may run inside every one of these polls.
 */
import type { Instr } from '../../engine/index.ts';
import { intersect, minus, show, showMsg, type Msg } from '../kafka/partitions.ts';
import { pauseVia, resumeVia, seekVia, visiblePaused, visibleTellKeys } from '../kafka/facade.ts';
import type { VariantId } from '../variants.ts';
import { returned, setFlag, setMessage, type Ctx } from './effects.ts';
import { PROCESSOR_LISTING_IDS } from './processor-listing.ts';
import type { PauseTiming } from './setup.ts';
import type { PauseState } from './state.ts';

type Steps = Record<string, Instr<PauseState>>;
type At = (anchor: string) => string;

const UNPAUSED = 'consumer unpaused itself without rebalancing';

function pollStep(at: At, after: string): Steps {
  return {
    'paused.poll': {
      at: at('paused.poll'),
      preempt: true,
      say: 'The paused branch calls poll(timeout=0.1) to keep the group membership alive.',
      run(c) {
        c.call('sc.poll.candidates', after);
      },
    },
  };
}

function droppedNote(m: Msg, c: Ctx): string {
  const pos = c.world.state.kafka.consumer.assigned.find((a) => a.p === m.p)?.position;
  return pos === undefined
    ? ''
    : ` ${m.p}'s working offset is already ${pos}, so nothing will read ${showMsg(m)} again.`;
}

function buggy(at: At): Steps {
  return {
    'paused.precheck': {
      at: at('paused.precheck'),
      run(c) {
        const k = c.world.state.kafka;
        const held = visiblePaused(k);
        const running = minus(visibleTellKeys(k), held);
        c.thread.locals['held'] = held;
        if (running.length > 0) {
          if (c.recording)
            c.narrate(
              `The V1c pre-check sees ${show(running)} running although the flag says paused.`,
            );
          return c.goto('paused.precheck.resume');
        }
        if (c.recording)
          c.narrate(
            `The V1c pre-check: paused() is ${show(held)}, all of tell(); nothing looks unpaused, so poll.`,
          );
        c.goto('paused.poll');
      },
    },
    'paused.precheck.resume': {
      at: at('paused.precheck.resume'),
      preempt: true,
      run(c) {
        const held = c.thread.locals['held'] as string[];
        setFlag(c, false);
        resumeVia(c.world.state.kafka, held);
        if (c.recording)
          c.narrate(
            `The pre-check clears the flag and resumes ${show(held)}; the carried message is kept.`,
          );
        c.ret();
      },
    },
    ...pollStep(at, 'paused.assert'),
    'paused.assert': {
      at: at('paused.assert'),
      run(c) {
        const m = returned(c);
        if (m === null) {
          c.narrate('poll(0.1) returned None, as a paused consumer should: the assert holds.');
          return c.ret();
        }
        if (c.recording)
          c.narrate(
            `poll(0.1) returned ${showMsg(m)} while the processor thought it was paused: AssertionError.`,
          );
        // CPython prints a bare AssertionError here; the message names the failing assert for the outcome line.
        c.raise('AssertionError', 'assert polled is None');
      },
    },
  };
}

function seedFix(at: At): Steps {
  return {
    'seed.check': {
      at: at('seed.check'),
      run(c) {
        const held = visiblePaused(c.world.state.kafka);
        if (held.length === 0) {
          c.narrate("paused() is empty: the write-up's fix clears the flag if needed and sleeps.");
          return c.goto('bp.sleep');
        }
        if (c.recording)
          c.narrate(`paused() is ${show(held)}: the write-up's fix polls with 0.1 s.`);
        c.goto('paused.poll');
      },
    },
    ...pollStep(at, 'paused.after_poll'),
    'paused.after_poll': {
      at: at('paused.poll'),
      run(c) {
        const m = returned(c);
        if (c.recording)
          c.narrate(m === null ? 'The poll returned None.' : `The poll returned ${showMsg(m)}.`);
        if (m === null) return c.ret();
        c.goto('seed.keep');
      },
    },
    'seed.keep': {
      at: at('seed.keep'),
      run(c) {
        const m = returned(c) as Msg;
        const old = c.world.state.processor.message;
        setFlag(c, false);
        setMessage(c, m);
        if (c.recording)
          c.narrate(
            old === null
              ? `The write-up's fix clears the flag and keeps ${showMsg(m)} as _message.`
              : `The write-up's fix clears the flag and overwrites the carried ${showMsg(old)} with ${showMsg(m)}.` +
                  droppedNote(old, c),
          );
        c.ret();
      },
    },
  };
}

function upstream(at: At): Steps {
  return {
    ...pollStep(at, 'paused.after_poll'),
    'paused.after_poll': {
      at: at('paused.poll'),
      run(c) {
        const m = returned(c);
        if (c.recording)
          c.narrate(
            m === null
              ? 'The poll returned None.'
              : `The poll returned ${showMsg(m)}; check the processor's state.`,
          );
        if (m === null) return c.ret();
        c.goto('paused.assert_flag');
      },
    },
    'paused.assert_flag': {
      at: at('paused.assert_flag'),
      run(c) {
        if (!c.world.state.processor.paused) {
          c.narrate('is_paused is False (a callback reset it): the first assert holds.');
          return c.goto('paused.assert_message');
        }
        c.narrate('is_paused is still True, yet the poll returned a message: AssertionError.');
        c.raise('AssertionError', UNPAUSED);
      },
    },
    'paused.assert_message': {
      at: at('paused.assert_message'),
      run(c) {
        const carried = c.world.state.processor.message;
        if (carried !== null) {
          if (c.recording) c.narrate(`_message still carries ${showMsg(carried)}: AssertionError.`);
          return c.raise('AssertionError', UNPAUSED);
        }
        const m = returned(c) as Msg;
        if (c.recording) {
          c.emit({
            kind: 'state',
            actor: c.thread.actor,
            path: 'processor.dropped',
            from: showMsg(m),
            to: 'None',
          });
        }
        if (c.recording)
          c.narrate(
            `Both asserts hold, and ${showMsg(m)} is dropped: not stored, not submitted.` +
              droppedNote(m, c),
          );
        c.ret();
      },
    },
  };
}

function correct(at: At, timing: PauseTiming): Steps {
  return {
    ...pollStep(at, 'paused.after_poll'),
    'paused.after_poll': {
      at: at('paused.poll'),
      run(c) {
        const m = returned(c);
        const carried = c.world.state.processor.message;
        if (m === null) {
          c.narrate('The poll returned None.');
          return c.goto('fix.reconcile');
        }
        if (c.recording)
          c.narrate(
            carried === null
              ? `The poll returned ${showMsg(m)} and nothing is carried: a rebalance ran inside the poll.`
              : `The poll returned ${showMsg(m)} while ${showMsg(carried)} is carried: no rebalance ran.`,
          );
        c.goto(carried === null ? 'fix.keep' : 'fix.give_back');
      },
    },
    'fix.keep': {
      at: at('fix.keep'),
      run(c) {
        const m = returned(c) as Msg;
        setMessage(c, m);
        if (c.recording)
          c.narrate(
            `The fix keeps ${showMsg(m)} as _message (and in the DLQ buffer); the next run submits it.`,
          );
        c.goto('fix.reconcile');
      },
    },
    'fix.give_back': {
      at: at('fix.give_back'),
      preempt: true,
      run(c) {
        const m = returned(c) as Msg;
        const k = c.world.state.kafka;
        seekVia(k, m.p, m.offset, c.world.nowMs, timing.fetchMs);
        pauseVia(k, [m.p]);
        if (c.recording)
          c.narrate(
            `The fix never overwrites: it seeks ${m.p} back to ${m.offset} and pauses ${m.p} again.`,
          );
        c.goto('fix.reconcile');
      },
    },
    'fix.reconcile': {
      at: at('fix.reconcile'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        const tellKeys = visibleTellKeys(k);
        const held = intersect(visiblePaused(k), tellKeys);
        if (c.world.state.processor.paused) {
          const missing = minus(tellKeys, held);
          if (missing.length > 0) pauseVia(k, missing);
          if (c.recording)
            c.narrate(
              missing.length > 0
                ? `Reconcile: the flag says paused, so ${show(missing)} is paused too.`
                : 'Reconcile: the flag says paused and every partition is paused. Consistent.',
            );
        } else if (held.length > 0) {
          resumeVia(k, held);
          if (c.recording)
            c.narrate(
              `Reconcile: the flag says running, but ${show(held)} is still paused; resume it.`,
            );
        } else {
          c.narrate('Reconcile: the flag says running and nothing is paused. Consistent.');
        }
        c.ret();
      },
    },
  };
}

export function pausedSteps(variant: VariantId, timing: PauseTiming): Steps {
  const at: At = (anchor) => `${PROCESSOR_LISTING_IDS[variant]}:${anchor}`;
  switch (variant) {
    case 'buggy':
      return buggy(at);
    case 'seed-fix':
      return seedFix(at);
    case 'upstream':
      return upstream(at);
    case 'correct':
      return correct(at, timing);
  }
}
