import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_ID, registerFakeScenario } from '../testing/fakeScenario.ts';
import { allRecords, worldAt } from './derived.ts';
import { createLabStore } from './labStore.ts';
import { currentSchedule, type OpenRequest } from './runSlice.ts';

let undo: () => void;
beforeAll(() => {
  undo = registerFakeScenario();
});
afterAll(() => undo());

const REQUEST: OpenRequest = {
  scenario: FAKE_ID,
  variant: 'buggy',
  gil: 'py311',
  params: { increments: 2 },
  schedule: null,
  step: null,
};

function opened() {
  const store = createLabStore({ explorer: () => Promise.reject(new Error('no explorer')) });
  expect(store.getState().open(REQUEST)).toBe(true);
  return store;
}

describe('the run slice', () => {
  it('opens a natural run at step 0 and steps back and forth', () => {
    const store = opened();
    const s = store.getState();
    expect(s.sim?.run.length).toBe(10);
    expect(s.cursor).toBe(0);
    s.stepForward();
    s.stepForward();
    expect(store.getState().cursor).toBe(2);
    store.getState().stepBack();
    expect(store.getState().cursor).toBe(1);
    store.getState().toEnd();
    expect(store.getState().cursor).toBe(10);
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(10);
    store.getState().toStart();
    expect(store.getState().cursor).toBe(0);
  });

  it('refuses a bad schedule with the decoder message and no run', () => {
    const store = createLabStore();
    expect(store.getState().open({ ...REQUEST, schedule: 's9.1.abc.A' })).toBe(false);
    expect(store.getState().openError).toMatch(/schedule format v9/);
    expect(store.getState().sim).toBeNull();
  });

  it('forks the history when another thread is chosen, and finds the crash', () => {
    const store = opened();
    store.getState().seek(1);
    const before = store.getState().epoch;
    expect(store.getState().stepWith(1)).toBe(true);
    const s = store.getState();
    expect(s.cursor).toBe(2);
    expect(s.epoch).toBe(before + 1);
    expect(s.sim?.run.length).toBe(2);
    s.toEnd();
    expect(store.getState().toCrash()).toBe(true);
    const crash = store.getState().sim?.run.last.crashes[0];
    expect(crash?.type).toBe('AssertionError');
    expect(store.getState().cursor).toBe((crash?.step ?? -2) + 1);
  });

  it('choosing the thread the history already holds keeps the future', () => {
    const store = opened();
    const run = store.getState().sim?.run;
    const next = run?.threadAt(0) ?? -1;
    expect(store.getState().stepWith(next)).toBe(true);
    expect(store.getState().sim?.run.length).toBe(10);
    expect(store.getState().cursor).toBe(1);
  });

  it('restores the same run and step from its schedule string', () => {
    const store = opened();
    store.getState().seek(1);
    store.getState().stepWith(1);
    store.getState().toEnd();
    store.getState().seek(5);
    const sim = store.getState().sim;
    if (!sim) throw new Error('no sim');
    const schedule = currentSchedule(sim);
    const copy = createLabStore();
    expect(copy.getState().open({ ...REQUEST, schedule, step: 5 })).toBe(true);
    const other = copy.getState();
    expect(other.cursor).toBe(5);
    expect(other.sim?.run.length).toBe(sim.run.length);
    expect(worldAt(other.sim!.run, other.epoch, 5)).toEqual(sim.run.worldAt(5));
  });

  it('clamps a step past the end and says so', () => {
    const store = createLabStore();
    store.getState().open({ ...REQUEST, step: 99 });
    expect(store.getState().cursor).toBe(10);
    expect(store.getState().notice).toMatch(/step 99/);
  });

  it('switches variant keeping the interleaving, and the fix does not crash', () => {
    const store = opened();
    store.getState().seek(1);
    store.getState().stepWith(1);
    store.getState().toEnd();
    expect(store.getState().sim?.run.last.crashes).toHaveLength(1);
    store.getState().switchVariant('correct');
    const s = store.getState();
    expect(s.sim?.variant).toBe('correct');
    expect(s.sim?.run.ended).toBe(true);
    expect(s.sim?.run.last.crashes).toHaveLength(0);
  });

  it('jumps to the next step of a thread', () => {
    const store = opened();
    expect(store.getState().toNextStepOf(1)).toBe(true);
    expect(store.getState().cursor).toBe(6);
    store.getState().toEnd();
    expect(store.getState().toNextStepOf(1)).toBe(false);
  });

  it('keeps the record cache across appends and rebuilds it after a fork', () => {
    const store = opened();
    const s = store.getState();
    const first = allRecords(s.sim!.run, s.epoch);
    expect(first).toHaveLength(10);
    expect(allRecords(s.sim!.run, s.epoch)).toBe(first);
    s.seek(1);
    store.getState().stepWith(1);
    const after = store.getState();
    expect(allRecords(after.sim!.run, after.epoch)).toHaveLength(2);
    after.stepForward();
    const grown = store.getState();
    const records = allRecords(grown.sim!.run, grown.epoch);
    expect(records).toHaveLength(3);
    expect(records[1]?.actor).toBe('t1');
  });
});

describe('the explorer slice', () => {
  it('runs the runner, reports progress and keeps the results', async () => {
    const store = createLabStore({
      explorer: async () => (request, onProgress) => {
        onProgress({ fraction: 0.5, text: 'half' });
        return {
          result: Promise.resolve(
            request.variants.map((variant) => ({
              variant,
              complete: true,
              schedules: 3,
              states: 9,
              crashing: variant === 'buggy' ? 1 : 0,
              violating: 0,
              byOutcome: { ok: 2 },
              minimal: null,
            })),
          ),
          cancel: () => undefined,
        };
      },
    });
    store.getState().startExplore({
      scenario: FAKE_ID,
      params: {},
      gil: 'py311',
      variants: ['buggy', 'correct'],
      preemptions: 2,
    });
    expect(store.getState().explorer.status).toBe('running');
    await new Promise((r) => setTimeout(r, 0));
    const view = store.getState().explorer;
    expect(view.status).toBe('done');
    expect(view.results.map((r) => r.variant)).toEqual(['buggy', 'correct']);
  });

  it('can be cancelled, and a late result is ignored', async () => {
    let resolve: (v: never[]) => void = () => undefined;
    let cancelled = false;
    const store = createLabStore({
      explorer: async () => () => ({
        result: new Promise((r) => {
          resolve = r;
        }),
        cancel: () => {
          cancelled = true;
        },
      }),
    });
    store
      .getState()
      .startExplore({ scenario: FAKE_ID, params: {}, gil: 'py311', variants: [], preemptions: 1 });
    await new Promise((r) => setTimeout(r, 0));
    store.getState().cancelExplore();
    resolve([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(cancelled).toBe(true);
    expect(store.getState().explorer.status).toBe('cancelled');
  });
});
