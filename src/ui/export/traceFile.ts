/**
 * The trace file: a run exported as JSON, with a header that names the format and its
 * version, everything a share link carries (scenario, variant, parameters, switch
 * mode, schedule, step) and the narrated step records. Importing reads it back with
 * every field checked and a clear sentence for whatever is wrong; the schedule is what
 * restores the run, the records are what a person reads (and what the importer
 * compares with its own replay).
 */
import { SWITCH_MODES, type Result, type SwitchMode, type StepRecord } from '../../engine/index.ts';
import { VARIANT_IDS, type Params, type VariantId } from '../../scenarios/index.ts';

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

export function serializeTrace(file: TraceFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** Reads a trace file's text; `byteSize` is the file's size as the browser reports it. */
export function parseTraceFile(text: string, byteSize = text.length): Result<TraceFile> {
  if (byteSize > MAX_TRACE_BYTES) {
    const mb = (byteSize / 1024 / 1024).toFixed(1);
    return fail(`The file is ${mb} MB; a trace file may be at most 5 MB.`);
  }
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

function checkFields(d: Record<string, unknown>): string | null {
  if (typeof d['scenario'] !== 'string' || d['scenario'] === '') return '"scenario" is missing';
  if (!isCount(d['scenarioVersion'])) return '"scenarioVersion" is not a whole number';
  if (!(VARIANT_IDS as readonly unknown[]).includes(d['variant'])) {
    return `"variant" must be one of ${VARIANT_IDS.join(', ')}`;
  }
  if (!(SWITCH_MODES as readonly unknown[]).includes(d['gil'])) {
    return `"gil" must be one of ${SWITCH_MODES.join(', ')}`;
  }
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
