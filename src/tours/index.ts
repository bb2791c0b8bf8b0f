/**
 * The tours kept in this repository: JSON files beside this module, imported
 * statically (so the build bundles them and a broken file fails the build's type
 * check only through tours.test.ts, never at a reader's expense) and validated at
 * load. A tour that fails validation is left out of `TOURS` and its message kept in
 * `TOUR_ERRORS`, which the list of tours shows and the unit test requires to be empty.
 *
 * To add a tour: write `src/tours/<id>.json` (docs/tours.md), add it to `SOURCES`
 * below, and run `npx vitest run src/tours`.
 */
import raceAMechanism from './race-a-mechanism.json';
import raceASeedWhatIf from './race-a-seed-what-if.json';
import raceACooperative from './race-a-cooperative.json';
import raceAUpstreamFix from './race-a-upstream-fix.json';
import raceAInvalidMessageHang from './race-a-invalid-message-hang.json';
import raceBCrash from './race-b-crash.json';
import raceBStressTest from './race-b-stress-test.json';
import { validateTour, type Tour } from './schema.ts';

export * from './schema.ts';
export { presentHref, tourHref } from './hrefs.ts';

/** In the order the list of tours shows them: the real mechanism first, then the what-if. */
const SOURCES: readonly (readonly [string, unknown])[] = [
  ['race-a-mechanism.json', raceAMechanism],
  ['race-a-seed-what-if.json', raceASeedWhatIf],
  ['race-a-cooperative.json', raceACooperative],
  ['race-a-upstream-fix.json', raceAUpstreamFix],
  ['race-a-invalid-message-hang.json', raceAInvalidMessageHang],
  ['race-b-crash.json', raceBCrash],
  ['race-b-stress-test.json', raceBStressTest],
];

function load(): { tours: Tour[]; errors: string[] } {
  const tours: Tour[] = [];
  const errors: string[] = [];
  for (const [file, json] of SOURCES) {
    const result = validateTour(json, `src/tours/${file}`);
    if (!result.ok) errors.push(result.error);
    else if (tours.some((t) => t.id === result.value.id)) {
      errors.push(`src/tours/${file}: the tour id "${result.value.id}" is used by another tour`);
    } else tours.push(result.value);
  }
  return { tours, errors };
}

const loaded = load();

export const TOURS: readonly Tour[] = loaded.tours;
export const TOUR_ERRORS: readonly string[] = loaded.errors;

export function findTour(id: string): Tour | undefined {
  return TOURS.find((t) => t.id === id);
}

/** The index of a chapter by id; the first chapter when `chapterId` is null. -1 if unknown. */
export function chapterIndex(tour: Tour, chapterId: string | null): number {
  if (chapterId === null) return 0;
  return tour.chapters.findIndex((c) => c.id === chapterId);
}
