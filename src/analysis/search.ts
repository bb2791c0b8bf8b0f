/**
 * Binary search over sorted columns. Every timeline column is sorted by step,
 * and because a step starts no earlier than the previous one ended (the
 * virtual clock never goes backwards), also by start and by end on either
 * x-axis. So "which marks are visible" is two binary searches, never a scan
 * (Perfetto's tracks do the same).
 */

/** The first index `i` in `[0, n)` for which `pred(i)` holds, or `n`; `pred` must be monotone (false...true). */
export function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index whose value is `>= value` in an ascending array. */
export function lowerBound(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is `> value` in an ascending array. */
export function upperBound(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
