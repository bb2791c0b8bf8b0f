/**
 * The determinism soak: random (scenario, variant, seed) runs, each replayed
 * from its schedule string, must give the identical trace. The same function
 * runs in Node (vitest), on the browser's main thread and in a Web Worker
 * (soak.html), and the three lists of fingerprints must be equal.
 */
import { fastHash, nextInt, seedRng, type Run } from '../engine/index.ts';
import { SCENARIOS, VARIANT_IDS } from '../scenarios/index.ts';
import { simulate } from '../scenarios/simulate.ts';

export interface SoakEntry {
  readonly scenario: string;
  readonly variant: string;
  readonly seed: number;
  readonly schedule: string;
  /** Fingerprint of the seeded run. */
  readonly hash: number;
  /** Fingerprint of the same run replayed from its schedule string. */
  readonly replayHash: number;
}

/** A hash of every step (thread, time, line) and of the final world. */
export function fingerprint(run: Run<unknown>): number {
  const threads: number[] = [];
  const times: number[] = [];
  const pcs: string[] = [];
  for (let i = 0; i < run.length; i++) {
    threads.push(run.threadAt(i));
    times.push(run.timeAt(i));
    pcs.push(run.pcAt(i));
  }
  return fastHash({ threads, times, pcs, world: run.last as never });
}

/** Runs `count` soak entries derived from `baseSeed`; deterministic in both. */
export function soak(count: number, baseSeed: number): SoakEntry[] {
  const rng = seedRng(baseSeed);
  const out: SoakEntry[] = [];
  if (SCENARIOS.length === 0) return out;
  for (let i = 0; i < count; i++) {
    const def = SCENARIOS[nextInt(rng, SCENARIOS.length)];
    const variant = VARIANT_IDS[nextInt(rng, VARIANT_IDS.length)] as string;
    const seed = nextInt(rng, 0x7fffffff);
    if (!def) continue;
    const first = simulate({ scenario: def.id, variant, seed });
    if (!first.ok) throw new Error(first.error);
    const again = simulate({ scenario: def.id, variant, schedule: first.value.schedule });
    if (!again.ok) throw new Error(again.error);
    out.push({
      scenario: def.id,
      variant,
      seed,
      schedule: first.value.schedule,
      hash: fingerprint(first.value.run),
      replayHash: fingerprint(again.value.run),
    });
  }
  return out;
}
