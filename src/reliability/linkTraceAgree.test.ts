/**
 * A share link and a trace file describe a run the same way and are checked by the
 * same validator (src/scenarios/runDescription.ts): for every run description, the
 * two formats accept the same run, and with any one thing wrong they refuse it with
 * the same sentence (the trace's says "the trace" where the link's says "the link").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SWITCH_MODES } from '../engine/index.ts';
import { SCENARIO_CATALOG, VARIANT_IDS, type ScenarioMeta } from '../scenarios/catalog.ts';
import { MAX_SCHEDULE_CHARS } from '../scenarios/runDescription.ts';
import { parseLabLink } from '../routes/link.ts';
import { parseTraceFile, TRACE_FORMAT, TRACE_VERSION } from '../ui/export/traceFile.ts';

/** A run as both formats write it: parameter values as whole numbers, in order. */
interface Described {
  readonly scenario: string;
  readonly variant: string;
  readonly gil: string;
  readonly params: readonly (readonly [string, number])[];
  readonly schedule: string;
  readonly step: number;
}

const SCHEDULE_CHARS = [...'ABCKQxyz0189._-'];

function validRunArb(def: ScenarioMeta): fc.Arbitrary<Described> {
  const param = fc
    .constantFrom(...def.params)
    .chain((p) => fc.tuple(fc.constant(p.id), fc.integer({ min: p.min, max: p.max })));
  return fc.record({
    scenario: fc.constant(def.id),
    variant: fc.constantFrom(...VARIANT_IDS),
    gil: fc.constantFrom(...SWITCH_MODES),
    params: fc.uniqueArray(param, { maxLength: 4, selector: ([id]) => id }),
    schedule: fc.string({ unit: fc.constantFrom(...SCHEDULE_CHARS), minLength: 1, maxLength: 60 }),
    step: fc.integer({ min: 0, max: 999_999_999 }),
  });
}

/** One thing wrong with a valid run, as either format could carry it. */
const FAULTS: readonly ((run: Described) => Described)[] = [
  (r) => ({ ...r, scenario: `${r.scenario}-gone` }),
  (r) => ({ ...r, variant: 'fixed' }),
  (r) => ({ ...r, gil: 'py2' }),
  (r) => ({ ...r, params: [...r.params, ['__proto__', 1]] }),
  (r) => ({ ...r, params: [...r.params, ['nope', 1]] }),
  (r) => ({ ...r, params: [['messages', 999_999], ...r.params.filter(([k]) => k !== 'messages')] }),
  (r) => ({ ...r, schedule: `${r.schedule}<script>` }),
  (r) => ({ ...r, schedule: 'A'.repeat(MAX_SCHEDULE_CHARS + 1) }),
];

function asLink(run: Described) {
  const query: Record<string, string> = { v: run.variant, gil: run.gil, s: run.schedule };
  query['at'] = String(run.step);
  for (const [name, value] of run.params) query[`p.${name}`] = String(value);
  return parseLabLink(run.scenario, query);
}

function asTrace(run: Described) {
  const { params, step, ...rest } = run;
  const file = { format: TRACE_FORMAT, version: TRACE_VERSION, ...rest, scenarioVersion: 1 };
  // JSON text, as a file holds it ("__proto__" is then a key like any other).
  const paramsJson = `{${params.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  const text = JSON.stringify({ ...file, step, records: [] }).replace(
    /}$/,
    `,"params":${paramsJson}}`,
  );
  return parseTraceFile(text);
}

const runArb = fc.constantFrom(...SCENARIO_CATALOG).chain(validRunArb);

describe('links and trace files agree', () => {
  it('accept the same run from the same description', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const link = asLink(run);
        const trace = asTrace(run);
        if (!link.ok) throw new Error(`the link refused a valid run: ${link.error}`);
        if (!trace.ok) throw new Error(`the trace refused a valid run: ${trace.error}`);
        expect(trace.value.run).toEqual(link.value);
      }),
      { numRuns: 300, seed: 41 },
    );
  });

  it('refuse a description with one thing wrong in the same words', () => {
    const faulty = fc.tuple(runArb, fc.constantFrom(...FAULTS)).map(([run, fault]) => fault(run));
    fc.assert(
      fc.property(faulty, (run) => {
        const link = asLink(run);
        const trace = asTrace(run);
        if (link.ok || trace.ok) throw new Error('a faulty description was accepted');
        const linkWords = link.error.replace('the link', 'the trace');
        expect(trace.error).toBe(`The trace cannot be opened: ${linkWords}`);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
