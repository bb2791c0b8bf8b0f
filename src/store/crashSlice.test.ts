import { describe, expect, it } from 'vitest';
import { CRASH_CATALOG, failingOutcomes } from '../analysis/catalog.ts';
import { defaultParams, findScenario } from '../scenarios/index.ts';
import { selectLink } from './address.ts';
import { selectCollision, selectRunCollision } from './collision.ts';
import { createLabStore } from './labStore.ts';

function lab(scenario: string, variant: 'buggy' | 'correct' | 'seed-fix') {
  const def = findScenario(scenario);
  if (!def) throw new Error(scenario);
  const store = createLabStore({ explorer: () => Promise.reject(new Error('no explorer')) });
  store.getState().open({
    scenario,
    variant,
    gil: 'py311',
    params: defaultParams(def),
    schedule: null,
    step: 0,
  });
  return store;
}

describe('show me the crash', () => {
  it('opens the minimal counterexample at its crash step, with the collision in view', () => {
    const store = lab('metrics-stuck-flush', 'buggy');
    expect(store.getState().sim?.run.last.crashes).toEqual([]);
    expect(store.getState().showCrash()).toBe(true);
    const entry = CRASH_CATALOG.entries['metrics-stuck-flush/buggy/py311'];
    const outcome = failingOutcomes(entry!)[0] ?? '';
    const s = store.getState();
    expect(selectLink(s)?.schedule).toBe(entry?.minimal[outcome]?.schedule);
    expect(s.cursor).toBe(entry?.minimal[outcome]?.steps);
    const c = selectCollision(s);
    expect(c?.outcome).toBe(outcome);
    expect(c?.outcomeStep).toBe(s.cursor);
  });

  it('opens any outcome of the list, and explains that one', () => {
    const store = lab('metrics-stuck-flush', 'buggy');
    expect(store.getState().openOutcome('crash:RuntimeError@main')).toBe(true);
    expect(selectRunCollision(store.getState())?.victim.actor).toBe('main');
    expect(store.getState().openOutcome('violation:metrics-conservation')).toBe(true);
    expect(selectRunCollision(store.getState())?.kind).toBe('lost-increment');
    expect(store.getState().openOutcome('ok')).toBe(true);
    expect(selectRunCollision(store.getState())).toBeNull();
  });

  it('has nothing to show where nothing goes wrong', () => {
    const store = lab('metrics-stuck-flush', 'correct');
    expect(store.getState().showCrash()).toBe(false);
  });

  it('reopening the run on screen from its own link only moves the step', () => {
    const store = lab('metrics-stuck-flush', 'buggy');
    store.getState().showCrash();
    const before = store.getState().sim;
    const link = selectLink(store.getState());
    expect(store.getState().open({ ...link!, step: 5 })).toBe(true);
    expect(store.getState().sim).toBe(before);
    expect(store.getState().cursor).toBe(5);
  });
});
