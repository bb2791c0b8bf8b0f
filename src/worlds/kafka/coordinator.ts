/**
 * The group coordinator and the client's fetcher as our member C sees them
 * (docs/real-code.md#rebalance-protocols, #protocol-by-release), driven by the `coordinator` actor. A membership
 * change (an outside event) makes it plan the new ownership; then:
 * - a revoke is served only inside a poll() made by main, while main is
 *   blocked in it and its deadline has not passed;
 * - the rejoin (JoinGroup, SyncGroup) is background time: main's poll is not
 *   held by it, so a slow rejoin lets the poll return at its deadline;
 * - an assign is served inside main's poll like a revoke;
 * - the first fetch lands `fetchMs` later and wakes main's poll early.
 * Time spent inside callbacks (committed() lookup, strategy close) is spent on
 * main's thread, so those steps `spend` it; the rejoin and the fetch `sleep`.
 */
import { defineListing, type Instr } from '../../engine/index.ts';
import { fetched } from './consumer.ts';
import { ownedBy, planRebalance } from './group.ts';
import { show } from './partitions.ts';
import {
  DELIVER_ASSIGN_PC,
  DELIVER_REVOKE_PC,
  insidePoll,
  OUR_MEMBER,
  wakePoller,
  type HasKafka,
  type KafkaConfig,
} from './world.ts';

export const COORDINATOR_LISTING_ID = 'coordinator';

export const COORDINATOR_LISTING = defineListing(
  COORDINATOR_LISTING_ID,
  'group coordinator and fetcher (model of the protocol, not client code)',
  `
def on_membership_change(group, protocol):  # a member joined or left
    # eager: everyone gives up everything, then a range assignment;
    # cooperative-sticky: only moved partitions change hands
    owners = new_assignment(group, protocol)  #@plan
    revoked, added = changes_for("C", group.owners, owners, protocol)
    if revoked:
        # served on C's main thread, only inside a poll() it is making
        queue_callback("C", REVOKE, revoked)  #@deliver_revoke
    join_group(); sync_group()  # background round trip, poll() is not held  #@rejoin
    if added:
        queue_callback("C", ASSIGN, added)  # again only inside C's poll()  #@deliver_assign
        fetch(added)  # from the committed offsets  #@fetch
        wake_poll("C")  # the first fetched messages wake C's poll()  #@fetch.land
`,
);

const at = (anchor: string): string => `${COORDINATOR_LISTING_ID}:${anchor}`;

export function coordinatorSteps<S extends HasKafka>(cfg: KafkaConfig): Record<string, Instr<S>> {
  return {
    'rb.plan': {
      at: at('plan'),
      preempt: true,
      guard: (w) => w.state.kafka.group.generation > w.state.kafka.group.planned,
      run(c) {
        const group = c.world.state.kafka.group;
        const { owners, plan } = planRebalance(group, cfg.protocol, OUR_MEMBER);
        group.owners = owners;
        group.planned = group.generation;
        if (plan.revoke.length === 0 && plan.assign.length === 0) {
          group.pending = null;
          if (c.recording)
            c.narrate(
              `The coordinator rebalances (${cfg.protocol}); C keeps ${show(ownedBy(owners, OUR_MEMBER))} and is told nothing.`,
            );
          return c.goto('rb.plan');
        }
        group.pending = { revoke: plan.revoke, assign: plan.assign };
        if (c.recording) {
          const told = [
            plan.revoke.length > 0 ? `revoke ${show(plan.revoke)}` : '',
            plan.assign.length > 0 ? `assign ${show(plan.assign)}` : '',
          ].filter((x) => x !== '');
          c.narrate(
            `The coordinator rebalances (${cfg.protocol}): C will be told to ${told.join(', then ')}; C ends up with ${show(ownedBy(owners, OUR_MEMBER))}.`,
          );
        }
        c.goto(plan.revoke.length > 0 ? DELIVER_REVOKE_PC : 'rb.rejoin');
      },
    },
    [DELIVER_REVOKE_PC]: {
      at: at('deliver_revoke'),
      preempt: true,
      guard: (w, t) => insidePoll(w, t),
      run(c) {
        const group = c.world.state.kafka.group;
        group.inCallback = true;
        c.thread.locals['partitions'] = [...(group.pending?.revoke ?? [])];
        if (c.recording)
          c.narrate(
            `main is inside poll(): librdkafka serves the revoke of ${show(group.pending?.revoke ?? [])} on main's thread.`,
          );
        c.call('kc.revoke.begin', 'rb.rejoin');
      },
    },
    'rb.rejoin': {
      at: at('rejoin'),
      preempt: true,
      run(c) {
        const group = c.world.state.kafka.group;
        const assign = group.pending?.assign ?? [];
        group.pending = assign.length > 0 ? { revoke: [], assign } : null;
        if (c.recording)
          c.narrate(
            `C rejoins the group (JoinGroup, SyncGroup: ${cfg.rejoinMs} ms in librdkafka's background thread)` +
              (assign.length > 0
                ? '.'
                : '; C receives nothing new, and the wrapper skips an empty assign.'),
          );
        c.sleep(cfg.rejoinMs, assign.length > 0 ? DELIVER_ASSIGN_PC : 'rb.plan');
      },
    },
    [DELIVER_ASSIGN_PC]: {
      at: at('deliver_assign'),
      preempt: true,
      guard: (w, t) => insidePoll(w, t),
      run(c) {
        const group = c.world.state.kafka.group;
        group.inCallback = true;
        c.thread.locals['partitions'] = [...(group.pending?.assign ?? [])];
        if (c.recording)
          c.narrate(
            `main is inside poll(): librdkafka serves the assign of ${show(group.pending?.assign ?? [])} on main's thread.`,
          );
        c.call('kc.assign.begin', 'rb.fetch');
      },
    },
    'rb.fetch': {
      at: at('fetch'),
      preempt: true,
      run(c) {
        const ps = (c.thread.locals['partitions'] as string[] | undefined) ?? [];
        if (c.recording)
          c.narrate(
            `The fetcher asks the broker for ${show(ps)} from their committed offsets (${cfg.fetchMs} ms).`,
          );
        c.sleep(cfg.fetchMs, 'rb.fetch.land');
      },
    },
    'rb.fetch.land': {
      at: at('fetch.land'),
      preempt: true,
      run(c) {
        const k = c.world.state.kafka;
        const ps = (c.thread.locals['partitions'] as string[] | undefined) ?? [];
        fetched(k.consumer, ps, c.world.nowMs);
        k.group.pending = null;
        const woke = wakePoller(c.world);
        if (c.recording)
          c.emit({
            kind: 'rebalance',
            actor: c.thread.actor,
            phase: 'fetch',
            partitions: ps,
            protocol: cfg.protocol,
          });
        if (c.recording)
          c.narrate(
            `The first fetch for ${show(ps)} lands` +
              (woke ? ": main's poll() wakes up early with a message." : '.'),
          );
        c.goto('rb.plan');
      },
    },
  };
}
