/**
 * Importing a trace file into the lab: read and check the file (traceFile.ts), check
 * its scenario, variant, parameters and step exactly as a share link's (link.ts), open
 * its schedule, and compare its recorded steps with this version's replay.
 */
import { labLinkQuery, parseLabLink, type LabLink } from '../../routes/link.ts';
import { decodeSchedule, type Result } from '../../engine/index.ts';
import { resolveSetup } from '../../scenarios/simulate.ts';
import { allRecords } from '../../store/derived.ts';
import type { LabStore } from '../../store/labStore.ts';
import { firstMismatch, MAX_TRACE_BYTES, parseTraceFile } from './traceFile.ts';

/** A refusal may name a scenario of this app to offer opening fresh (the file is from another version). */
export type ImportResult =
  Result<string> | { readonly ok: false; readonly error: string; readonly freshScenario: string };

export async function importTraceFile(store: LabStore, file: File): Promise<ImportResult> {
  if (file.size > MAX_TRACE_BYTES) {
    // Rounded up, so a file just over the limit does not read as "5.0 MB".
    const mb = (Math.ceil(file.size / 104857.6) / 10).toFixed(1);
    return { ok: false, error: `"${file.name}" is ${mb} MB; a trace file may be at most 5 MB.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: `"${file.name}" could not be read.` };
  }
  const parsed = parseTraceFile(text, file.size);
  if (!parsed.ok) return parsed;
  const trace = parsed.value;
  const link = parseLabLink(
    trace.scenario,
    labLinkQuery({
      scenario: trace.scenario,
      variant: trace.variant,
      gil: trace.gil,
      params: trace.params,
      schedule: trace.schedule,
      at: trace.step,
    }),
  );
  if (!link.ok) return { ok: false, error: `The trace cannot be opened: ${link.error}` };
  // Checked before `open`, because a refused open would take away the run on screen.
  const problem = versionProblem(link.value, trace.scenarioVersion);
  if (problem !== null) {
    return {
      ok: false,
      error: `The trace cannot be opened: ${problem} The run on screen is kept.`,
      freshScenario: link.value.scenario,
    };
  }
  const s = store.getState();
  if (!s.open({ ...link.value })) {
    return {
      ok: false,
      error: `The trace cannot be opened: ${store.getState().openError ?? 'unknown error'}`,
    };
  }
  const after = store.getState();
  const replayed = allRecords(after.sim?.run ?? null, after.epoch);
  const mismatch = firstMismatch(trace.records, replayed);
  const name = `"${file.name}"`;
  if (mismatch === null)
    return {
      ok: true,
      value: `Imported ${name}: ${replayed.length} steps, at step ${after.cursor}.`,
    };
  return {
    ok: true,
    value: `Imported ${name}, but its recorded steps differ from this version's replay from step ${mismatch + 1}; the lab shows the replay.`,
  };
}

/** Why the trace's scenario version or schedule does not fit this app, or null. */
function versionProblem(link: LabLink, scenarioVersion: number): string | null {
  const setup = resolveSetup(link);
  if (!setup.ok) return setup.error;
  const { def, program, tag } = setup.value;
  if (scenarioVersion !== def.version) {
    return `It was made by version ${scenarioVersion} of scenario "${def.id}"; this app has version ${def.version}.`;
  }
  const decoded = decodeSchedule(link.schedule ?? '', {
    scenarioId: def.id,
    scenarioVersion: def.version,
    tag,
    threads: program.actors.length,
  });
  return decoded.ok ? null : decoded.error;
}
