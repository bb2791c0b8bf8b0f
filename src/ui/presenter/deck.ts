/**
 * What presenter mode shows, one slide per screen: a tour's chapters, or the steps
 * of a lab run that a presenter pinned notes to (`#/present/lab/<scenario>?<lab link
 * fields>&notes=…`). Each slide is a tour chapter, so both kinds play through the
 * same code; a pinned note becomes the slide's text, shown as plain text.
 */
import { labLinkHash, labLinkQuery, parseLabLink, type LabLink } from '../../routes/link.ts';
import type { RouteQuery } from '../../routes/router.ts';
import type { Result } from '../../engine/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { findTour, presentHref, tourHref } from '../../tours/index.ts';
import type { Chapter } from '../../tours/schema.ts';
import {
  hashWithNotes,
  NOTES_FIELD,
  parseNotes,
  withoutNotes,
  type PinnedNote,
} from '../../routes/notes.ts';

export interface Slide {
  readonly chapter: Chapter;
  /** The text is a pinned note: show it as plain text, not Markdown-lite. */
  readonly plain: boolean;
}

export interface Deck {
  readonly title: string;
  readonly race: 'A' | 'B';
  readonly slides: readonly Slide[];
  /** The slide the address names. */
  readonly start: number;
  /** The address of slide i in presenter mode. */
  slideHref(i: number): string;
  /** Where Escape goes from slide i. */
  exitHref(i: number): string;
}

/** The id a presenter route uses for a lab run instead of a tour id. */
export const LAB_DECK = 'lab';

/** The deck a presenter route names: a lab run's pinned steps, or a tour's chapters. */
export function deckOf(tourId: string, chapterId: string | null, query: RouteQuery): Result<Deck> {
  if (tourId === LAB_DECK) {
    if (chapterId === null) return { ok: false, error: 'A lab presentation needs a scenario id.' };
    return labDeck(chapterId, query);
  }
  return tourDeck(tourId, chapterId);
}

export function tourDeck(tourId: string, chapterId: string | null): Result<Deck> {
  const tour = findTour(tourId);
  if (!tour) return fail(`There is no tour "${tourId}".`);
  const start = chapterId === null ? 0 : tour.chapters.findIndex((c) => c.id === chapterId);
  if (start < 0) {
    return fail(
      `The tour "${tour.title}" has no chapter "${chapterId}". Its chapters are: ${tour.chapters.map((c) => c.id).join(', ')}.`,
    );
  }
  const id = (i: number): string => tour.chapters[i]?.id ?? tour.chapters[0]?.id ?? '';
  return {
    ok: true,
    value: {
      title: tour.title,
      race: tour.race,
      slides: tour.chapters.map((chapter) => ({ chapter, plain: false })),
      start,
      slideHref: (i) => presentHref(tour.id, id(i)),
      exitHref: (i) => tourHref(tour.id, id(i)),
    },
  };
}

export function labDeck(scenarioId: string, query: RouteQuery): Result<Deck> {
  const parsed = parseLabLink(scenarioId, withoutNotes(query));
  if (!parsed.ok) return parsed;
  const notes = parseNotes(query[NOTES_FIELD]);
  if (!notes.ok) return notes;
  const link = parsed.value;
  const def = findScenario(link.scenario);
  if (!def) return fail(`There is no scenario "${scenarioId}".`);
  const pinned: readonly PinnedNote[] =
    notes.value.length > 0 ? notes.value : [{ step: link.step ?? 0, text: def.summary }];
  const slides = pinned.map((note) => ({
    plain: notes.value.length > 0,
    chapter: chapterOf(link, note, def.title),
  }));
  const found = pinned.findIndex((n) => n.step === link.step);
  const at = (i: number): LabLink => ({ ...link, step: pinned[i]?.step ?? 0 });
  return {
    ok: true,
    value: {
      title: def.title,
      race: def.race,
      slides,
      start: found < 0 ? 0 : found,
      slideHref: (i) => {
        const q = new URLSearchParams(Object.entries(labLinkQuery(at(i)))).toString();
        return hashWithNotes(
          `#/present/${LAB_DECK}/${encodeURIComponent(link.scenario)}?${q}`,
          notes.value,
        );
      },
      exitHref: (i) => hashWithNotes(labLinkHash(at(i)), notes.value),
    },
  };
}

function chapterOf(link: LabLink, note: PinnedNote, title: string): Chapter {
  return {
    id: `step-${note.step}`,
    title: `${title}, step ${note.step}`,
    scenario: link.scenario,
    variant: link.variant,
    params: link.params,
    gil: link.gil,
    schedule: link.schedule ?? 'natural',
    step: note.step,
    annotation: note.text,
    notes: '',
  };
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
