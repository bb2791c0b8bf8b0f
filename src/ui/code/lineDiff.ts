/**
 * A line diff by longest common subsequence, for showing how a variant's listing
 * differs from the buggy one. Listings are a few hundred lines at most, so the plain
 * O(n·m) table is fine; common leading and trailing lines are stripped first, which
 * keeps the table small when only a block changed. Deterministic: on a tie the
 * deletion comes before the insertion, as in unified diffs.
 */

export type DiffOp =
  | {
      readonly kind: 'same';
      readonly text: string;
      readonly oldLine: number;
      readonly newLine: number;
    }
  | { readonly kind: 'removed'; readonly text: string; readonly oldLine: number }
  | { readonly kind: 'added'; readonly text: string; readonly newLine: number };

/** The edit script turning `before` into `after`; line numbers are 1-based. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffOp[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const ops: DiffOp[] = [];
  for (let i = 0; i < head; i++) ops.push(same(before, i, i));
  ops.push(...middle(a, b, head));
  for (let k = tail; k > 0; k--) {
    ops.push(same(before, before.length - k, after.length - k));
  }
  return ops;
}

function same(before: readonly string[], i: number, j: number): DiffOp {
  return { kind: 'same', text: before[i] as string, oldLine: i + 1, newLine: j + 1 };
}

function middle(a: readonly string[], b: readonly string[], offset: number): DiffOp[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], as one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({
        kind: 'same',
        text: a[i] as string,
        oldLine: offset + i + 1,
        newLine: offset + j + 1,
      });
      i++;
      j++;
    } else if (
      j >= m ||
      (i < n && (lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number))
    ) {
      ops.push({ kind: 'removed', text: a[i] as string, oldLine: offset + i + 1 });
      i++;
    } else {
      ops.push({ kind: 'added', text: b[j] as string, newLine: offset + j + 1 });
      j++;
    }
  }
  return ops;
}

/** Whether two listings differ at all. */
export function hasChanges(ops: readonly DiffOp[]): boolean {
  return ops.some((op) => op.kind !== 'same');
}
