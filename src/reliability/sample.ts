/**
 * The hostile links the browser test opens: a fixed, seeded sample drawn from the
 * same generators the Node fuzzers use (three quarters mutated real links, a quarter
 * random hashes), so every run of e2e/hostile.spec.ts opens the same ones.
 */
import fc from 'fast-check';
import { validLinkHashes } from './corpus.ts';
import { mutatedLinkArb, randomHashArb } from './hostileLinks.ts';

export const BROWSER_SAMPLE_SIZE = 40;
export const BROWSER_SAMPLE_SEED = 1010;

export function hostileLinkSample(
  count = BROWSER_SAMPLE_SIZE,
  seed = BROWSER_SAMPLE_SEED,
): string[] {
  const arb = fc.oneof(
    { weight: 3, arbitrary: mutatedLinkArb(validLinkHashes()) },
    { weight: 1, arbitrary: randomHashArb() },
  );
  // Hashes of 100,000 characters are the fuzzers' job; a browser address stays short.
  return fc
    .sample(arb, { seed, numRuns: count * 4 })
    .filter((hash) => hash.length < 4_000)
    .slice(0, count);
}
