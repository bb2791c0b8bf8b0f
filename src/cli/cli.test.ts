import { describe, expect, it, vi } from 'vitest';
import { exploreScenario } from '../explorer/report.ts';
import { main as explore } from './explore.ts';
import { main as scenarios } from './scenarios.ts';
import { main as sim } from './sim.ts';

vi.mock('../scenarios/metrics.ts', async (importOriginal) =>
  (await import('../testing/withToyScenario.ts')).withToyScenario(importOriginal as never),
);

const TOY = ['--scenario', 'toy-counter'];

function jsonOf(result: { code: number; stdout: string; stderr: string }): Record<string, unknown> {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

function expectBadArgument(
  result: { code: number; stdout: string; stderr: string },
  pattern: RegExp,
): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd()).not.toContain('\n');
}

describe('scenarios', () => {
  it('lists scenarios, variants, actors and provenance as JSON', () => {
    const doc = jsonOf(scenarios(['--json'])) as {
      scenarios: { id: string; actors: unknown[]; provenance: unknown; variants: unknown[] }[];
    };
    const toy = doc.scenarios.find((s) => s.id === 'toy-counter');
    expect(toy?.actors).toHaveLength(2);
    expect(toy?.provenance).toMatchObject({ kind: 'what-if' });
    expect(toy?.variants).toHaveLength(4);
    expect(scenarios([]).stdout).toContain('toy-counter');
    expectBadArgument(scenarios(['--yaml']), /Unknown option "--yaml"/);
  });
});

describe('sim', () => {
  it('prints the contract document', () => {
    const doc = jsonOf(sim([...TOY, '--variant', 'buggy', '--seed', '5', '--json']));
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining([
        'scenario',
        'variant',
        'seed',
        'schedule',
        'steps',
        'virtualTimeMs',
        'outcome',
      ]),
    );
    expect(doc).toMatchObject({ scenario: 'toy-counter', variant: 'buggy', seed: 5 });
    expect(Object.keys(doc['outcome'] as object)).toEqual(['crash', 'violations']);
    // The schedule string replays the same run.
    const again = jsonOf(
      sim([...TOY, '--variant', 'buggy', '--schedule', doc['schedule'] as string, '--json']),
    );
    expect({ ...again, seed: 5 }).toEqual(doc);
  });

  it('tells the story of a crash without --json', () => {
    const explored = exploreScenario({ scenario: 'toy-counter', variant: 'buggy' });
    if (!explored.ok || !explored.value.minimal) throw new Error('the toy crash is reachable');
    const out = sim([...TOY, '--variant', 'buggy', '--schedule', explored.value.minimal.schedule]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Traceback (most recent call last):');
    expect(out.stdout).toContain('RuntimeError: counter changed during check');
    expect(out.stdout).toContain('Replay: npm run --silent sim --');
  });

  it.each([
    [['--variant', 'buggy'], /Missing --scenario\./],
    [[...TOY], /Missing --variant\. Valid values: buggy, seed-fix, upstream, correct/],
    [
      ['--scenario', 'nope', '--variant', 'buggy'],
      /Unknown scenario "nope". Valid scenarios: .*toy-counter/,
    ],
    [[...TOY, '--variant', 'fixed'], /Valid variants: buggy, seed-fix, upstream, correct/],
    [[...TOY, '--variant', 'buggy', '--gil', 'py2'], /Valid modes: py311, py39, free-threaded/],
    [[...TOY, '--variant', 'buggy', '--seed', 'x'], /--seed must be a whole number/],
    [
      [...TOY, '--variant', 'buggy', '--seed', '1', '--schedule', 's1.1.x.A'],
      /seed or a schedule, not both/,
    ],
    [[...TOY, '--variant', 'buggy', '--schedule', 'garbage'], /not a schedule string/],
    [
      [...TOY, '--variant', 'buggy', '--param', 'speed=3'],
      /no parameter "speed"; its parameters are: steps/,
    ],
    [[...TOY, '--variant', 'buggy', '--param', 'steps=99'], /between 1 and 8/],
  ])('rejects %j with exit 2 and one line naming the valid values', (argv, pattern) => {
    expectBadArgument(sim(argv), pattern);
  });
});

describe('explore', () => {
  it('prints the contract document, whose minimal counterexample replays through sim', () => {
    const doc = jsonOf(explore([...TOY, '--variant', 'buggy', '--preemptions', '3', '--json'])) as {
      complete: boolean;
      schedules: number;
      crashing: number;
      byOutcome: Record<string, number>;
      minimal: { schedule: string; preemptions: number; steps: number; outcome: string };
    };
    for (const key of [
      'scenario',
      'variant',
      'complete',
      'schedules',
      'states',
      'crashing',
      'violating',
      'byOutcome',
      'minimal',
      'ms',
    ]) {
      expect(doc).toHaveProperty(key);
    }
    expect(doc.complete).toBe(true);
    expect(doc.minimal.outcome).toBe('crash:RuntimeError@stuck');
    expect(doc.crashing).toBe(doc.byOutcome['crash:RuntimeError@stuck']);
    const replayed = jsonOf(
      sim([...TOY, '--variant', 'buggy', '--schedule', doc.minimal.schedule, '--json']),
    ) as {
      steps: number;
      outcome: { crash: { type: string; thread: string } | null };
    };
    expect(replayed.steps).toBe(doc.minimal.steps);
    expect(replayed.outcome.crash).toMatchObject({ type: 'RuntimeError', thread: 'stuck' });
  });

  it('replays every minimal counterexample of every variant, under another switch mode and parameters too', () => {
    for (const variant of ['buggy', 'seed-fix', 'upstream', 'correct']) {
      const args = [
        ...TOY,
        '--variant',
        variant,
        '--gil',
        'py39',
        '--param',
        'steps=3',
        '--preemptions',
        'all',
      ];
      const doc = jsonOf(explore([...args, '--json'])) as {
        minimalByOutcome: Record<string, { schedule: string; steps: number }>;
      };
      for (const [key, ref] of Object.entries(doc.minimalByOutcome)) {
        const replayed = jsonOf(
          sim([
            ...TOY,
            '--variant',
            variant,
            '--gil',
            'py39',
            '--param',
            'steps=3',
            '--schedule',
            ref.schedule,
            '--json',
          ]),
        ) as { outcomeKeys: string[] };
        expect(replayed.outcomeKeys, `${variant} ${key}`).toContain(key);
      }
    }
  });

  it('has the same counts as the library call (and so as the worker)', () => {
    const doc = jsonOf(explore([...TOY, '--variant', 'seed-fix', '--json']));
    const direct = exploreScenario({ scenario: 'toy-counter', variant: 'seed-fix' });
    if (!direct.ok) throw new Error(direct.error);
    expect({ ...doc, ms: 0 }).toEqual({ ...direct.value, ms: 0 });
  });

  it('compares the four variants on one table', () => {
    const doc = jsonOf(explore([...TOY, '--variant', 'all', '--json'])) as {
      rows: { variant: string }[];
      outcomes: string[];
    };
    expect(doc.rows.map((r) => r.variant)).toEqual(['buggy', 'seed-fix', 'upstream', 'correct']);
    expect(doc.outcomes[0]).toBe('crash:RuntimeError@stuck');
    const text = explore([...TOY, '--variant', 'all']).stdout;
    expect(text).toContain('crash:RuntimeError@stuck');
    expect(text).toMatch(/upstream\s+yes/);
  });

  it('samples on request, reporting the first failing run', () => {
    const doc = jsonOf(
      explore([...TOY, '--variant', 'buggy', '--sample', 'pct', '--runs', '200', '--json']),
    ) as {
      runs: number;
      firstFailure: { schedule: string; outcome: string } | null;
    };
    expect(doc.runs).toBe(200);
    expect(doc.firstFailure).not.toBeNull();
    expect(explore([...TOY, '--variant', 'buggy', '--sample', 'random']).stdout).toContain(
      'First failure: run',
    );
  });

  it('is readable without --json', () => {
    const text = explore([...TOY, '--variant', 'buggy']).stdout;
    expect(text).toContain('Complete: every schedule within the bound was covered.');
    expect(text).toContain('Minimal counterexample: crash:RuntimeError@stuck');
    expect(text).toContain(
      'npm run --silent sim -- --scenario toy-counter --variant buggy --schedule s1.',
    );
  });

  it.each([
    [
      [...TOY, '--variant', 'buggy', '--preemptions', '-1'],
      /--preemptions must be a whole number from 0 .*or "all"/,
    ],
    [[...TOY, '--variant', 'buggy', '--reduction', 'dpor'], /Valid reductions: none, sleep-sets/],
    [[...TOY, '--variant', 'buggy', '--sample', 'chaos'], /Valid strategies: random, pct/],
    [[...TOY, '--variant', 'buggy', '--runs', '5'], /--runs only applies with --sample/],
    [
      [...TOY, '--variant', 'buggy', '--sample', 'pct', '--preemptions', '2'],
      /does not apply with --sample/,
    ],
    [[...TOY, '--variant', 'any'], /Valid variants: buggy, seed-fix, upstream, correct/],
    [[...TOY], /Missing --variant\. Valid values: buggy, seed-fix, upstream, correct, all/],
  ])('rejects %j with exit 2', (argv, pattern) => {
    expectBadArgument(explore(argv), pattern);
  });

  it('says when it stopped at the state limit', () => {
    const doc = jsonOf(
      explore([
        ...TOY,
        '--variant',
        'buggy',
        '--preemptions',
        'all',
        '--max-states',
        '3',
        '--json',
      ]),
    );
    expect(doc).toMatchObject({ complete: false, stopped: 'max-states' });
    expect(explore([...TOY, '--variant', 'buggy', '--max-states', '3']).stdout).toContain(
      'INCOMPLETE (state limit reached)',
    );
    const slow = [...TOY, '--variant', 'buggy', '--gil', 'py39', '--param', 'steps=8'];
    const timed = jsonOf(explore([...slow, '--preemptions', 'all', '--max-ms', '1', '--json']));
    expect(timed).toMatchObject({ complete: false, stopped: 'time-limit' });
  });
});
