/**
 * Small statistics for the benchmark: nearest-rank percentiles and rounding.
 * Pure, so the unit test can pin them down.
 */

/**
 * The q-quantile (0 < q <= 1) by the nearest-rank method: the smallest value
 * with at least q of the values at or below it. NaN for no values.
 */
export function percentile(values: readonly number[], q: number): number {
  if (!(q > 0 && q <= 1)) throw new Error(`percentile needs 0 < q <= 1, got ${q}`);
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Rounds to `digits` decimals (keeps JSON and tables short). */
export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Rounds to `significant` significant digits. */
export function roundSig(value: number, significant = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = significant - Math.ceil(Math.log10(Math.abs(value)));
  return digits > 0 ? round(value, digits) : Math.round(value / 10 ** -digits) * 10 ** -digits;
}

export const MB = 1024 * 1024;
export const KB = 1024;
