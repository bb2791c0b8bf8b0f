/**
 * What the share panel's buttons do, outside React: each returns the line the panel
 * then shows, a status or (for a refusal) an alert.
 */
import type { Simulation } from '../../scenarios/simulate.ts';
import type { LabStore } from '../../store/labStore.ts';
import { importTraceFile } from '../export/importTrace.ts';

export interface ShareMessage {
  readonly kind: 'status' | 'alert';
  readonly text: string;
  /** A scenario to offer opening fresh, when the file came from another version. */
  readonly fresh?: string;
}

/** Copies `href`; where the browser refuses, selects `field` so the person can copy it. */
export async function copyLink(
  href: string,
  field: HTMLInputElement | null,
): Promise<ShareMessage> {
  try {
    await navigator.clipboard.writeText(href);
    return { kind: 'status', text: 'Link copied.' };
  } catch {
    field?.select();
    return {
      kind: 'status',
      text: 'Copying was not allowed; the link is selected, press Ctrl+C (or ⌘C).',
    };
  }
}

/** Saves the timeline as the Export menu's 16:9 slide (title, legend, collision, notes). */
export async function saveTimeline(
  kind: 'svg' | 'png',
  sim: Simulation,
  store: LabStore,
  cursor: number,
): Promise<ShareMessage> {
  try {
    // Loaded on first use: the slide's drawing does not weigh on the lab's first load.
    const actions = await import('../export/exportActions.ts');
    const name = `${sim.def.id}-${sim.variant}-step${cursor}.timeline`;
    const notes = store.getState().notes;
    const said = await actions.saveSlide(kind, sim, notes, cursor, window.location.href, name);
    return { kind: 'status', text: said };
  } catch (error) {
    return { kind: 'alert', text: `The timeline image could not be made: ${String(error)}` };
  }
}

/** Imports a trace file into the lab; a refusal keeps the run and may offer a fresh start. */
export async function importInto(store: LabStore, file: File): Promise<ShareMessage> {
  const result = await importTraceFile(store, file);
  if (result.ok) return { kind: 'status', text: result.value };
  const fresh = 'freshScenario' in result ? { fresh: result.freshScenario } : {};
  return { kind: 'alert', text: result.error, ...fresh };
}
