import { describe, expect, it } from 'vitest';
import { FAKE_SCENARIO, fakeProgram } from '../../testing/fakeScenario.ts';
import { Run } from '../../engine/index.ts';
import { buildReport } from './report.ts';

function crashedRun() {
  const run = new Run(fakeProgram('buggy', 1), { gil: 'py311' });
  for (const t of [0, 1, 0, 1, 0]) run.stepWith(t);
  return run;
}

describe('the Markdown postmortem', () => {
  const run = crashedRun();
  const base = {
    def: FAKE_SCENARIO,
    variant: 'buggy' as const,
    gil: 'py311',
    params: { increments: 1 },
    link: 'https://example.test/#/lab/toy-counter?v=buggy',
    schedule: 's1.1.abc.KA',
    cursor: 5,
    records: run.records(0, run.length),
    crash: run.last.crashes[0] ?? null,
    violations: run.last.violations,
    listings: run.program.listings,
    timelineImage: 'timeline.svg',
    explorer: null,
  };

  it('has the scenario, provenance, link, traceback, timeline and narrated steps', () => {
    const md = buildReport(base);
    expect(md).toContain('# Postmortem: Toy counter');
    expect(md).toContain('**Provenance:** What-if from the seed narrative');
    expect(md).toContain('[open this exact run](https://example.test/#/lab/toy-counter?v=buggy)');
    expect(md).toContain('Exception in thread t0:');
    expect(md).toContain('AssertionError: lost an update');
    expect(md).toContain('`metrics-conservation` at step 4');
    expect(md).toContain('![Timeline of the run](timeline.svg)');
    expect(md).toContain('1. `t0` at 0 ms, `toy:3` `tmp = counter`: t0 reads counter = 0.');
    expect(md).not.toContain('## Explorer');
  });

  it('adds the explorer counts for each variant when there are some', () => {
    const md = buildReport({
      ...base,
      explorer: [
        {
          variant: 'buggy',
          complete: true,
          schedules: 6,
          states: 20,
          crashing: 4,
          violating: 4,
          byOutcome: { ok: 2, 'crash:AssertionError@t0': 4 },
          minimal: null,
        },
      ],
    });
    expect(md).toContain(
      '| Buggy (as shipped) | 6 | 4 | 4 | ok: 2, crash:AssertionError@t0: 4 | yes |',
    );
  });

  it('says so when nothing went wrong, and cuts long step lists', () => {
    const md = buildReport({ ...base, crash: null, violations: [], maxSteps: 2 });
    expect(md).toContain('The run does not crash.');
    expect(md).toContain('No invariant is broken.');
    expect(md).toContain('(3 more steps are left out');
  });
});
