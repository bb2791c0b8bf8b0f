/**
 * For tests that go through the scenario catalogue (the CLI, the worker):
 * `vi.mock('../scenarios/metrics.ts', withToyScenario)` adds the toy scenario
 * to whatever the real catalogue holds.
 */
import type { ScenarioDef } from '../scenarios/types.ts';

export async function withToyScenario(
  importOriginal: () => Promise<{ METRICS_SCENARIOS: readonly ScenarioDef[] }>,
): Promise<{ METRICS_SCENARIOS: readonly ScenarioDef[] }> {
  const original = await importOriginal();
  const { TOY_SCENARIO } = await import('./toyScenario.ts');
  return { ...original, METRICS_SCENARIOS: [...original.METRICS_SCENARIOS, TOY_SCENARIO] };
}
