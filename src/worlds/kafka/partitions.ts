/**
 * Sets of partition names as sorted plain arrays. World state must stay plain
 * JSON with a canonical shape (equal states hash equal, docs/engine.md), so a
 * Python `set` of partitions is modelled as a sorted, duplicate-free array and
 * every operation returns a new one. Partition names sort as P0 < P1 < ... < P9.
 */

export type Partition = string;

export function partitionName(index: number): Partition {
  return `P${index}`;
}

/** The index in a name made by `partitionName` (P0 -> 0), read digit by digit without slicing. */
export function partitionIndex(p: Partition): number {
  // P0 to P9, the usual case (the invariants ask after every step).
  if (p.length === 2) return p.charCodeAt(1) - 48;
  let index = 0;
  for (let i = 1; i < p.length; i++) index = index * 10 + (p.charCodeAt(i) - 48);
  return index;
}

export function sortPartitions(ps: readonly Partition[]): Partition[] {
  return sortedUnique(ps);
}

/**
 * The distinct strings of `xs`, sorted: the same array as
 * `[...new Set(xs)].sort()` (`<` on strings is the default sort's order), by
 * an insertion sort that skips repeats, without the Set and the copies: every
 * rebalance sorts a few of these handfuls of partitions and member names.
 */
export function sortedUnique(xs: readonly string[]): string[] {
  const sorted: string[] = [];
  for (const x of xs) {
    let i = sorted.length;
    while (i > 0 && (sorted[i - 1] as string) > x) i--;
    if (i > 0 && sorted[i - 1] === x) continue;
    sorted.push(x);
    for (let j = sorted.length - 1; j > i; j--) sorted[j] = sorted[j - 1] as string;
    sorted[i] = x;
  }
  return sorted;
}

export function union(a: readonly Partition[], b: readonly Partition[]): Partition[] {
  return sortPartitions([...a, ...b]);
}

export function minus(a: readonly Partition[], b: readonly Partition[]): Partition[] {
  return a.filter((p) => !b.includes(p));
}

export function intersect(a: readonly Partition[], b: readonly Partition[]): Partition[] {
  return a.filter((p) => b.includes(p));
}

/** `[P0, P1]` as Python would print a list of partitions, for narration. */
export function show(ps: readonly Partition[]): string {
  return `[${ps.join(', ')}]`;
}

/** A message as the model carries it: partition and offset (its payload never matters here). */
export interface Msg {
  readonly p: Partition;
  readonly offset: number;
}

export function showMsg(m: Msg | null): string {
  return m === null ? 'None' : `${m.p}@${m.offset}`;
}
