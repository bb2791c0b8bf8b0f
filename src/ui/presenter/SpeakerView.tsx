/**
 * The speaker's window of presenter mode (`s` opens it): the chapter on screen
 * with its notes and the answer to its question, the next chapter, the time
 * since the talk started, and Back and Next. It follows the audience window and
 * moves it, over a BroadcastChannel; nothing here ever shows in the room.
 */
import { useWindowKeys } from '../common/useWindowKeys.ts';
import { BackNext } from '../common/BackNext.tsx';
import { ChapterNotes } from './ChapterNotes.tsx';
import type { Deck } from './deck.ts';
import { matchPresenterKey, slideTarget } from './keys.ts';
import { formatElapsed } from './speakerChannel.ts';
import { useAudienceSync } from './useAudienceSync.ts';
import { useClock } from './useClock.ts';

export function SpeakerView({ deck, deckKey }: { readonly deck: Deck; readonly deckKey: string }) {
  const count = deck.slides.length;
  const { index, startedAt, go } = useAudienceSync(deckKey, count, deck.start);
  // The speaker window only moves through the deck: notes, speaker and exit keys are the room's.
  useWindowKeys(matchPresenterKey, (action) => {
    const to = slideTarget(action, index, count);
    if (to === null) return false;
    go(to);
    return true;
  });
  const chapter = deck.slides[index]?.chapter;
  const next = deck.slides[index + 1];
  return (
    <main className="speaker-view" aria-labelledby="speaker-title">
      <title>{`Speaker notes · ${deck.title}`}</title>
      <p className="speaker-meta">
        <span>{deck.title}</span> <Elapsed startedAt={startedAt} />
      </p>
      <h1 id="speaker-title">
        <span className="speaker-count">
          Chapter {index + 1} of {count}:
        </span>{' '}
        {chapter?.title}
      </h1>
      <section aria-label="Notes for this chapter" className="speaker-notes">
        <ChapterNotes chapter={chapter} />
      </section>
      <p className="speaker-next">
        <strong>Next:</strong> {next ? next.chapter.title : 'this is the last chapter.'}
      </p>
      <div className="control-row">
        <BackNext index={index} count={count} go={go} />
      </div>
    </main>
  );
}

function Elapsed({ startedAt }: { readonly startedAt: number | null }) {
  const now = useClock();
  return (
    <span className="speaker-elapsed" aria-label="Elapsed time">
      {startedAt === null
        ? 'Waiting for the audience window…'
        : `Elapsed ${formatElapsed(now - startedAt)}`}
    </span>
  );
}
