/**
 * Outside events, done by the `producer` actor (scenarios.md): a second
 * member joining or a member leaving the group, and the followed ("leader")
 * group committing, which publishes a record on the commit-log topic. Each is
 * an outside event: it happens at its nominal time in a natural run, and the
 * explorer may also let it happen at any later step up to the scenario's
 * slack, its latest time: no step starts after that while the event is
 * pending, so every schedule has it (which also keeps exploration small).
 */
import { defineListing, type Instr } from '../../engine/index.ts';
import { COMMIT_LOG_TOPIC, publishLeaderCommit } from '../kafka/broker.ts';
import { addMember, removeMember } from '../kafka/group.ts';
import type { Partition } from '../kafka/partitions.ts';
import type { Ctx } from './effects.ts';
import { eventPc, type OutsideEvent, type PauseSetup } from './setup.ts';
import type { PauseState } from './state.ts';

export const OUTSIDE_LISTING_ID = 'outside';

export const OUTSIDE_LISTING = defineListing(
  OUTSIDE_LISTING_ID,
  'outside the consumer process (model)',
  `
# Things that happen elsewhere, each at a nominal time (or a little later).

def another_member_joins(group, member):
    group.members.append(member)  # the coordinator starts a rebalance  #@join

def a_member_leaves(group, member):
    group.members.remove(member)  # its partitions must move  #@leave

def leader_commits(offsets):
    # the followed group commits; the commit is published on the commit log
    commit_log.produce(encode_commit("leader", offsets))  #@leader_commit
`,
);

const at = (anchor: string): string => `${OUTSIDE_LISTING_ID}:${anchor}`;

/** The producer's next event; `locals` are the producer thread's. */
function current(
  setup: PauseSetup,
  locals: Readonly<Record<string, unknown>>,
): OutsideEvent | undefined {
  return setup.events[(locals['event'] as number | undefined) ?? 0];
}

function next(c: Ctx, setup: PauseSetup): void {
  const i = ((c.thread.locals['event'] as number | undefined) ?? 0) + 1;
  c.thread.locals['event'] = i;
  const e = setup.events[i];
  if (!e) return c.finish();
  c.sleep(Math.max(0, e.atMs - c.world.nowMs), eventPc(e));
}

function perform(c: Ctx, e: OutsideEvent, protocol: PauseSetup['protocol']): void {
  const k = c.world.state.kafka;
  switch (e.kind) {
    case 'join':
      addMember(k.group, e.member);
      if (c.recording)
        c.emit({
          kind: 'rebalance',
          actor: c.thread.actor,
          phase: 'join',
          partitions: [],
          protocol,
        });
      if (c.recording)
        c.narrate(`Member ${e.member} joins the group: the coordinator must rebalance.`);
      return;
    case 'leave':
      removeMember(k.group, e.member);
      if (c.recording)
        c.emit({
          kind: 'rebalance',
          actor: c.thread.actor,
          phase: 'leave',
          partitions: [],
          protocol,
        });
      if (c.recording) c.narrate(`Member ${e.member} leaves the group: its partitions must move.`);
      return;
    case 'leader_commit': {
      const parts: string[] = [];
      for (const p of Object.keys(e.offsets).sort()) {
        const offset = e.offsets[p] as number;
        const index = publishLeaderCommit(k.broker, p as Partition, offset);
        if (c.recording) {
          parts.push(`${p} -> ${offset}`);
          c.emit({ kind: 'commit', actor: c.thread.actor, group: 'leader', partition: p, offset });
          c.emit({
            kind: 'produce',
            actor: c.thread.actor,
            partition: `${COMMIT_LOG_TOPIC}/0`,
            offset: index,
          });
        }
      }
      if (c.recording)
        c.narrate(
          `The leader group commits ${parts.join(', ')}, published on the commit-log topic.`,
        );
      return;
    }
  }
}

export function outsideSteps(setup: PauseSetup): Record<string, Instr<PauseState>> {
  const step = (kind: OutsideEvent['kind']): Instr<PauseState> => ({
    at: at(kind),
    outside: true,
    preempt: true,
    // No guard: the producer waits at this pc only while its next event is of this kind.
    latest: (_w, t) => {
      const e = current(setup, t.locals);
      if (!e) throw new Error('outside event past the end of the list');
      return e.atMs + setup.timing.slackMs;
    },
    run(c) {
      const e = current(setup, c.thread.locals);
      if (!e) throw new Error('outside event past the end of the list');
      perform(c, e, setup.protocol);
      next(c, setup);
    },
  });
  return {
    'out.join': step('join'),
    'out.leave': step('leave'),
    'out.leader_commit': step('leader_commit'),
  };
}
