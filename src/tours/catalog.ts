/**
 * The list of tours without their chapters: what the landing page shows (title,
 * race, audience, summary, chapter ids), so that the first load carries neither
 * the tours' chapters nor their validator. The tours themselves (index.ts) load
 * with the tour or presenter page that needs them. meta/catalog.json (outside the
 * folder of tour files, which is read as tours) is written by
 * `node --import tsx scripts/tour-catalog.ts`; catalog.test.ts checks it matches
 * the validated tours, in order, so a tour file that fails validation fails the
 * tests before it can reach a reader.
 */
import type { Audience, Tour } from './schema.ts';
import catalog from './meta/catalog.json';

export { presentHref, tourHref } from './hrefs.ts';

export interface TourMeta {
  readonly id: string;
  readonly title: string;
  readonly race: 'A' | 'B';
  readonly audience: Audience;
  readonly summary: string;
  readonly chapters: readonly { readonly id: string }[];
}

export const TOUR_CATALOG: readonly TourMeta[] = catalog as readonly TourMeta[];

/** Always empty: the tests validate every bundled tour (kept for the list's error slot). */
export const TOUR_CATALOG_ERRORS: readonly string[] = [];

/** The catalogue entry of each tour (what scripts/tour-catalog.ts writes). */
export function catalogOf(tours: readonly Tour[]): TourMeta[] {
  return tours.map((t) => ({
    id: t.id,
    title: t.title,
    race: t.race,
    audience: t.audience,
    summary: t.summary,
    chapters: t.chapters.map((c) => ({ id: c.id })),
  }));
}
