/**
 * The steps of Sentry's SynchronizedConsumer (docs/real-code.md#synchronized-consumer): its poll()
 * on the main thread (lazy resume of what it held back, the inner poll, the
 * remote-offset gate), its subscribe wrappers (run by the coordinator actor
 * inside main's poll) and its commit-log worker thread `commitlog`, which
 * moves the remote offsets under SC's lock and never pauses, resumes or seeks.
 * The worker's lock is held only within one step, so it never blocks anyone
 * in the model; the lock events show where it is taken.
 */
import type { Instr, StepContext } from '../../engine/index.ts';
import { pause, positionOf, resume, seek, tell } from './consumer.ts';
import { minus, show, showMsg, type Msg, type Partition } from './partitions.ts';
import { SC_LISTING_ID } from './synchronized-listing.ts';
import { remoteOffset, resumeCandidates, setRemote } from './synchronized.ts';
import { callbackPartitions } from './consumer-steps.ts';
import type { HasKafka, KafkaConfig } from './world.ts';

export interface ScHooks {
  /** The processor's own on_assign / on_revoke, which SC's wrappers call. */
  readonly userOnAssignPc: string;
  readonly userOnRevokePc: string;
}

const at = (anchor: string): string => `${SC_LISTING_ID}:${anchor}`;

function lockEvents<S>(c: StepContext<S>): void {
  if (!c.recording) return;
  c.emit({ kind: 'lock', actor: c.thread.actor, lock: 'SC._remote_lock', op: 'acquire' });
  c.emit({ kind: 'lock', actor: c.thread.actor, lock: 'SC._remote_lock', op: 'release' });
}

function scEvent<S>(
  c: StepContext<S>,
  call: 'resume' | 'pause' | 'seek' | 'poll',
  detail: string,
): void {
  if (c.recording)
    c.emit({
      kind: 'consumer',
      actor: c.thread.actor,
      consumer: 'SynchronizedConsumer',
      call,
      detail,
    });
}

function pollSteps<S extends HasKafka>(cfg: KafkaConfig): Record<string, Instr<S>> {
  return {
    'sc.poll.candidates': {
      at: at('poll.candidates'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        const held = resumeCandidates(k.sc, k.consumer, cfg.sc);
        const local = tell(k.consumer);
        const go = held.filter((p) => remoteOffset(k.sc, p) > (local[p] ?? 0));
        if (held.length > 0) lockEvents(c);
        resume(k.consumer, go, c.world.nowMs, cfg.fetchMs);
        if (c.recording) {
          if (go.length > 0) scEvent(c, 'resume', `inner.resume(${show(go)})`);
          const facts = held
            .map((p) => `${p}: remote ${remoteOffset(k.sc, p)} vs local ${local[p]}`)
            .join('; ');
          const userPaused = k.sc.paused.filter((p) =>
            k.consumer.assigned.some((a) => a.p === p && a.paused),
          );
          c.narrate(
            held.length === 0
              ? userPaused.length > 0 && cfg.sc === 'real'
                ? `SC.poll: ${show(userPaused)} are in SC's _paused (the processor paused them), so SC resumes nothing.`
                : 'SC.poll: nothing is held back by SC, so nothing to resume.'
              : go.length === 0
                ? `SC.poll: ${show(held)} wait for the leader (${facts}); none resumed.`
                : `SC.poll resumes ${show(go)} on the inner consumer (${facts}).`,
          );
        }
        c.goto('sc.poll.inner');
      },
    },
    'sc.poll.inner': {
      at: at('poll.inner'),
      preempt: true,
      say: 'SC.poll calls the inner consumer poll().',
      run(c) {
        c.call('kc.poll.wait', 'sc.poll.gate');
      },
    },
    'sc.poll.gate': {
      at: at('poll.gate'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        const m = c.thread.locals['ret'] as Msg | null;
        if (m === null) {
          c.narrate('The inner poll returned None; so does SC.poll.');
          return c.ret();
        }
        lockEvents(c);
        const remote = remoteOffset(k.sc, m.p);
        if (m.offset < remote) {
          if (c.recording)
            c.narrate(`SC passes ${showMsg(m)}: it is below the leader's remote offset ${remote}.`);
          return c.ret();
        }
        pause(k.consumer, [m.p]);
        seek(k.consumer, m.p, m.offset, c.world.nowMs, cfg.fetchMs);
        c.thread.locals['ret'] = null;
        if (c.recording) {
          scEvent(c, 'pause', `sync pause ${m.p}, seek back to ${m.offset}`);
          c.narrate(
            `SC holds ${showMsg(m)} back (remote offset ${remote} is not past it): it pauses ${m.p} on the inner consumer, ` +
              `seeks it back to ${m.offset} and returns None. This sync pause is not in SC's _paused.`,
          );
        }
        c.ret();
      },
    },
  };
}

function wrapperSteps<S extends HasKafka>(hooks: ScHooks): Record<string, Instr<S>> {
  const wrapper = (kind: 'assign' | 'revoke'): Instr<S> => ({
    at: at(kind === 'assign' ? 'on_assign' : 'on_revoke'),
    preempt: true,
    run(c) {
      const sc = c.world.state.kafka.sc;
      const ps = callbackPartitions(c);
      const dropped = ps.filter((p) => sc.paused.includes(p));
      sc.paused = minus(sc.paused, ps);
      if (c.recording) {
        if (dropped.length > 0)
          scEvent(c, 'resume', `_paused.discard(${show(dropped)}) in the ${kind} wrapper`);
        c.narrate(
          dropped.length > 0
            ? `SC's ${kind} wrapper removes ${show(dropped)} from SC's _paused, then calls the processor's on_${kind}.`
            : `SC's ${kind} wrapper finds nothing of ${show(ps)} in SC's _paused and calls the processor's on_${kind}.`,
        );
      }
      c.goto(kind === 'assign' ? hooks.userOnAssignPc : hooks.userOnRevokePc);
    },
  });
  return { 'sc.on_assign': wrapper('assign'), 'sc.on_revoke': wrapper('revoke') };
}

function workerSteps<S extends HasKafka>(): Record<string, Instr<S>> {
  return {
    'cl.poll': {
      at: at('worker.poll'),
      preempt: true,
      guard: (w) => w.state.kafka.broker.commitLog.length > w.state.kafka.sc.logPosition,
      run(c) {
        const k = c.world.state.kafka;
        const record = k.broker.commitLog[k.sc.logPosition];
        if (!record) throw new Error('commit-log worker stepped with nothing to read');
        c.thread.locals['record'] = { group: record.group, p: record.p, offset: record.offset };
        if (c.recording)
          c.narrate(
            `The commit-log worker reads: group "${record.group}" committed ${record.p} -> ${record.offset}.`,
          );
        c.goto('cl.update');
      },
    },
    'cl.update': {
      at: at('worker.update'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        const r = c.thread.locals['record'] as { group: string; p: Partition; offset: number };
        lockEvents(c);
        const before = remoteOffset(k.sc, r.p);
        setRemote(k.sc, r.group, r.p, r.offset);
        k.sc.logPosition += 1;
        if (c.recording) {
          c.emit({
            kind: 'state',
            actor: c.thread.actor,
            path: `sc.remote.${r.p}`,
            from: `${before}`,
            to: `${r.offset}`,
          });
          const local = positionOf(k.consumer, r.p);
          c.narrate(
            `Under SC's lock the worker sets the remote offset of ${r.p} to ${r.offset}` +
              (local === null ? '.' : ` (main's working offset there is ${local}).`),
          );
        }
        c.goto('cl.poll');
      },
    },
  };
}

export function scSteps<S extends HasKafka>(
  cfg: KafkaConfig,
  hooks: ScHooks,
): Record<string, Instr<S>> {
  return { ...pollSteps<S>(cfg), ...wrapperSteps<S>(hooks), ...workerSteps<S>() };
}
