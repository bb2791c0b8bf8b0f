/**
 * Fuzzing the trace importer: random files and mutated real exports go through the
 * share panel's import (parse, check every field, open the schedule, compare the
 * records) into a lab that already shows a run. Every case must end in the imported
 * run or a clear message, never a throw; a refused file must leave the run on screen
 * as it was; Object.prototype must come out untouched.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../scenarios/simulate.ts';
import { createLabStore, type LabStore } from '../store/labStore.ts';
import { MAX_TRACE_BYTES } from '../ui/export/traceFile.ts';
import { baselineLink, validTraceTexts } from './corpus.ts';
import { mutatedTraceArb, randomTraceArb } from './hostileTraces.ts';
import { messageProblem } from './messages.ts';
import { importText } from './pipeline.ts';
import { prototypeSnapshot } from './prototypes.ts';

export const RANDOM_TRACE_CASES = 1_000;
export const MUTATED_TRACE_CASES = 2_500;

const tally = { cases: 0, imported: 0, refused: 0, oversized: 0 };
let bases: string[] = [];
let before = '';
let store: LabStore;

beforeAll(() => {
  before = prototypeSnapshot();
  bases = validTraceTexts();
  store = createLabStore();
  if (!store.getState().open(baselineLink())) throw new Error('the baseline does not open');
});

afterAll(() => {
  console.info(`trace fuzz: ${JSON.stringify(tally)}`);
});

/** Imports one file into the lab; returns what is wrong, or null. */
async function verdict(text: string | Blob): Promise<string | null> {
  tally.cases++;
  // Each case starts from a lab showing a run, even after a case that lost it.
  if (!store.getState().sim) store.getState().open(baselineLink());
  let outcome: Awaited<ReturnType<typeof importText>>;
  try {
    outcome = await importText(store, text);
  } catch (error) {
    return `threw ${String(error)}`;
  }
  const { result, kept } = outcome;
  if (!result.ok) {
    tally.refused++;
    if (!kept) return `refused ("${result.error}") but the run on screen was lost`;
    if (store.getState().openError !== null) return 'refused, and the lab shows an error';
    const problem = messageProblem(result.error);
    return problem === null ? null : `unclear message (${problem})`;
  }
  tally.imported++;
  const problem = messageProblem(result.value);
  if (problem !== null) return `unclear status (${problem})`;
  return importedRunProblem();
}

/** An imported run must be one simulate() builds again from its own schedule string. */
function importedRunProblem(): string | null {
  const { sim, cursor } = store.getState();
  if (!sim) return 'imported, but no run is shown';
  if (cursor < 0 || cursor > sim.run.length) return `cursor ${cursor} outside the run`;
  const again = simulate({
    scenario: sim.def.id,
    variant: sim.variant,
    params: sim.params,
    gil: sim.gil,
    schedule: sim.schedule,
  });
  if (!again.ok) return `its own schedule is refused: ${again.error}`;
  return again.value.run.length === sim.run.length ? null : 'its schedule rebuilds another run';
}

const property = async (text: string): Promise<void> => {
  const problem = await verdict(text);
  if (problem !== null) throw new Error(`${problem} for ${JSON.stringify(text.slice(0, 300))}`);
};

describe('trace files under fuzzing', () => {
  it('imports every real export', async () => {
    expect(bases.length).toBeGreaterThan(20);
    for (const base of bases) {
      expect(await verdict(base)).toBeNull();
      expect((await importText(store, base)).result.ok).toBe(true);
    }
  }, 120_000);

  it(`${RANDOM_TRACE_CASES} random files end in a run or a clear message`, async () => {
    await fc.assert(fc.asyncProperty(randomTraceArb(), property), {
      numRuns: RANDOM_TRACE_CASES,
      seed: 303,
    });
  }, 600_000);

  it(`${MUTATED_TRACE_CASES} mutated real exports end in a run or a clear message`, async () => {
    await fc.assert(fc.asyncProperty(mutatedTraceArb(bases), property), {
      numRuns: MUTATED_TRACE_CASES,
      seed: 404,
    });
    expect(tally.imported).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(1_000);
  }, 600_000);

  it('refuses files over the size limit before reading them, keeping the run', async () => {
    const base = bases[0] ?? '';
    for (const size of [MAX_TRACE_BYTES + 1, MAX_TRACE_BYTES * 3]) {
      tally.oversized++;
      const padded = `${base}${' '.repeat(Math.max(0, size - base.length))}`;
      const outcome = await importText(store, padded);
      expect(outcome.result.ok).toBe(false);
      expect(outcome.kept).toBe(true);
      if (!outcome.result.ok) expect(outcome.result.error).toMatch(/at most 5 MB\.$/);
    }
  });

  it('leaves Object.prototype and Array.prototype as they were', () => {
    expect(tally.cases).toBeGreaterThanOrEqual(RANDOM_TRACE_CASES + MUTATED_TRACE_CASES);
    expect(prototypeSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
