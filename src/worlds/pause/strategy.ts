/**
 * The processing strategy under backpressure (docs/real-code.md#run-once): think of
 * a step whose downstream queue is full. submit() raises MessageRejected
 * while the downstream has no room; the `strategy` actor's outside event
 * "the downstream has room again" makes the current strategy accept. A newly
 * created strategy (after a rebalance closed and joined the old one, which
 * drained it) starts with room. Simplification, said in the listing too:
 * every successful submit processes the message and commits offset + 1 at
 * once, where arroyo's default policy commits at most once per second.
 * A scenario may name messages the processing function refuses: when the
 * downstream has room and submit() runs the function on one of them, it
 * raises InvalidMessage for that message (arroyo's test for c8bdbb9 uses a
 * carried message that has become stale).
 */
import { defineListing, type Instr } from '../../engine/index.ts';
import { commitOffset, OUR_GROUP } from '../kafka/broker.ts';
import { showMsg, type Msg } from '../kafka/partitions.ts';
import type { PauseState } from './state.ts';

export const STRATEGY_LISTING_ID = 'strategy';

export const STRATEGY_LISTING = defineListing(
  STRATEGY_LISTING_ID,
  'processing strategy under backpressure (model)',
  `
class BackpressuredStrategy:
    # e.g. a step that hands messages to a queue that is full for now

    def submit(self, message):
        if not self._downstream_has_room:
            raise MessageRejected()  #@submit
        if not self._valid(message):  # e.g. too old to process by now
            raise InvalidMessage(message.partition, message.offset)
        self._process(message)
        # simplification: commit at once (arroyo's default policy commits
        # at most once per second, from poll())
        self._commit({message.partition: message.offset + 1})

    def poll(self):
        pass  # nothing is due in this model

# the "strategy" actor: the downstream drains and has room again
def downstream_recovers(strategy):
    strategy._downstream_has_room = True  #@ready
`,
);

const at = (anchor: string): string => `${STRATEGY_LISTING_ID}:${anchor}`;

function isInvalid(invalid: readonly Msg[], m: Msg): boolean {
  return invalid.some((x) => x.p === m.p && x.offset === m.offset);
}

export function strategySteps(
  readyAtMs: number | null,
  slackMs: number,
  invalid: readonly Msg[] = [],
): Record<string, Instr<PauseState>> {
  return {
    'strategy.submit': {
      at: at('submit'),
      preempt: true,
      run(c) {
        const st = c.world.state;
        const m = st.processor.message;
        const strategy = st.processor.strategy;
        if (m === null || strategy === null)
          throw new Error('submit without a message or a strategy');
        if (!strategy.accepting) {
          if (c.recording)
            c.narrate(`The downstream is full: submit(${showMsg(m)}) raises MessageRejected.`);
          return c.raise('MessageRejected', '');
        }
        if (invalid.length > 0 && isInvalid(invalid, m)) {
          // The handler compares the exception's partition and offset with _message.
          c.thread.locals['invalid'] = { p: m.p, offset: m.offset };
          if (c.recording)
            c.narrate(
              `The downstream has room, so the processing function runs on ${showMsg(m)} and refuses it: InvalidMessage.`,
            );
          return c.raise('InvalidMessage', `${m.p} offset ${m.offset}`);
        }
        st.processed[m.p] = [...(st.processed[m.p] ?? []), m.offset];
        commitOffset(st.kafka.broker, OUR_GROUP, m.p, m.offset + 1);
        if (c.recording)
          c.emit({
            kind: 'commit',
            actor: c.thread.actor,
            group: OUR_GROUP,
            partition: m.p,
            offset: m.offset + 1,
          });
        if (c.recording)
          c.narrate(`The strategy processes ${showMsg(m)} and commits ${m.p} -> ${m.offset + 1}.`);
        c.ret();
      },
    },
    'strategy.ready': {
      at: at('ready'),
      outside: true,
      preempt: true,
      // Never, without a time; else at readyAtMs, or up to the slack later at the latest.
      ...(readyAtMs === null ? { guard: () => false } : { latest: () => readyAtMs + slackMs }),
      run(c) {
        const strategy = c.world.state.processor.strategy;
        if (strategy !== null) strategy.accepting = true;
        if (c.recording)
          c.emit({
            kind: 'state',
            actor: c.thread.actor,
            path: 'strategy.ready',
            from: 'false',
            to: 'true',
          });
        if (c.recording)
          c.narrate(
            strategy === null
              ? 'The downstream has room again, but there is no strategy right now.'
              : "The strategy's downstream has room again: the next submit() will succeed.",
          );
        c.finish();
      },
    },
  };
}
