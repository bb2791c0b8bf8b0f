/**
 * What presenter mode's timeline shows for a chapter: the window of steps since
 * the previous chapter of the same run (or the last few steps when there is
 * none), and the lanes the chapter names, or by default the lanes that changed
 * in that window. Pure, over the run and the timeline's model.
 */
import type { Simulation } from '../../scenarios/simulate.ts';
import type { TimelineModel } from '../../timeline/model.ts';
import { resolvePosition } from '../../tours/position.ts';
import type { Chapter } from '../../tours/schema.ts';
import { lanesChangedIn, lanesNamed } from '../export/slideLanes.ts';
import { chapterKey } from '../tour/useChapter.ts';

/** Steps shown before the cursor when no earlier chapter of the same run says where to start. */
export const LEAD_STEPS = 30;

/** The previous chapter's cursor when it stands in the same run, else null. */
function previousCursor(
  sim: Simulation,
  chapters: readonly Chapter[],
  index: number,
): number | null {
  const here = chapters[index];
  const before = chapters[index - 1];
  if (!here || !before) return null;
  const sameRun = (c: Chapter): string => chapterKey({ ...c, step: 0 });
  if (sameRun(here) !== sameRun(before)) return null;
  const at = resolvePosition(sim, before.step);
  return at.ok ? at.value : null;
}

export function chapterWindow(
  sim: Simulation,
  chapters: readonly Chapter[],
  index: number,
  cursor: number,
): [number, number] {
  const from = previousCursor(sim, chapters, index);
  const start =
    from !== null && from < cursor ? Math.max(0, from - 2) : Math.max(0, cursor - LEAD_STEPS);
  return [start, Math.max(start + 1, cursor)];
}

/** Lane ids for the chapter: the ones it names, else those that changed in the window (record indexes). */
export function chapterLanes(
  model: TimelineModel,
  chapter: Chapter,
  window: readonly [number, number],
): string[] {
  if (chapter.lanes && chapter.lanes.length > 0) {
    const named = lanesNamed(model, chapter.lanes);
    if (named.length > 0) return named;
  }
  const changed = lanesChangedIn(model, window[0], window[1]);
  return changed.length > 0
    ? changed
    : model.lanes.filter((l) => l.kind === 'actor').map((l) => l.id);
}
