/**
 * How a schedule count is written, everywhere it is shown (the lab, the postmortem, the
 * commands' readable output): exactly ("1,227") while it is exact, and as an estimate
 * ("about 1.23 × 10¹³") once it is not.
 *
 * Why a count stops being exact. The explorer counts with JS numbers, which hold every
 * whole number up to 2⁵³ and round beyond it, and unbounded searches of metrics-stuck-flush
 * go far beyond it (see the header of explore.ts and docs/headless.md#counts).
 *
 * Why the rule is per count. Every count the explorer reports is a sum of non-negative
 * whole numbers (a finished schedule counts 1; a subtree adds its children). Such a sum is
 * exact while it stays at or below 2⁵³ − 1, and floating-point addition never decreases,
 * so once a partial sum was rounded (it had passed 2⁵³) every sum built on it is at least
 * 2⁵³ too. So a count at most `Number.MAX_SAFE_INTEGER` is exact even when the total
 * beside it is not (a crash seen in 135,903,762,539 of about 4.09 × 10¹⁸ schedules), and
 * a report's `countsExact` is this rule applied to its total. Only sums get this
 * guarantee: a difference of two rounded counts can be small and wrong in every digit,
 * so figures are subtracted only from exact counts.
 *
 * Why three significant digits. Each addition is off by at most 2⁻⁵³ of its result, so
 * after m additions a sum is off by at most about m × 2⁻⁵³ of itself. The additions behind
 * a count are a few per state and outcome the search visits: millions, not the 10¹³ that
 * would spoil the third digit. Three digits are true with a wide margin, and few enough to
 * read as an estimate.
 */

/** The largest count written exactly: 2⁵³ − 1. */
export const EXACT_COUNT_LIMIT = Number.MAX_SAFE_INTEGER;

/** Why a count reads "about": for a tooltip, a footnote or a line under a table. */
export const ROUNDED_COUNT_NOTE =
  'More than 2⁵³ schedules: counted with floating point, so rounded ("about" means to three significant digits).';

const SIGNIFICANT_DIGITS = 3;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Whether `n`, a count summed by the explorer, is exact (see above). */
export function isExactCount(n: number): boolean {
  return Number.isSafeInteger(n);
}

/** "1,227" when exact; "about 1.23 × 10¹³" when not. */
export function countText(n: number): string {
  if (isExactCount(n)) return n.toLocaleString('en-US');
  if (n === Infinity) return `more than ${scientific(Number.MAX_VALUE)}`;
  if (Number.isNaN(n)) return 'unknown';
  return `about ${scientific(n)}`;
}

/** "1 schedule", "1,227 schedules", "about 1.23 × 10¹³ schedules". */
export function countNoun(n: number, one: string, many = `${one}s`): string {
  if (Number.isNaN(n)) return `an unknown number of ${many}`;
  return `${countText(n)} ${n === 1 ? one : many}`;
}

/** True when every one of `counts` is written exactly, so no footnote is needed. */
export function allExact(counts: Iterable<number>): boolean {
  for (const n of counts) if (!isExactCount(n)) return false;
  return true;
}

/** "1.23 × 10¹³": three significant digits, trailing zeros dropped. */
function scientific(n: number): string {
  const [mantissa = '', exponent = ''] = n.toExponential(SIGNIFICANT_DIGITS - 1).split('e');
  const digits = mantissa.replace(/\.?0+$/, '');
  const power = [...String(Number(exponent))]
    .map((c) => (c === '-' ? '⁻' : SUPERSCRIPT[Number(c)]))
    .join('');
  return `${digits} × 10${power}`;
}
