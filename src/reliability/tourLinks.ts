/**
 * Tour and presenter links for every tour and its first chapters, as the app builds
 * them, and the judgement TourPage and PresenterPage make of such an address. Kept
 * apart from corpus.ts and pipeline.ts because the tours are JSON modules, which the
 * Node fuzzers load and Playwright's loader cannot.
 */
import { parseRoute } from '../routes/router.ts';
import { chapterIndex, findTour, presentHref, tourHref, TOURS } from '../tours/index.ts';
import { LAB_DECK, labDeck, tourDeck } from '../ui/presenter/deck.ts';
import { resolveHash, type Outcome } from './pipeline.ts';
import type { LabLink } from '../routes/link.ts';

export function tourLinkHashes(): string[] {
  return TOURS.flatMap((tour) => [
    tourHref(tour.id),
    presentHref(tour.id),
    ...tour.chapters
      .slice(0, 2)
      .flatMap((c) => [tourHref(tour.id, c.id), presentHref(tour.id, c.id)]),
  ]);
}

/**
 * resolveHash for every page: tour and presenter addresses are judged as TourPage and
 * PresenterPage judge them (their texts are repeated here).
 */
export function resolveAnyHash(
  hash: string,
): Outcome | { readonly kind: 'link'; readonly link: LabLink } {
  const route = parseRoute(hash);
  if (route.kind === 'tour') return tourOutcome(route.tour, route.chapter);
  if (route.kind !== 'present') return resolveHash(hash);
  const deck =
    route.tour !== LAB_DECK
      ? tourDeck(route.tour, route.chapter)
      : route.chapter === null
        ? { ok: false as const, error: 'A lab presentation needs a scenario id.' }
        : labDeck(route.chapter, route.query);
  return deck.ok ? { kind: 'page', page: 'present' } : { kind: 'message', text: deck.error };
}

function tourOutcome(tourId: string, chapterId: string | null): Outcome {
  const tour = findTour(tourId);
  if (!tour) return { kind: 'message', text: `There is no tour "${tourId}".` };
  if (chapterIndex(tour, chapterId) < 0) {
    return { kind: 'message', text: `The tour "${tour.title}" has no chapter "${chapterId}".` };
  }
  return { kind: 'page', page: 'tour' };
}
