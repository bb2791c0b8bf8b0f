/**
 * Importing a trace file into the lab: refuse it by size before reading it, read and
 * check it (traceFile.ts, which checks the run it describes as a share link's), check
 * its scenario version and schedule against this app's model before anything is
 * replaced, open it, and compare its recorded steps with this version's replay.
 */
import { decodeSchedule, type Result } from '../../engine/index.ts';
import type { RunDescription } from '../../scenarios/runDescription.ts';
import { resolveSetup } from '../../scenarios/simulate.ts';
import { allRecords } from '../../store/derived.ts';
import type { LabStore } from '../../store/labStore.ts';
import { firstMismatch, parseTraceFile, traceSizeProblem, type ReadTrace } from './traceFile.ts';

/** A refusal may name a scenario of this app to offer opening fresh (the file is from another version). */
export type ImportResult =
  Result<string> | { readonly ok: false; readonly error: string; readonly freshScenario: string };

export async function importTraceFile(store: LabStore, file: File): Promise<ImportResult> {
  const tooBig = traceSizeProblem(file.name, file.size);
  if (tooBig !== null) return { ok: false, error: tooBig };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: `"${file.name}" could not be read.` };
  }
  const parsed = parseTraceFile(text);
  if (!parsed.ok) return parsed;
  const trace = parsed.value;
  // Checked before `open`, because a refused open would take away the run on screen.
  const problem = versionProblem(trace.run, trace.scenarioVersion);
  if (problem !== null) {
    return {
      ok: false,
      error: `The trace cannot be opened: ${problem} The run on screen is kept.`,
      freshScenario: trace.run.scenario,
    };
  }
  if (!store.getState().open(trace.run)) {
    return {
      ok: false,
      error: `The trace cannot be opened: ${store.getState().openError ?? 'unknown error'}`,
    };
  }
  return { ok: true, value: importedStatus(store, trace, `"${file.name}"`) };
}

/** The status line of an import: how many steps, or where the file and the replay part. */
function importedStatus(store: LabStore, trace: ReadTrace, name: string): string {
  const after = store.getState();
  const replayed = allRecords(after.sim?.run ?? null, after.epoch);
  const mismatch = firstMismatch(trace.records, replayed);
  if (mismatch === null) {
    return `Imported ${name}: ${replayed.length} steps, at step ${after.cursor}.`;
  }
  return `Imported ${name}, but its recorded steps differ from this version's replay from step ${mismatch + 1}; the lab shows the replay.`;
}

/** Why the trace's scenario version or schedule does not fit this app, or null. */
function versionProblem(run: RunDescription, scenarioVersion: number): string | null {
  const setup = resolveSetup(run);
  if (!setup.ok) return setup.error;
  const { def, program, tag } = setup.value;
  if (scenarioVersion !== def.version) {
    return `It was made by version ${scenarioVersion} of scenario "${def.id}"; this app has version ${def.version}.`;
  }
  const decoded = decodeSchedule(run.schedule ?? '', {
    scenarioId: def.id,
    scenarioVersion: def.version,
    tag,
    threads: program.actors.length,
  });
  return decoded.ok ? null : decoded.error;
}
