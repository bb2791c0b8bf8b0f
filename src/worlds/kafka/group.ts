/**
 * The consumer group and its assignor (docs/real-code.md#rebalance-protocols, #protocol-by-release). A member
 * joining or leaving starts a rebalance; what our member C is told depends on
 * the protocol:
 * - eager: every member gives up everything (revoke all), rejoins, and gets a
 *   fresh range assignment (assign all of its new share);
 * - cooperative-sticky (and KIP-848): members keep what they can; only moved
 *   partitions are revoked or assigned, incrementally, so retained partitions
 *   keep their positions and their pause state.
 */
import { minus, sortedUnique, sortPartitions, type Partition } from './partitions.ts';

export type Protocol = 'eager' | 'cooperative';

export interface RebalancePlan {
  /** Partitions C must give up (delivered in C's poll before the rejoin). */
  readonly revoke: Partition[];
  /** Partitions C receives (delivered in C's poll after the rejoin). */
  readonly assign: Partition[];
}

export interface GroupState {
  members: string[];
  /** Partition -> owning member. */
  owners: Record<Partition, string>;
  /** Bumped by every join or leave; the coordinator plans when it is ahead of `planned`. */
  generation: number;
  planned: number;
  /** What is still to be delivered to C. */
  pending: RebalancePlan | null;
  /** True while a rebalance callback runs inside C's poll (poll cannot return meanwhile). */
  inCallback: boolean;
}

export function newGroup(owners: Readonly<Record<Partition, string>>): GroupState {
  const members = sortedUnique(Object.values(owners));
  const sorted: Record<Partition, string> = {};
  for (const p of sortPartitions(Object.keys(owners))) sorted[p] = owners[p] as string;
  return { members, owners: sorted, generation: 0, planned: 0, pending: null, inCallback: false };
}

export function ownedBy(owners: Readonly<Record<Partition, string>>, member: string): Partition[] {
  return sortPartitions(Object.keys(owners).filter((p) => owners[p] === member));
}

/** Range assignment: sorted members take contiguous runs of sorted partitions, the first ones one more. */
export function rangeAssignment(
  partitions: readonly Partition[],
  members: readonly string[],
): Record<Partition, string> {
  const ps = sortPartitions(partitions);
  const ms = [...members].sort();
  const out: Record<Partition, string> = {};
  const base = Math.floor(ps.length / ms.length);
  const extra = ps.length % ms.length;
  let i = 0;
  ms.forEach((m, k) => {
    const count = base + (k < extra ? 1 : 0);
    for (let j = 0; j < count; j++) out[ps[i++] as Partition] = m;
  });
  return out;
}

/** Sticky assignment: members keep their lowest partitions up to their quota; the rest are handed out in member order. */
export function stickyAssignment(
  owners: Readonly<Record<Partition, string>>,
  members: readonly string[],
): Record<Partition, string> {
  const ps = sortPartitions(Object.keys(owners));
  const ms = [...members].sort();
  const quota = (k: number): number =>
    Math.floor(ps.length / ms.length) + (k < ps.length % ms.length ? 1 : 0);
  const out: Record<Partition, string> = {};
  const pool: Partition[] = [];
  const count: Record<string, number> = {};
  for (const p of ps) {
    const owner = owners[p] as string;
    const k = ms.indexOf(owner);
    if (k >= 0 && (count[owner] ?? 0) < quota(k)) {
      out[p] = owner;
      count[owner] = (count[owner] ?? 0) + 1;
    } else pool.push(p);
  }
  ms.forEach((m, k) => {
    while ((count[m] ?? 0) < quota(k) && pool.length > 0) {
      out[pool.shift() as Partition] = m;
      count[m] = (count[m] ?? 0) + 1;
    }
  });
  const sorted: Record<Partition, string> = {};
  for (const p of ps) sorted[p] = out[p] as string;
  return sorted;
}

/** The new ownership after a membership change and what C is told. */
export function planRebalance(
  group: GroupState,
  protocol: Protocol,
  member: string,
): { owners: Record<Partition, string>; plan: RebalancePlan } {
  const before = ownedBy(group.owners, member);
  const owners =
    protocol === 'eager'
      ? rangeAssignment(Object.keys(group.owners), group.members)
      : stickyAssignment(group.owners, group.members);
  const after = ownedBy(owners, member);
  const plan =
    protocol === 'eager'
      ? { revoke: before, assign: after }
      : { revoke: minus(before, after), assign: minus(after, before) };
  return { owners, plan };
}

export function addMember(group: GroupState, member: string): void {
  group.members = sortedUnique([...group.members, member]);
  group.generation += 1;
}

export function removeMember(group: GroupState, member: string): void {
  group.members = group.members.filter((m) => m !== member);
  group.generation += 1;
}
