/**
 * Opens a chapter in a lab store: the chapter's run (a schedule string is replayed
 * and then continued naturally, a seed becomes the schedule it produced; see
 * src/tours/position.ts), then the cursor its step names, found in the store's own
 * run so the two can never disagree. The chapter's home cursor is kept, so a reader
 * can step around the chapter's moment and come back to it.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { prepareChapter, resolvePosition } from '../../tours/position.ts';
import type { Chapter } from '../../tours/schema.ts';
import type { LabStore } from '../../store/labStore.ts';

export type ChapterStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly home: number }
  | { readonly kind: 'error'; readonly message: string };

export function chapterKey(chapter: Chapter): string {
  return JSON.stringify([
    chapter.scenario,
    chapter.variant,
    chapter.params ?? {},
    chapter.gil ?? 'py311',
    chapter.schedule,
    chapter.step,
  ]);
}

/** Opens the chapter in `store` (synchronously) and says where it stands. */
export function openChapter(store: LabStore, chapter: Chapter): ChapterStatus {
  const base = {
    scenario: chapter.scenario,
    variant: chapter.variant,
    gil: chapter.gil ?? 'py311',
    params: chapter.params ?? {},
  } as const;
  let schedule: string | null = null;
  if (chapter.schedule !== 'natural') {
    const prepared = prepareChapter(chapter);
    if (!prepared.ok) return { kind: 'error', message: prepared.error };
    schedule = prepared.value.request.schedule;
  }
  const state = store.getState();
  state.setPlaying(false);
  // simulate() fills in the defaults of parameters the chapter does not set.
  if (!state.open({ ...base, schedule, step: null })) {
    return { kind: 'error', message: store.getState().openError ?? 'The run could not be opened.' };
  }
  const sim = store.getState().sim;
  if (!sim) return { kind: 'error', message: 'The run could not be opened.' };
  const cursor = resolvePosition(sim, chapter.step);
  if (!cursor.ok) return { kind: 'error', message: cursor.error };
  store.getState().seek(cursor.value);
  const actor = chapter.highlight?.actor;
  const thread = actor === undefined ? -1 : sim.program.actors.indexOf(actor);
  if (thread >= 0) store.getState().setFocusThread(thread);
  return { kind: 'ready', home: cursor.value };
}

/**
 * Opens `chapter` in `store` whenever its run or position changes, and returns where
 * it stands. The status lives in a small store of its own, set by the effect that
 * opens the chapter (the lab store is the app's, and React state set inside an
 * effect would render twice).
 */
export function useChapter(store: LabStore, chapter: Chapter | null): ChapterStatus {
  const key = chapter ? chapterKey(chapter) : '';
  const [statusStore] = useState(() =>
    createStore<{ readonly key: string; readonly status: ChapterStatus }>()(() => ({
      key: '',
      status: { kind: 'loading' },
    })),
  );
  const current = useStore(statusStore);
  useEffect(() => {
    if (!chapter) return;
    statusStore.setState({ key, status: openChapter(store, chapter) });
    // key stands for the chapter's run and position.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, store, statusStore]);
  return current.key === key ? current.status : { kind: 'loading' };
}
