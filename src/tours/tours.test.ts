/**
 * Every chapter of every tour, played headlessly: its run exists, its step resolves
 * inside that run, its highlight names a real actor, line and piece of state, a
 * which-thread question's answer is the thread that really steps next, and the run
 * ends the way the chapter says. A model change that breaks a tour fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveChapter } from './position.ts';
import { TOUR_ERRORS, TOURS, validateTour } from './index.ts';

describe('the tours in the repository', () => {
  it('all load and validate', () => {
    expect(TOUR_ERRORS).toEqual([]);
    expect(TOURS.length).toBeGreaterThanOrEqual(6);
  });

  it('cover the stories docs/tours.md lists', () => {
    const ids = TOURS.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'race-a-mechanism',
        'race-a-seed-what-if',
        'race-a-cooperative',
        'race-a-upstream-fix',
        'race-b-crash',
        'race-b-stress-test',
      ]),
    );
    const scenarios = new Set(TOURS.flatMap((t) => t.chapters.map((c) => c.scenario)));
    for (const id of [
      'pause-rebalance-eager',
      'pause-external-resume',
      'pause-rebalance-cooperative',
      'metrics-stuck-flush',
    ]) {
      expect(scenarios).toContain(id);
    }
    const questions = TOURS.flatMap((t) =>
      t.chapters.flatMap((c) => (c.question ? [c.question] : [])),
    );
    expect(questions.some((q) => q.kind === 'which-thread')).toBe(true);
    expect(questions.some((q) => q.kind === 'what-happens')).toBe(true);
    expect(TOURS.some((t) => t.chapters.some((c) => c.evidence))).toBe(true);
  });

  for (const tour of TOURS) {
    describe(tour.id, () => {
      it.each(tour.chapters.map((c, i) => [i + 1, c.id, c] as const))(
        'chapter %i (%s) plays and resolves its position',
        (_n, _id, chapter) => {
          const resolved = resolveChapter(chapter);
          if (!resolved.ok) throw new Error(`${tour.id} / ${chapter.id}: ${resolved.error}`);
          const { sim, cursor } = resolved.value;
          expect(cursor).toBeGreaterThanOrEqual(0);
          expect(cursor).toBeLessThanOrEqual(sim.run.length);
        },
      );
    });
  }
});

describe('docs/tours.md', () => {
  it('has a full example that is a valid tour whose chapters all resolve', () => {
    const doc = readFileSync(new URL('../../docs/tours.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## A full example'));
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    if (!json) throw new Error('docs/tours.md has no JSON block under "A full example"');
    const tour = validateTour(JSON.parse(json), 'docs/tours.md');
    if (!tour.ok) throw new Error(tour.error);
    for (const chapter of tour.value.chapters) {
      const resolved = resolveChapter(chapter);
      if (!resolved.ok) throw new Error(`${chapter.id}: ${resolved.error}`);
    }
  });
});
