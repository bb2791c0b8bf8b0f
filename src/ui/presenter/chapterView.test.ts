import { describe, expect, it } from 'vitest';
import { findTour } from '../../tours/index.ts';
import { prepareChapter, resolvePosition } from '../../tours/position.ts';
import { buildTimelineModel } from '../../timeline/model.ts';
import { timelineInputOf } from '../timeline/input.ts';
import { laneChangedIn } from '../export/slideLanes.ts';
import { chapterLanes, chapterWindow } from './chapterView.ts';

const tour = findTour('race-a-mechanism');

describe("presenter mode's lanes for a chapter", () => {
  it.each(tour?.chapters.map((c, i) => [c.id, i] as const) ?? [])('%s', (_id, index) => {
    if (!tour) throw new Error('no tour');
    const chapter = tour.chapters[index];
    if (!chapter) throw new Error('no chapter');
    const prepared = prepareChapter(chapter);
    if (!prepared.ok) throw new Error(prepared.error);
    const sim = prepared.value.sim;
    const cursor = resolvePosition(sim, chapter.step);
    if (!cursor.ok) throw new Error(cursor.error);
    const model = buildTimelineModel(timelineInputOf(sim, sim.run.records(0, cursor.value)));
    const window = chapterWindow(sim, tour.chapters, index, cursor.value);
    expect(window[0]).toBeLessThan(window[1]);
    const lanes = chapterLanes(model, chapter, window);
    expect(lanes.length).toBeGreaterThan(0);
    const byId = new Map(model.lanes.map((l) => [l.id, l]));
    if (chapter.lanes) {
      // Every lane the chapter names exists at its moment and is shown, and nothing else.
      expect(lanes.length).toBe(chapter.lanes.length);
      expect(lanes).toEqual(expect.arrayContaining(['actor:main', 'state:processor.message']));
    } else {
      for (const id of lanes) {
        const lane = byId.get(id);
        expect(lane && (lane.kind === 'actor' || laneChangedIn(lane, window[0], window[1]))).toBe(
          true,
        );
      }
    }
  });
});
