/**
 * The explorer on the real scenarios (skipped for a scenario that is not in
 * the catalogue yet): default bounds explore completely within the performance
 * budgets (README), the outcomes docs/scenarios.md names are found, and every minimal
 * counterexample replays through `sim --schedule` to its outcome.
 * Budgets are checked on CPU time, so a busy machine does not fail them.
 */
import { describe, expect, it } from 'vitest';
import { main as explore } from '../cli/explore.ts';
import { main as sim } from '../cli/sim.ts';
import { findScenario, SCENARIOS, VARIANT_IDS } from '../scenarios/index.ts';
import { createHandler, type WorkerResponse } from './protocol.ts';
import { exploreScenario, type ExploreReport } from './report.ts';

const explored = new Map<string, { report: ExploreReport; cpuMs: number }>();

/** Explores with the default bounds once per (scenario, variant); later tests reuse the report. */
function timed(scenario: string, variant: string): { report: ExploreReport; cpuMs: number } {
  const known = explored.get(`${scenario}/${variant}`);
  if (known) return known;
  const before = process.cpuUsage();
  const result = exploreScenario({ scenario, variant });
  const used = process.cpuUsage(before);
  if (!result.ok) throw new Error(result.error);
  const out = { report: result.value, cpuMs: (used.user + used.system) / 1000 };
  explored.set(`${scenario}/${variant}`, out);
  return out;
}

const BUDGETS: readonly [string, number][] = [
  ['metrics-stuck-flush', 1_000],
  ['pause-rebalance-eager', 5_000],
];

describe.each(BUDGETS)('%s under its default bounds', (scenario, budgetMs) => {
  it.skipIf(!findScenario(scenario)).each(VARIANT_IDS)(
    `%s explores completely within ${budgetMs} ms`,
    (variant) => {
      const { report, cpuMs } = timed(scenario, variant);
      expect(report.complete).toBe(true);
      expect(cpuMs).toBeLessThan(budgetMs);
    },
  );
});

/** Outcomes docs/scenarios.md gives: reachable (true) or never (false). */
const REQUIRED: Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, boolean>>>>>
> = {
  'metrics-stuck-flush': {
    buggy: {
      'crash:RuntimeError@stuck': true,
      'crash:RuntimeError@main': true,
      'violation:metrics-conservation': true,
    },
    'seed-fix': {
      'crash:RuntimeError@stuck': false,
      'crash:RuntimeError@main': false,
      'violation:metrics-conservation': true,
    },
    upstream: {
      'crash:RuntimeError@stuck': false,
      'crash:RuntimeError@main': false,
      'violation:metrics-conservation': false,
    },
    correct: {
      'crash:RuntimeError@stuck': false,
      'crash:RuntimeError@main': false,
      'violation:metrics-conservation': false,
    },
  },
  'pause-rebalance-eager': {
    buggy: { 'crash:AssertionError@main': true },
    'seed-fix': { 'crash:AssertionError@main': false, 'violation:message-loss': false },
    upstream: { 'crash:AssertionError@main': false, 'violation:message-loss': true },
    correct: { 'crash:AssertionError@main': false, 'violation:message-loss': false },
  },
};

describe.each(Object.keys(REQUIRED))('%s: the outcomes docs/scenarios.md names', (scenario) => {
  it.skipIf(!findScenario(scenario)).each(VARIANT_IDS)('%s', (variant) => {
    const { report } = timed(scenario, variant);
    for (const [key, reachable] of Object.entries(REQUIRED[scenario]?.[variant] ?? {})) {
      expect((report.byOutcome[key] ?? 0) > 0, key).toBe(reachable);
    }
  });
});

describe('minimal counterexamples of the real scenarios', () => {
  it.skipIf(SCENARIOS.length === 0).each(SCENARIOS.map((s) => s.id))(
    '%s: each replays through sim --schedule',
    (scenario) => {
      for (const variant of ['buggy', 'upstream']) {
        const { report } = timed(scenario, variant);
        for (const [key, ref] of Object.entries(report.minimalByOutcome)) {
          const out = sim([
            '--scenario',
            scenario,
            '--variant',
            variant,
            '--schedule',
            ref.schedule,
            '--json',
          ]);
          expect(out.code, out.stderr).toBe(0);
          const doc = JSON.parse(out.stdout) as { steps: number; outcomeKeys: string[] };
          expect(doc.outcomeKeys, `${variant} ${key}`).toContain(key);
          expect(doc.steps).toBe(ref.steps);
        }
      }
    },
  );
});

describe('the worker, the library and the command line agree on a real scenario', () => {
  const scenario = SCENARIOS[0]?.id ?? '';
  it.skipIf(!scenario)('same counts', async () => {
    const request = { scenario, variant: 'buggy' };
    const report = await new Promise<ExploreReport>((resolve, reject) => {
      const handle = createHandler((r: WorkerResponse) => {
        if (r.type === 'result') resolve(r.report);
        if (r.type === 'error') reject(new Error(r.message));
      });
      handle({ type: 'explore', id: 1, request });
    });
    const direct = exploreScenario(request);
    if (!direct.ok) throw new Error(direct.error);
    expect({ ...report, ms: 0 }).toEqual({ ...direct.value, ms: 0 });
    const cli = explore(['--scenario', scenario, '--variant', 'buggy', '--json']);
    expect({ ...(JSON.parse(cli.stdout) as ExploreReport), ms: 0 }).toEqual({ ...report, ms: 0 });
  });
});
