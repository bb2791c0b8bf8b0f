import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.ts';
import { soak } from './soak.ts';

describe('determinism soak (Node)', () => {
  it('10,000 random runs replayed from their schedule strings give identical traces', () => {
    expect(SCENARIOS.length).toBeGreaterThan(0);
    const entries = soak(10_000, 20261122);
    expect(entries).toHaveLength(10_000);
    const mismatches = entries.filter((e) => e.hash !== e.replayHash);
    expect(mismatches).toEqual([]);
    // The soak covers every scenario, so a world that is not deterministic cannot hide.
    expect(new Set(entries.map((e) => e.scenario)).size).toBe(SCENARIOS.length);
  }, 300_000);

  it('the same seed gives the same soak', () => {
    expect(soak(50, 7)).toEqual(soak(50, 7));
  });
});
