/**
 * The `except InvalidMessage` handler around submit (docs/real-code.md#run-once,
 * the InvalidMessage outcome): `_handle_invalid_message` drops `_message`
 * when the exception names its partition and offset, and, from arroyo
 * c8bdbb9 (release 2.20.9, pull request #445) on, a paused processor then
 * resumes everything in tell(). Before that commit nothing on this path
 * resumed: the processor stayed paused with nothing left to submit, and a
 * paused processor resumes only after a successful submit, so the consumer
 * hung without an exception (arroyo #443, #444, #445). The backpressure
 * clock is not cleared on this path in any release. Without a DLQ policy the
 * dropped message is only logged and counted; we count it as handled.
 */
import type { Instr } from '../../engine/index.ts';
import { resumeVia, visibleTellKeys } from '../kafka/facade.ts';
import { show, showMsg, type Msg } from '../kafka/partitions.ts';
import type { VariantId } from '../variants.ts';
import { setFlag, setMessage, type Ctx } from './effects.ts';
import { PROCESSOR_LISTING_IDS } from './processor-listing.ts';
import type { PauseState } from './state.ts';

function handle(c: Ctx, resumeOnInvalid: boolean): void {
  const st = c.world.state;
  const bad = c.thread.locals['invalid'] as Msg | undefined;
  const carried = st.processor.message;
  const matches =
    bad !== undefined && carried !== null && carried.p === bad.p && carried.offset === bad.offset;
  if (matches) {
    setMessage(c, null);
    // Handled on purpose (logged, or sent to the DLQ): not a silent loss.
    st.processed[bad.p] = [...(st.processed[bad.p] ?? []), bad.offset];
  }
  const paused = st.processor.paused;
  if (c.recording) {
    const dropped = matches ? `${showMsg(bad ?? null)} is the invalid one, so it is dropped. ` : '';
    const after = !paused
      ? ''
      : resumeOnInvalid
        ? 'The processor is paused: since 2.20.9 (c8bdbb9) this handler resumes it.'
        : 'The processor is still paused, and before 2.20.9 nothing here resumes it; with no message left to submit, no submit will ever succeed and resume it either.';
    c.narrate(`_handle_invalid_message: ${dropped}${after}`);
  }
  if (paused && resumeOnInvalid) return c.goto('inv.resume');
  c.ret();
}

export function invalidSteps(
  variant: VariantId,
  resumeOnInvalid: boolean,
): Record<string, Instr<PauseState>> {
  const at = (anchor: string): string => `${PROCESSOR_LISTING_IDS[variant]}:${anchor}`;
  const steps: Record<string, Instr<PauseState>> = {
    'inv.handle': {
      at: at('inv.handle'),
      preempt: true,
      run(c) {
        handle(c, resumeOnInvalid);
      },
    },
  };
  if (resumeOnInvalid) {
    steps['inv.resume'] = {
      at: at('inv.resume'),
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
          c.narrate(
            `The processor resumes ${show(ps)} and clears is_paused; the backpressure clock is left as it was.`,
          );
        }
        c.ret();
      },
    };
  }
  return steps;
}
