/**
 * The state of presenter mode's audience window: the chapter on screen (following the
 * address), the chapter's run in its own lab store, the notes beside the slide, the
 * speaker window kept in step, and the keys that drive it all (keys.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseRoute } from '../../routes/router.ts';
import { createLabStore, type LabStore } from '../../store/labStore.ts';
import { useWindowKeys } from '../common/useWindowKeys.ts';
import { useChapter } from '../tour/useChapter.ts';
import { useSlideIndex } from '../tour/useSlideIndex.ts';
import { deckOf, type Deck, type Slide } from './deck.ts';
import { matchPresenterKey, slideTarget, type PresenterAction } from './keys.ts';
import { speakerHref } from './speakerChannel.ts';
import { useSpeakerSync } from './useSpeakerSync.ts';

export function usePresenter(deck: Deck, tourId: string, given: LabStore | undefined) {
  const [store] = useState(() => given ?? createLabStore());
  const [notesOpen, setNotesOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const { index, go } = useSlideIndex(
    deck.start,
    deck.slides.length,
    deck.slideHref,
    useIndexOfHash(deck, tourId),
  );
  const slide = deck.slides[index] as Slide;
  const status = useChapter(store, slide.chapter);
  const channel = useSpeakerSync(`${tourId}/${deck.title}`, index, go);
  const openSpeaker = () => {
    window.open(
      speakerHref(deck.slideHref(index)),
      'arroyo-race-lab-speaker',
      'popup,width=960,height=720',
    );
    channel.current?.();
  };
  const toggleNotes = () => setNotesOpen((open) => !open);

  useWindowKeys(matchPresenterKey, (action: PresenterAction) => {
    const to = slideTarget(action, index, deck.slides.length);
    if (to !== null) go(to);
    else if (action === 'notes') toggleNotes();
    else if (action === 'speaker') openSpeaker();
    else if (action === 'exit') window.location.hash = deck.exitHref(index);
    return true;
  });
  useEffect(() => {
    mainRef.current?.focus();
  }, []);

  return { store, mainRef, index, go, slide, status, notesOpen, toggleNotes, openSpeaker };
}

/** The chapter an address names in this deck, or null if it names another deck. */
function useIndexOfHash(deck: Deck, tourId: string) {
  const slideIds = deck.slides.map((s) => s.chapter.id).join(' ');
  return useCallback(
    (hash: string) => {
      const r = parseRoute(hash);
      if (r.kind !== 'present' || r.tour !== tourId) return null;
      const again = deckOf(r.tour, r.chapter, r.query);
      return again.ok && again.value.slides.map((s) => s.chapter.id).join(' ') === slideIds
        ? again.value.start
        : null;
    },
    [tourId, slideIds],
  );
}
