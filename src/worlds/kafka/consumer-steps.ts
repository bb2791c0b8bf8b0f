/**
 * The steps of arroyo's KafkaConsumer wrapper (docs/real-code.md#kafka-consumer, #rebalance-protocols):
 * poll() on the main thread, and the assign and revoke callbacks, which run
 * inside that poll but are driven by the coordinator actor (coordinator.ts).
 *
 * The poll wait: the first step either returns a message that is already
 * fetched (and no rebalance callback is waiting), or blocks main until the
 * deadline or the next fetch landing, whichever is first (`c.sleep`). While
 * main is blocked the coordinator may serve callbacks; a fetch landing wakes
 * main early, and main's next step returns what was fetched. poll() cannot
 * return while a callback is running, even past its deadline.
 */
import type { Instr, StepContext } from '../../engine/index.ts';
import { committedOffset, OUR_GROUP } from './broker.ts';
import { CONSUMER_LISTING_ID } from './consumer-listing.ts';
import {
  addAssignment,
  available,
  nextFetchMs,
  removeAssignment,
  take,
  type ConsumerState,
} from './consumer.ts';
import { show, showMsg, type Partition } from './partitions.ts';
import {
  callbackWaiting,
  wakePoller,
  type HasKafka,
  type KafkaConfig,
  type KafkaWorld,
} from './world.ts';

export interface ConsumerHooks {
  /** Where the user's on_assign starts (SC's wrapper when SC is in place). */
  readonly onAssignPc: string;
  readonly onRevokePc: string;
}

const at = (anchor: string): string => `${CONSUMER_LISTING_ID}:${anchor}`;

export function consumerEvent<S>(
  c: StepContext<S>,
  call: 'poll' | 'pause' | 'resume' | 'seek',
  detail: string,
): void {
  if (c.recording)
    c.emit({ kind: 'consumer', actor: c.thread.actor, consumer: 'KafkaConsumer', call, detail });
}

/** A timeout as poll() takes it, in seconds: `1.0`. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function waitUntil(k: KafkaWorld, nowMs: number, deadlineMs: number): number {
  const next = nextFetchMs(k.consumer, k.broker.end, nowMs);
  return next === null ? deadlineMs : Math.min(next, deadlineMs);
}

/** The partitions a callback was called with (the coordinator keeps them in its locals). */
export function callbackPartitions<S>(c: StepContext<S>): Partition[] {
  return (c.thread.locals['partitions'] as Partition[] | undefined) ?? [];
}

function pollSteps<S extends HasKafka>(): Record<string, Instr<S>> {
  return {
    'kc.poll.wait': {
      at: at('poll.wait'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        if (k.consumer.phase !== 'CONSUMING') return c.goto('kc.poll.invalid');
        const now = c.world.nowMs;
        const timeoutMs = c.thread.locals['timeoutMs'] as number;
        const ready = available(k.consumer, k.broker.end, now);
        if (ready !== null && !callbackWaiting(c.world)) {
          if (c.recording)
            c.narrate(
              `librdkafka already has a message of ${ready} fetched: poll(${seconds(timeoutMs)}) returns at once.`,
            );
          return c.goto('kc.poll.return');
        }
        const deadline = now + timeoutMs;
        k.consumer.pollDeadlineMs = deadline;
        if (c.recording) {
          consumerEvent(c, 'poll', `timeout=${seconds(timeoutMs)}, deadline ${deadline} ms`);
          c.narrate(
            callbackWaiting(c.world)
              ? `main enters poll(${seconds(timeoutMs)}); a rebalance callback is queued and will run inside it.`
              : `main enters poll(${seconds(timeoutMs)}) and waits (nothing fetched); the deadline is ${deadline} ms.`,
          );
        }
        c.sleep(waitUntil(k, now, deadline) - now, 'kc.poll.return');
      },
    },
    'kc.poll.invalid': {
      at: at('poll.invalid'),
      run(c) {
        c.raise('InvalidState', c.world.state.kafka.consumer.phase);
      },
    },
    'kc.poll.return': {
      at: at('poll.return'),
      preempt: true,
      guard: (w) => !w.state.kafka.group.inCallback,
      run(c) {
        const k = c.world.state.kafka;
        const now = c.world.nowMs;
        const ready = available(k.consumer, k.broker.end, now);
        if (ready !== null) {
          const m = take(k.consumer, ready);
          k.consumer.pollDeadlineMs = null;
          c.thread.locals['ret'] = { p: m.p, offset: m.offset };
          if (c.recording) {
            consumerEvent(c, 'poll', `returns ${showMsg(m)}; position ${m.p} -> ${m.offset + 1}`);
            c.narrate(
              `poll() returns ${showMsg(m)} and moves ${m.p}'s working offset to ${m.offset + 1}.`,
            );
          }
          return c.ret();
        }
        const deadline = k.consumer.pollDeadlineMs;
        if (deadline !== null && now < deadline) {
          c.narrate('Nothing to return yet; poll() keeps waiting.');
          return c.sleep(waitUntil(k, now, deadline) - now, 'kc.poll.return');
        }
        k.consumer.pollDeadlineMs = null;
        c.thread.locals['ret'] = null;
        consumerEvent(c, 'poll', 'returns None');
        c.narrate('The deadline has passed with nothing fetched: poll() returns None.');
        c.ret();
      },
    },
  };
}

function endCallback<S extends HasKafka>(c: StepContext<S>, consumer: ConsumerState): void {
  consumer.phase = 'CONSUMING';
  c.world.state.kafka.group.inCallback = false;
  wakePoller(c.world);
  c.ret();
}

function callbackSteps<S extends HasKafka>(
  cfg: KafkaConfig,
  hooks: ConsumerHooks,
): Record<string, Instr<S>> {
  return {
    'kc.assign.begin': {
      at: at('assign.begin'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        const ps = callbackPartitions(c);
        k.consumer.phase = 'ASSIGNING';
        c.spend(cfg.committedLookupMs);
        const offsets: Record<Partition, number> = {};
        for (const p of ps) offsets[p] = committedOffset(k.broker, OUR_GROUP, p);
        addAssignment(k.consumer, offsets);
        if (c.recording) {
          c.emit({
            kind: 'rebalance',
            actor: c.thread.actor,
            phase: 'assign',
            partitions: ps,
            protocol: cfg.protocol,
          });
          consumerEvent(c, 'resume', `${show(ps)} (newly assigned)`);
        }
        if (c.recording) {
          const where = ps.map((p) => `${p}@${offsets[p]}`).join(', ');
          c.narrate(
            `Inside main's poll: the assign callback looks up committed offsets (${cfg.committedLookupMs} ms), ` +
              `${cfg.protocol === 'eager' ? 'assigns' : 'incrementally assigns'} ${where} and resumes ${ps.length === 1 ? 'it' : 'them'} (a newly assigned partition never starts paused).`,
          );
        }
        c.call(hooks.onAssignPc, 'kc.assign.done');
      },
    },
    'kc.assign.done': {
      at: at('assign.done'),
      preempt: true,
      say: 'The assign callback returns; the consumer is CONSUMING again.',
      run(c) {
        endCallback(c, c.world.state.kafka.consumer);
      },
    },
    'kc.revoke.begin': {
      at: at('revoke.begin'),
      preempt: true,
      run(c) {
        const ps = callbackPartitions(c);
        c.world.state.kafka.consumer.phase = 'REVOKING';
        if (c.recording) {
          c.emit({
            kind: 'rebalance',
            actor: c.thread.actor,
            phase: 'revoke',
            partitions: ps,
            protocol: cfg.protocol,
          });
          c.narrate(
            `Inside main's poll: the revoke callback for ${show(ps)} starts; the user's on_revoke runs first.`,
          );
        }
        c.call(hooks.onRevokePc, 'kc.revoke.cleanup');
      },
    },
    'kc.revoke.cleanup': {
      at: at('revoke.cleanup'),
      preempt: true,
      run(c) {
        const consumer = c.world.state.kafka.consumer;
        const ps = callbackPartitions(c);
        removeAssignment(consumer, ps);
        if (c.recording)
          c.narrate(`The wrapper drops the working offsets and pause state of ${show(ps)}.`);
        endCallback(c, consumer);
      },
    },
  };
}

export function consumerSteps<S extends HasKafka>(
  cfg: KafkaConfig,
  hooks: ConsumerHooks,
): Record<string, Instr<S>> {
  return { ...pollSteps<S>(), ...callbackSteps<S>(cfg, hooks) };
}
