import { describe, expect, it } from 'vitest';
import { findScenario, SCENARIOS, defaultParams } from '../scenarios/index.ts';
import { simulate } from '../scenarios/simulate.ts';
import { formatVirtualTime, productionConstants, storyClockOf, storyTime } from './time.ts';

describe('formatVirtualTime', () => {
  it.each([
    [0, '0 ms'],
    [100, '100 ms'],
    [999, '999 ms'],
    [1000, '1.000 s'],
    [5000, '5.000 s'],
    [5065, '5.065 s'],
    [55065, '55.065 s'],
    [-5000, '-5.000 s'],
    [12.6, '13 ms'],
    [Number.NaN, '—'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatVirtualTime(ms)).toBe(text);
  });
});

describe('the story clock', () => {
  it('counts race A from the first MessageRejected, which the model puts at -threshold', () => {
    for (const def of SCENARIOS.filter((s) => s.race === 'A')) {
      const params = defaultParams(def);
      const clock = storyClockOf(def, params);
      const sim = simulate({ scenario: def.id, variant: 'buggy', maxSteps: 0 });
      if (!sim.ok) throw new Error(sim.error);
      const state = sim.value.run.worldAt(0).state as {
        processor: { backpressureSinceMs: number };
      };
      expect(state.processor.backpressureSinceMs).toBe(clock.originMs);
      expect(storyTime(clock, 10)).toBe('t = 5.010 s');
    }
  });

  it("counts race B from main's last run", () => {
    const def = findScenario('metrics-stuck-flush');
    if (!def) throw new Error('no metrics scenario');
    const clock = storyClockOf(def, defaultParams(def));
    expect(storyTime(clock, 5532)).toBe('t = 5.532 s');
    expect(clock.zero).toMatch(/__last_run/);
  });

  it('lists the production constants with their real units', () => {
    const a = findScenario('pause-rebalance-eager');
    const b = findScenario('metrics-stuck-flush');
    if (!a || !b) throw new Error('scenarios missing');
    expect(productionConstants(a, defaultParams(a)).map((c) => `${c.name} ${c.value}`)).toEqual([
      'BACKPRESSURE_THRESHOLD 5.000 s',
      'paused poll(0.1) 100 ms',
      'poll(timeout=1.0) 1.000 s',
    ]);
    expect(productionConstants(b, defaultParams(b))[0]).toMatchObject({
      name: 'METRICS_FREQUENCY_SEC',
      value: '1.000 s',
    });
  });
});
