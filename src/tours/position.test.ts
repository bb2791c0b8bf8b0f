import { describe, expect, it } from 'vitest';
import { simulate, type Simulation } from '../scenarios/simulate.ts';
import {
  highlightProblems,
  prepareChapter,
  resolveChapter,
  resolvePosition,
  valueAtPath,
} from './position.ts';
import type { Chapter } from './schema.ts';

function eager(variant = 'buggy'): Simulation {
  const sim = simulate({ scenario: 'pause-rebalance-eager', variant });
  if (!sim.ok) throw new Error(sim.error);
  return sim.value;
}

const base: Chapter = {
  id: 'c',
  title: 'C',
  scenario: 'pause-rebalance-eager',
  variant: 'buggy',
  schedule: 'natural',
  step: 0,
  annotation: 'a',
  notes: 'n',
};

function ok<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function err(r: { ok: true } | { ok: false; error: string }): string {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('resolvePosition', () => {
  const sim = eager();

  it('reads numbers, start, end and the crash', () => {
    expect(ok(resolvePosition(sim, 12))).toBe(12);
    expect(ok(resolvePosition(sim, { to: 'start' }))).toBe(0);
    expect(ok(resolvePosition(sim, { to: 'end' }))).toBe(sim.run.length);
    const crash = sim.run.last.crashes[0];
    expect(ok(resolvePosition(sim, { to: 'crash' }))).toBe((crash?.step ?? -9) + 1);
    expect(ok(resolvePosition(sim, { to: 'crash', offset: -2 }))).toBe((crash?.step ?? -9) - 1);
  });

  it('finds the nth step that executes a line, before or after it', () => {
    const before = ok(
      resolvePosition(sim, { findAt: 'processor-buggy:run.submit', actor: 'main' }),
    );
    expect(sim.program.instrs[sim.run.pcAt(before)]?.at).toBe('processor-buggy:run.submit');
    const second = ok(resolvePosition(sim, { findAt: 'processor-buggy:run.submit', nth: 1 }));
    expect(second).toBeGreaterThan(before);
    expect(ok(resolvePosition(sim, { findAt: 'processor-buggy:run.submit', after: true }))).toBe(
      before + 1,
    );
  });

  it('explains what it cannot find', () => {
    expect(err(resolvePosition(sim, 10_000))).toBe(
      `the step resolves to 10000, outside this run's steps 0 to ${sim.run.length}`,
    );
    expect(err(resolvePosition(sim, { findAt: 'nope:x' }))).toMatch(/unknown listing "nope"/);
    expect(err(resolvePosition(sim, { findAt: 'processor-buggy:nope' }))).toMatch(
      /has no anchor "nope"/,
    );
    expect(
      err(resolvePosition(sim, { findAt: 'processor-buggy:run.submit', actor: 'coordinator' })),
    ).toBe('no step by coordinator executes "processor-buggy:run.submit" in this run');
    expect(err(resolvePosition(sim, { findAt: 'processor-buggy:run.submit', nth: 99 }))).toMatch(
      /is executed 3 time\(s\) in this run; "nth": 99/,
    );
    expect(err(resolvePosition(eager('correct'), { to: 'crash' }))).toMatch(
      /this run does not crash \(it ends in ok\)/,
    );
    expect(err(resolvePosition(sim, { to: 'violation', invariant: 'duplicate' }))).toMatch(
      /breaks no invariant/,
    );
  });

  it('finds a violation', () => {
    const upstream = eager('upstream');
    const v = upstream.run.last.violations[0];
    expect(ok(resolvePosition(upstream, { to: 'violation', invariant: 'message-loss' }))).toBe(
      v?.step,
    );
  });
});

describe('highlights and questions', () => {
  const sim = eager();

  it('reads state paths and checks what a highlight names', () => {
    const world = sim.run.worldAt(0);
    expect(valueAtPath(world.state, 'processor/message')).toEqual({ p: 'P0', offset: 10 });
    expect(valueAtPath(world.state, 'kafka/consumer/assigned/0/p')).toBe('P0');
    expect(valueAtPath(world.state, 'processor/nothing')).toBeUndefined();
    expect(
      highlightProblems(sim, 0, {
        actor: 'main',
        line: 'processor-buggy:paused.assert',
        statePath: 'processor/paused',
      }),
    ).toEqual([]);
    expect(
      highlightProblems(sim, 0, {
        actor: 'stuck',
        line: 'metrics_buffer:flush.timers',
        statePath: 'x/y',
      }),
    ).toEqual([
      'highlight.actor "stuck" is not an actor of this run (main, coordinator, commitlog, producer)',
      'highlight.line: unknown listing "metrics_buffer" in "metrics_buffer:flush.timers"',
      'highlight.statePath "x/y" names nothing in the world state at step 0',
    ]);
  });

  it('checks a which-thread answer against the thread that steps next', () => {
    const question = {
      prompt: 'Who?',
      kind: 'which-thread' as const,
      choices: [
        { text: 'main', actor: 'main', correct: true, feedback: '.' },
        { text: 'coordinator', actor: 'coordinator', correct: false, feedback: '.' },
      ],
      hints: ['a', 'b', 'c'] as const,
    };
    const step = { findAt: 'kafka-consumer:poll.wait', actor: 'main', after: true };
    expect(err(resolveChapter({ ...base, step, question }))).toBe(
      `the which-thread question's correct choice names "main", but the run's next step is taken by "coordinator"`,
    );
  });

  it('checks the expected outcome', () => {
    expect(err(resolveChapter({ ...base, expect: { outcome: ['ok'] } }))).toBe(
      'expect.outcome is ok, but the run ends in crash:AssertionError@main',
    );
  });
});

describe('prepareChapter', () => {
  it('continues a schedule string naturally to the end of the run', () => {
    const minimal = 's1.1.xzh0vi.sEBlBA';
    const prepared = ok(
      prepareChapter({
        ...base,
        scenario: 'metrics-stuck-flush',
        schedule: minimal,
        step: { to: 'crash' },
      }),
    );
    expect(prepared.sim.run.ended).toBe(true);
    expect(prepared.request.schedule).not.toBe(minimal);
    const replayed = simulate({
      scenario: 'metrics-stuck-flush',
      variant: 'buggy',
      schedule: prepared.request.schedule ?? '',
    });
    expect(ok(replayed).run.length).toBe(prepared.sim.run.length);
  });

  it('turns a seed into the schedule string it produced', () => {
    const prepared = ok(prepareChapter({ ...base, schedule: { seed: 7 } }));
    expect(prepared.request.schedule).toMatch(/^s1\./);
  });

  it('refuses a schedule made for another scenario', () => {
    expect(err(prepareChapter({ ...base, schedule: 's1.1.xzh0vi.sEBlBA' }))).toMatch(
      /another scenario/,
    );
  });
});
