import { describe, expect, it } from 'vitest';
import { simulate } from '../../scenarios/simulate.ts';
import { crashCursor } from '../../store/navigation.ts';
import { METRICS_CRASH } from '../landing/startHere.ts';
import { iteratedDicts } from './classify.ts';
import { nowFacts, shortMetric, type FactGroup } from './nowFacts.ts';

function factsAt(scenario: string, schedule: string | null, at: (crashStep: number) => number) {
  const sim = simulate({
    scenario,
    variant: 'buggy',
    gil: 'py311',
    ...(schedule === null ? { maxSteps: 200_000 } : { schedule }),
  });
  if (!sim.ok) throw new Error(sim.error);
  const run = sim.value.run;
  const crash = run.last.crashes[0];
  if (!crash) throw new Error('the run should crash');
  const cursor = at(crashCursor(crash));
  const records = run.records(0, run.length);
  return nowFacts(run.worldAt(cursor), iteratedDicts(records, cursor));
}

function fact(groups: readonly FactGroup[], key: string) {
  return groups.flatMap((g) => g.facts).find((f) => f.key === key);
}

describe('the state that matters now', () => {
  it("shows the metrics buffer's dicts and a broken iterator at the RuntimeError", () => {
    const groups = factsAt('metrics-stuck-flush', METRICS_CRASH.schedule, (c) => c);
    expect(groups.map((g) => g.title)).toEqual([
      'MetricsBuffer (shared by both threads)',
      'Dict iterators',
    ]);
    expect(fact(groups, 'counters')?.label).toMatch(/^counters, \d+ items?$/);
    const iter = groups[1]?.facts.find((f) => f.key.startsWith('iter:stuck:'));
    expect(iter?.tone).toBe('danger');
    expect(iter?.value).toContain('broken');
  });

  it('says, one step before the crash, that the next item will raise', () => {
    const groups = factsAt('metrics-stuck-flush', METRICS_CRASH.schedule, (c) => c - 1);
    const iter = groups[1]?.facts.find((f) => f.key.startsWith('iter:stuck:'));
    expect(iter?.tone).toBe('danger');
    expect(iter?.value).toMatch(/^started at (\d+) items?, counters has (?!\1\b)\d+ now$/);
    expect(iter?.note).toContain('raises RuntimeError');
  });

  it("shows the processor's flag and what the consumer and the SynchronizedConsumer hold paused", () => {
    const groups = factsAt('pause-rebalance-eager', null, (c) => c);
    expect(groups.map((g) => g.title)).toEqual(['StreamProcessor (main thread)', 'Consumer']);
    expect(fact(groups, 'paused')?.value).toMatch(/^(True|False)$/);
    expect(fact(groups, 'assigned')?.value).toMatch(/^\{P\d(, P\d)*\}|set\(\)$/);
    expect(fact(groups, 'consumerPaused')).toBeDefined();
    expect(fact(groups, 'scPaused')).toBeDefined();
    expect(fact(groups, 'polled')?.value).toMatch(/^P\d@\d+$/);
  });

  it('drops the common prefix of metric names', () => {
    expect(shortMetric('arroyo.consumer.run.count')).toBe('run.count');
    expect(shortMetric('other.name')).toBe('other.name');
  });
});
