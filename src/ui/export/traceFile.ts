/**
 * The trace file: a run exported as JSON, with a header that names the format and its
 * version, everything a share link carries (scenario, variant, parameters, switch
 * mode, schedule, step) and the narrated step records. Reading one decodes the JSON
 * and checks every field's type and each record's shape here, then checks the run it
 * describes with `validateRun` (src/scenarios/runDescription.ts), exactly as a share
 * link's; each problem is one clear sentence. The schedule is what restores the run,
 * the records are what a person reads (and what the importer compares with its own
 * replay).
 */
import { SWITCH_MODES, type Result, type StepRecord, type SwitchMode } from '../../engine/index.ts';
import {
  SCENARIO_CATALOG,
  VARIANT_IDS,
  type Params,
  type ScenarioMeta,
  type VariantId,
} from '../../scenarios/catalog.ts';
import { validateRun, type RunDescription } from '../../scenarios/runDescription.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { currentSchedule } from '../../store/runSlice.ts';

export const TRACE_FORMAT = 'arroyo-race-lab/trace';
export const TRACE_VERSION = 1;
export const MAX_TRACE_BYTES = 5 * 1024 * 1024;

export interface TraceFile {
  readonly format: typeof TRACE_FORMAT;
  readonly version: typeof TRACE_VERSION;
  readonly scenario: string;
  readonly scenarioVersion: number;
  readonly variant: VariantId;
  readonly params: Params;
  readonly gil: SwitchMode;
  readonly schedule: string;
  readonly step: number;
  readonly records: readonly StepRecord[];
}

/** A trace file as read: the run it describes, checked, with what only a file carries. */
export interface ReadTrace {
  readonly run: RunDescription;
  readonly scenarioVersion: number;
  readonly records: readonly StepRecord[];
}

/** The trace of `sim` as it is now (its whole run and schedule), shown at `step`. */
export function traceFileOf(sim: Simulation, step: number): TraceFile {
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    scenario: sim.def.id,
    scenarioVersion: sim.def.version,
    variant: sim.variant,
    params: sim.params,
    gil: sim.gil,
    schedule: currentSchedule(sim),
    step,
    records: sim.run.records(0, sim.run.length),
  };
}

export function serializeTrace(file: TraceFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Why a file of `byteSize` bytes is refused before it is read, or null. The size is
 * rounded up, so a file just over the limit does not read as "5.0 MB".
 */
export function traceSizeProblem(name: string, byteSize: number): string | null {
  if (byteSize <= MAX_TRACE_BYTES) return null;
  const mb = (Math.ceil(byteSize / 104857.6) / 10).toFixed(1);
  return `"${name}" is ${mb} MB; a trace file may be at most 5 MB.`;
}

/** Reads a trace file's text (its size checked already by `traceSizeProblem`). */
export function parseTraceFile(
  text: string,
  scenarios: readonly ScenarioMeta[] = SCENARIO_CATALOG,
): Result<ReadTrace> {
  const decoded = decodeTrace(text);
  if (!decoded.ok) return decoded;
  const d = decoded.value;
  const run = validateRun(
    {
      scenario: d.scenario,
      variant: d.variant,
      gil: d.gil,
      params: d.params,
      schedule: d.schedule,
      step: d.step,
    },
    'the trace',
    scenarios,
  );
  if (!run.ok) return fail(`The trace cannot be opened: ${run.error}`);
  return {
    ok: true,
    value: { run: run.value, scenarioVersion: d.scenarioVersion, records: d.records },
  };
}

/** The file's own format: JSON, its header, and every field's type. */
function decodeTrace(text: string): Result<TraceFile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('The file is not a trace: it is not valid JSON.');
  }
  if (!isRecord(data) || data['format'] !== TRACE_FORMAT) {
    return fail(
      `The file is not an Arroyo Race Lab trace (its "format" is not "${TRACE_FORMAT}").`,
    );
  }
  const version = data['version'];
  if (version !== TRACE_VERSION) {
    // Only a number is echoed: String() of a crafted object can throw or say "[object Object]".
    const which = isCount(version)
      ? `format version ${version}`
      : 'a format with no version number';
    return fail(`The trace was written in ${which}; this app reads version ${TRACE_VERSION}.`);
  }
  const problem = checkFields(data);
  if (problem !== null) return fail(`The trace file is damaged: ${problem}.`);
  return { ok: true, value: data as unknown as TraceFile };
}

/** Types only: which values the run may have is validateRun's to say. */
function checkFields(d: Record<string, unknown>): string | null {
  if (typeof d['scenario'] !== 'string' || d['scenario'] === '') return '"scenario" is missing';
  if (!isCount(d['scenarioVersion'])) return '"scenarioVersion" is not a whole number';
  if (typeof d['variant'] !== 'string') return `"variant" must be one of ${VARIANT_IDS.join(', ')}`;
  if (typeof d['gil'] !== 'string') return `"gil" must be one of ${SWITCH_MODES.join(', ')}`;
  const params = d['params'];
  if (!isRecord(params) || !Object.values(params).every((v) => Number.isInteger(v))) {
    return '"params" must map parameter names to whole numbers';
  }
  if (typeof d['schedule'] !== 'string' || d['schedule'] === '') return '"schedule" is missing';
  if (!isCount(d['step'])) return '"step" is not a whole number of 0 or more';
  const records = d['records'];
  if (!Array.isArray(records)) return '"records" is not a list';
  const bad = records.findIndex((r, i) => !isRecordShape(r, i));
  if (bad >= 0) return `record ${bad} is not a step record`;
  return null;
}

function isRecordShape(r: unknown, index: number): boolean {
  return (
    isRecord(r) &&
    r['step'] === index &&
    typeof r['actor'] === 'string' &&
    typeof r['at'] === 'string' &&
    typeof r['timeMs'] === 'number' &&
    typeof r['durationMs'] === 'number' &&
    typeof r['narration'] === 'string' &&
    Array.isArray(r['events'])
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * The first step where the file's records and a replay disagree (a different actor or
 * line), or null when they match; a sign the file was made by another version.
 */
export function firstMismatch(
  recorded: readonly Pick<StepRecord, 'actor' | 'at'>[],
  replayed: readonly Pick<StepRecord, 'actor' | 'at'>[],
): number | null {
  const n = Math.max(recorded.length, replayed.length);
  for (let i = 0; i < n; i++) {
    const a = recorded[i];
    const b = replayed[i];
    if (!a || !b || a.actor !== b.actor || a.at !== b.at) return i;
  }
  return null;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
