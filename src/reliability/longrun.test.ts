/**
 * Long runs stay inside the memory budget (300 MB of heap): a run of a million steps,
 * the longest run a link can ask of a real scenario, and an hour of playback at the
 * fastest speed driven through the lab's store and the selectors its panels use.
 *
 * No parameter of a real scenario reaches a million steps (their horizons stop them
 * at 100,000 and 20,000; the longest, asked for below, has 74,677), so the million
 * is the engine's toy `counterRace(2, 250_000)`: two threads, a load and a store each
 * per increment, under seeded random scheduling.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSchedule, encodeSchedule, fastHash, ReplayScheduler, Run } from '../engine/index.ts';
import { counterRace } from '../testing/toy.ts';
import { defaultParams, findScenario } from '../scenarios/index.ts';
import { allRecords, recordAt, worldAt } from '../store/derived.ts';
import { createLabStore, type LabStore } from '../store/labStore.ts';
import type { OpenRequest } from '../store/runSlice.ts';
import { SPEEDS } from '../store/viewSlice.ts';
import { heapMb, MEMORY_BUDGET_MB } from './memory.ts';

export const MILLION = 1_000_000;

/** The parameters that make pause-external-resume's correct variant run longest. */
export const LONGEST_LINK = {
  scenario: 'pause-external-resume',
  variant: 'correct',
  params: {
    topPollMs: 100,
    pausedPollMs: 10,
    fetchMs: 1,
    thresholdMs: 60_000,
    livenessMs: 60_000,
    pausedForeverMs: 600_000,
    messages: 6,
  },
} as const;

const figures: Record<string, number> = {};
afterAll(() => console.info(`long runs: ${JSON.stringify(figures)}`));

/** The store's open request for LONGEST_LINK, every other parameter at its default. */
function longestRequest(): OpenRequest {
  const def = findScenario(LONGEST_LINK.scenario);
  if (!def) throw new Error('no such scenario');
  return {
    scenario: LONGEST_LINK.scenario,
    variant: LONGEST_LINK.variant,
    gil: 'py311',
    params: { ...defaultParams(def), ...LONGEST_LINK.params },
    schedule: null,
    step: null,
  };
}

function millionStepRun(): { run: Run<unknown>; retainedMb: number; schedule: string } {
  const base = heapMb();
  const run = new Run(counterRace(2, MILLION / 4), { gil: 'py311' });
  // A deviation every 997th choice point: a thousand of them keep the string short.
  const deviations = new Map<number, number>();
  for (let point = 0; point < MILLION; point += 997) deviations.set(point, (point / 997) % 2);
  run.extend(new ReplayScheduler(deviations));
  const retainedMb = heapMb() - base;
  const schedule = encodeSchedule(run.schedule(1, 'toy'));
  return { run, retainedMb, schedule };
}

describe('a run of a million steps', () => {
  it('is held in a bounded heap, travels in time and replays from its schedule', () => {
    const { run, retainedMb, schedule } = millionStepRun();
    expect(run.length).toBe(MILLION);
    figures['millionRunMb'] = Math.round(retainedMb);
    expect(retainedMb).toBeLessThan(MEMORY_BUDGET_MB);

    // Time travel anywhere costs one checkpoint's replay; a window of records is cheap.
    const before = heapMb();
    for (const step of [0, 1, 499_999, 999_999, MILLION]) {
      expect(run.worldAt(step).step).toBe(step);
    }
    expect(run.records(MILLION - 1_000, MILLION)).toHaveLength(1_000);
    expect(heapMb() - before).toBeLessThan(20);

    const decoded = decodeSchedule(schedule, {
      scenarioId: 'toy',
      scenarioVersion: 1,
      tag: 'toy',
      threads: 2,
    });
    if (!decoded.ok) throw new Error(decoded.error);
    figures['millionScheduleChars'] = schedule.length;
    const again = new Run(counterRace(2, MILLION / 4), { gil: 'py311' });
    again.extend(new ReplayScheduler(new Map(decoded.value.deviations.map(([p, t]) => [p, t]))));
    expect(again.length).toBe(MILLION);
    expect(fastHash(again.last as never)).toBe(fastHash(run.last as never));
  }, 300_000);
});

describe('the longest run a link can ask of a real scenario', () => {
  it('opens with every record (what the timeline reads) inside the budget', () => {
    const base = heapMb();
    const store = createLabStore();
    const opened = store.getState().open(longestRequest());
    expect(opened).toBe(true);
    const { sim, epoch } = store.getState();
    const records = allRecords(sim?.run ?? null, epoch);
    figures['longestRealRunSteps'] = records.length;
    expect(records.length).toBeGreaterThan(50_000);
    const usedMb = heapMb() - base;
    figures['longestRealRunMb'] = Math.round(usedMb);
    expect(usedMb).toBeLessThan(MEMORY_BUDGET_MB);
  }, 300_000);
});

/**
 * One tick of usePlayback's interval and what the panels then select: the world at the
 * cursor and the step before it, the last record, and every record (timeline, state).
 * At the end of a run the person presses play again from the start.
 */
function tick(store: LabStore): void {
  const s = store.getState();
  const run = s.sim?.run;
  if (!run) throw new Error('no run');
  if (s.cursor >= run.length && run.ended) s.toStart();
  else s.stepForward();
  const { cursor, epoch } = store.getState();
  worldAt(run, epoch, cursor);
  worldAt(run, epoch, Math.max(0, cursor - 1));
  recordAt(run, epoch, cursor - 1);
  allRecords(run, epoch);
}

describe('an hour of playback at the fastest speed', () => {
  it('keeps the heap flat and the record cache the size of the run', () => {
    const speed = Math.max(...SPEEDS);
    const store = createLabStore();
    store.getState().setSpeed(speed);
    expect(store.getState().open(longestRequest())).toBe(true);
    const ticksPerMinute = speed * 60;
    const samples: number[] = [];
    for (let minute = 0; minute < 60; minute++) {
      for (let i = 0; i < ticksPerMinute; i++) tick(store);
      if (minute % 10 === 9) samples.push(heapMb());
    }
    const { sim, epoch } = store.getState();
    const records = allRecords(sim?.run ?? null, epoch);
    expect(records).toHaveLength(sim?.run.length ?? -1);
    expect(allRecords(sim?.run ?? null, epoch)).toBe(records);
    figures['hourTicks'] = ticksPerMinute * 60;
    figures['hourPeakMb'] = Math.round(Math.max(...samples));
    figures['hourGrowthMb'] = Math.round(((samples.at(-1) ?? 0) - (samples[0] ?? 0)) * 10) / 10;
    expect(Math.max(...samples)).toBeLessThan(MEMORY_BUDGET_MB);
    // After the first ten minutes nothing more is kept: later samples stay within 5 MB.
    expect(Math.abs(figures['hourGrowthMb'])).toBeLessThan(5);
  }, 600_000);
});
