/**
 * The metrics-race status report's lesson: its fix was "verified" by thousands of concurrent
 * operations with zero errors. Seeded random scheduling of this scenario
 * (the default switch mode, py311) reproduces why that proves nothing: main's
 * short burst usually finishes while the detector is still formatting stacks,
 * so random runs rarely hit the window, while the systematic exploration finds
 * the crash one thread switch away from the natural run.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../explorer/explore.ts';
import { resolveSetup, simulate } from '../../scenarios/simulate.ts';

const SCENARIO = 'metrics-stuck-flush';
const N = 200;

function randomRuns(variant: string): { crashed: number; violated: number; longestClean: number } {
  let crashed = 0;
  let violated = 0;
  let streak = 0;
  let longestClean = 0;
  for (let seed = 0; seed < N; seed++) {
    const sim = simulate({ scenario: SCENARIO, variant, seed });
    if (!sim.ok) throw new Error(sim.error);
    const world = sim.value.run.last;
    expect(world.ended || sim.value.run.enabledAt(sim.value.run.length).length === 0).toBe(true);
    if (world.violations.length > 0) violated++;
    if (world.crashes.length > 0) {
      crashed++;
      streak = 0;
    } else {
      streak++;
      longestClean = Math.max(longestClean, streak);
    }
  }
  return { crashed, violated, longestClean };
}

function exploreDefault(variant: string) {
  const setup = resolveSetup({ scenario: SCENARIO, variant });
  if (!setup.ok) throw new Error(setup.error);
  return explore(setup.value.program, setup.value.gil);
}

describe("the status report's lesson: many random runs, zero errors, proves nothing", () => {
  it('buggy: few seeded random runs crash, yet exploration finds the crash one switch away', () => {
    const random = randomRuns('buggy');
    expect(random.crashed).toBeLessThan(N / 10);
    expect(random.longestClean).toBeGreaterThanOrEqual(30);

    const result = exploreDefault('buggy');
    expect(result.complete).toBe(true);
    expect(result.byOutcome['crash:RuntimeError@stuck'] ?? 0).toBeGreaterThan(0);
    expect(result.minimal['crash:RuntimeError@stuck']?.preemptions).toBe(1);
  }, 60_000);

  it("seed-fix: no random run raises (the seed's test passes) and few lose counts, yet exploration finds a loss one switch away", () => {
    const random = randomRuns('seed-fix');
    expect(random.crashed).toBe(0);
    expect(random.violated).toBeLessThan(N / 5);

    const result = exploreDefault('seed-fix');
    expect(result.complete).toBe(true);
    expect(result.crashing).toBe(0);
    expect(result.minimal['violation:metrics-conservation']?.preemptions).toBe(1);
  }, 60_000);
});
