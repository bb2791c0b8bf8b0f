/**
 * Presenter mode (`#/present/<tourId>/<chapterId>`, or `#/present/lab/<scenario>?…`
 * for a lab run with pinned notes): one chapter per screen in large type, with only
 * what a room needs (the annotation, the key code lines, the outcome so far and the
 * timeline) and the presenter's notes on demand, beside the slide, never over it. A
 * clicker or the keyboard drives it alone: → / Page Down / Space next, ← / Page Up
 * back, Home / End, n for notes, s for the speaker window (SpeakerView.tsx, kept in
 * step over a BroadcastChannel), Esc to leave (src/ui/presenter/keys.ts). The page
 * is exactly one screen high: the timeline takes the room the text leaves, and Back
 * and Next stay on screen.
 */
import type { RouteQuery } from '../../routes/router.ts';
import { LabStoreProvider } from '../../store/context.tsx';
import type { LabStore } from '../../store/labStore.ts';
import { ChapterNotes } from './ChapterNotes.tsx';
import { deckOf, type Deck } from './deck.ts';
import { PresenterFooter } from './PresenterFooter.tsx';
import { SlideBody, SlideTitle } from './PresenterSlide.tsx';
import { SpeakerView } from './SpeakerView.tsx';
import { usePresenter } from './usePresenter.ts';
import '../lab/lab.css';
import './presenter.css';

export interface PresenterPageProps {
  readonly tourId: string;
  readonly chapterId: string | null;
  readonly query: RouteQuery;
  /** For tests: a store to use instead of a new one. */
  readonly store?: LabStore;
}

export function PresenterPage({ tourId, chapterId, query, store }: PresenterPageProps) {
  const speaker = query['view'] === 'speaker';
  const deck = deckOf(
    tourId,
    chapterId,
    Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'view')),
  );
  if (!deck.ok) return <CannotOpen error={deck.error} />;
  const deckKey = `${tourId}/${deck.value.title}`;
  if (speaker) return <SpeakerView deck={deck.value} deckKey={deckKey} />;
  return <Presenter key={deckKey} deck={deck.value} tourId={tourId} given={store} />;
}

function CannotOpen({ error }: { readonly error: string }) {
  return (
    <main className="presenter presenter-error">
      <h1>Presenter mode</h1>
      <div role="alert" className="link-error">
        <p>
          <strong>This presentation cannot be opened.</strong> {error}
        </p>
        <p>
          <a href="#/">Choose a tour</a>.
        </p>
      </div>
    </main>
  );
}

interface PresenterProps {
  readonly deck: Deck;
  readonly tourId: string;
  readonly given: LabStore | undefined;
}

function Presenter({ deck, tourId, given }: PresenterProps) {
  const view = usePresenter(deck, tourId, given);
  const { store, mainRef, index, slide, status, notesOpen } = view;
  return (
    <LabStoreProvider store={store}>
      <div className="presenter">
        <title>{`${slide.chapter.title} · Presenter · Arroyo Race Lab`}</title>
        <header className="presenter-bar">
          <p className="presenter-deck">{deck.title}</p>
          <p className="presenter-count" aria-live="polite">
            Chapter {index + 1} of {deck.slides.length}
          </p>
        </header>
        <main
          className="presenter-main"
          ref={mainRef}
          tabIndex={-1}
          aria-labelledby="presenter-title"
        >
          <SlideTitle slide={slide} />
          <SlideBody deck={deck} index={index} status={status} />
        </main>
        <aside className="presenter-notes" hidden={!notesOpen} aria-label="Presenter notes">
          <h2>Notes for the presenter</h2>
          <div className="presenter-notes-body">
            <ChapterNotes chapter={slide.chapter} />
          </div>
        </aside>
        <PresenterFooter
          deck={deck}
          index={index}
          go={view.go}
          notesOpen={notesOpen}
          toggleNotes={view.toggleNotes}
          openSpeaker={view.openSpeaker}
        />
      </div>
    </LabStoreProvider>
  );
}
