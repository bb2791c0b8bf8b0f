import { describe, expect, it } from 'vitest';
import { compareVariants } from '../../explorer/compare.ts';
import { simulate, type Simulation } from '../../scenarios/simulate.ts';
import { countsOf } from '../../store/explorerRunner.ts';
import { storyClockOf } from '../../tours/time.ts';
import { buildPostmortem, keyMoments, type PostmortemInput } from './postmortem.ts';

function inputOf(sim: Simulation, explorer: PostmortemInput['explorer'] = null): PostmortemInput {
  const run = sim.run;
  return {
    def: sim.def,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    link: 'https://example.test/#/lab/x',
    schedule: sim.schedule,
    records: run.records(0, run.length),
    crash: run.last.crashes[0] ?? null,
    violations: run.last.violations,
    listings: sim.program.listings,
    fatalActors: sim.program.fatalActors,
    clock: storyClockOf(sim.def, sim.params),
    explorer,
  };
}

function run(scenario: string, variant: string, schedule?: string): Simulation {
  const sim = simulate({ scenario, variant, ...(schedule ? { schedule } : {}) });
  if (!sim.ok) throw new Error(sim.error);
  return sim.value;
}

function sections(md: string): string[] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('## '))
    .map((l) => l.slice(3));
}

describe('the postmortem', () => {
  it('is shaped as a postmortem', () => {
    const md = buildPostmortem(inputOf(run('pause-rebalance-eager', 'buggy')));
    expect(md.startsWith('# Postmortem: Eager rebalance inside the paused poll\n')).toBe(true);
    expect(sections(md)).toEqual([
      'Summary',
      'Impact',
      'Timeline',
      'Root cause',
      'Contributing factors',
      'What each fix does',
      'Reproduce',
      'Traceback',
    ]);
  });

  it('tells the incident in real time units from the story clock', () => {
    const md = buildPostmortem(inputOf(run('pause-rebalance-eager', 'buggy')));
    expect(md).toContain(
      'at **t = 5.065 s** thread `main` raised `AssertionError: assert polled is None`',
    );
    expect(md).toContain(
      'counted from the first MessageRejected; `BACKPRESSURE_THRESHOLD` = 5.000 s, `paused poll(0.1)` = 100 ms',
    );
    expect(md).toMatch(
      /- \*\*t = 5\.010 s\*\* \(step 16, `main`\): The processor pauses every partition in tell\(\)/,
    );
    expect(md).toContain('**the consumer process dies**');
    expect(md).toContain('```text\nTraceback (most recent call last):');
    expect(md).toContain('AssertionError: assert polled is None\n```');
  });

  it('gives the reproduce commands and says when counts are missing', () => {
    const md = buildPostmortem(inputOf(run('pause-rebalance-eager', 'buggy')));
    expect(md).toMatch(
      /`npm run sim -- --scenario pause-rebalance-eager --variant buggy --schedule s1\.[^`]+`/,
    );
    expect(md).toContain("The explorer's counts were not computed for this export.");
    expect(md).toContain('`npm run explore -- --scenario pause-rebalance-eager --variant all`');
  });

  it("compares every fix with the explorer's counts", () => {
    const table = compareVariants('pause-rebalance-eager', {}, 'py311');
    if (!table.ok) throw new Error(table.error);
    const counts = table.value.rows.map((r) => countsOf(r.variant as never, r));
    const md = buildPostmortem(inputOf(run('pause-rebalance-eager', 'upstream'), counts));
    const fixSection = md.slice(md.indexOf('## What each fix does'), md.indexOf('## Reproduce'));
    expect(fixSection).toContain(
      '| Implementation | Schedules | Crashing | Violating | Outcomes | Complete |',
    );
    for (const label of [
      'Buggy (as shipped)',
      "The seed's fix",
      "arroyo's real fix",
      'A correct fix',
    ]) {
      expect(fixSection).toContain(`| ${label} |`);
    }
    expect(fixSection).toMatch(/\| Buggy \(as shipped\) \| \d+ \| [1-9]\d* \| 0 \|/);
    expect(fixSection).toMatch(/\| A correct fix \| \d+ \| 0 \| 0 \|/);
    expect(md).toContain('No thread crashed in this run.');
    expect(md).toContain('`message-loss`: A message was read and never processed');
  });

  it('labels a what-if and shows a non-fatal thread death', () => {
    const whatIf = buildPostmortem(inputOf(run('pause-external-resume', 'buggy')));
    expect(whatIf).toContain('> **What-if, not what happened in production.**');
    const metrics = buildPostmortem(
      inputOf(run('metrics-stuck-flush', 'buggy', 's1.1.xzh0vi.sEBlBA')),
    );
    expect(metrics).toContain('Thread `stuck` died of `RuntimeError`');
    expect(metrics).toContain('counted from the start of main');
    expect(metrics).toContain('Exception in thread stuck:');
  });

  it('keeps the timeline to the notable moments', () => {
    const sim = run('pause-rebalance-eager', 'upstream');
    const moments = keyMoments(sim.run.records(0, sim.run.length));
    expect(moments.length).toBeLessThan(40);
    expect(moments.length).toBeGreaterThan(5);
    const md = buildPostmortem({ ...inputOf(sim), maxMoments: 8 });
    expect(md).toMatch(/- … \d+ more moments; open the run to see them\./);
  });
});
