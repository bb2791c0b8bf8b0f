/**
 * Saving the trace of the run on screen as a JSON file, for the Export menu and the
 * share panel alike: the same file, under the same name, with the same status line.
 */
import type { Simulation } from '../../scenarios/simulate.ts';
import { downloadText } from './download.ts';
import { serializeTrace, traceFileOf } from './traceFile.ts';

/** Downloads `<scenario>-<variant>-step<N>.trace.json`; returns the status line. */
export function saveTrace(sim: Simulation, cursor: number): string {
  const name = `${sim.def.id}-${sim.variant}-step${cursor}.trace.json`;
  downloadText(serializeTrace(traceFileOf(sim, cursor)), name, 'application/json');
  return `Saved ${name}.`;
}
