/**
 * The Export menu's items, as data: each one's label and what it does with the
 * export actions (exportActions.ts, loaded on the first use), returning the sentence
 * the menu shows when it is done. Notes, cursor and address are read when an item
 * runs, so a file holds what is on screen then.
 */
import type { Simulation } from '../../scenarios/simulate.ts';
import type { LabStore } from '../../store/labStore.ts';
import { shareHref } from '../share/ShareButton.tsx';

export type ExportActions = typeof import('./exportActions.ts');

export interface ExportItem {
  readonly id: string;
  readonly label: string;
  readonly run: (a: ExportActions) => string | Promise<string>;
}

export function exportItems(store: LabStore, sim: Simulation): readonly ExportItem[] {
  const notes = () => store.getState().notes;
  const cursor = () => store.getState().cursor;
  const here = () => window.location.href;
  return [
    {
      id: 'md',
      label: 'Postmortem (Markdown)',
      run: (a) => a.savePostmortem(store, sim, notes(), here()),
    },
    {
      id: 'rich',
      label: 'Postmortem (rich text, copy)',
      run: (a) => a.copyRichPostmortem(store, sim, notes(), here()),
    },
    {
      id: 'replay',
      label: 'Standalone replay (HTML)',
      run: (a) => a.saveReplay(sim, notes(), here()),
    },
    {
      id: 'png',
      label: 'Slide image (PNG)',
      run: (a) => a.saveSlide('png', sim, notes(), cursor(), here()),
    },
    {
      id: 'svg',
      label: 'Slide image (SVG)',
      run: (a) => a.saveSlide('svg', sim, notes(), cursor(), here()),
    },
    { id: 'trace', label: 'Trace (JSON)', run: (a) => a.saveTrace(sim, cursor()) },
    {
      id: 'link',
      label: 'Copy link',
      run: async () => {
        await navigator.clipboard.writeText(shareHref(store.getState(), here()));
        return 'Link copied.';
      },
    },
  ];
}

/** What the menu says while an item works: the postmortems count every schedule first. */
export function workingText(item: ExportItem): string {
  return item.id === 'md' || item.id === 'rich'
    ? 'Counting every schedule for each fix…'
    : 'Working…';
}
