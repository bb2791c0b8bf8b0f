/**
 * The lab's store (docs/architecture.md#data-flow): a thin zustand store made of three slices whose
 * actions call the engine. One store per lab page, created by `createLabStore()`, so
 * every page and every test starts clean. Components read it through `useLab` with
 * narrow selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createExplorerSlice, type ExplorerRunner, type ExplorerSlice } from './explorerSlice.ts';
import { loadExplorerRunner } from './explorerRunner.ts';
import { createCrashSlice, type CrashSlice } from './crashSlice.ts';
import { createNotesSlice, type NotesSlice } from './notesSlice.ts';
import { createRunSlice, type RunSlice } from './runSlice.ts';
import { createViewSlice, type ViewSlice } from './viewSlice.ts';

export type LabState = RunSlice & ViewSlice & ExplorerSlice & NotesSlice & CrashSlice;
export type LabStore = StoreApi<LabState>;

export interface LabStoreOptions {
  /** Loads the explorer runner; tests pass a fake. */
  readonly explorer?: () => Promise<ExplorerRunner>;
}

export function createLabStore(options: LabStoreOptions = {}): LabStore {
  const store = createStore<LabState>()((set, get) => ({
    ...createRunSlice(set, get),
    ...createViewSlice(set, get),
    ...createExplorerSlice(set, get, options.explorer ?? loadExplorerRunner),
    ...createNotesSlice(set, get),
    ...createCrashSlice(set, get),
  }));
  // An outcome searched for by the explorer opens once the exploration is done.
  store.subscribe((state, before) => {
    if (state.crashSearch !== null && state.explorer !== before.explorer) state.settleCrashSearch();
  });
  return store;
}
