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
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { parseRoute, type RouteQuery } from '../../routes/router.ts';
import type { Result } from '../../engine/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { LabStoreProvider } from '../../store/context.tsx';
import { createLabStore, type LabStore } from '../../store/labStore.ts';
import { PROVENANCE_BADGES } from '../common/provenance.ts';
import { useCursor, useSim, useWorld } from '../lab/hooks.ts';
import { Annotation, InlineText } from '../tour/Annotation.tsx';
import { KeyCode } from '../tour/KeyCode.tsx';
import { OutcomeLine } from '../tour/OutcomeLine.tsx';
import { StateWatch } from '../tour/StateWatch.tsx';
import { StoryClockLine } from '../tour/StoryClock.tsx';
import { useChapter } from '../tour/useChapter.ts';
import { useSlideIndex } from '../tour/useSlideIndex.ts';
import { labDeck, LAB_DECK, tourDeck, type Deck, type Slide } from './deck.ts';
import { matchPresenterKey, PRESENTER_KEY_HELP, type PresenterAction } from './keys.ts';
import type { PinnedNote } from '../../routes/notes.ts';
import { openChannel, speakerHref } from './speakerChannel.ts';
import { SpeakerView } from './SpeakerView.tsx';
import '../lab/lab.css';
import './presenter.css';

const PresenterTimeline = lazy(() => import('./PresenterTimeline.tsx'));

export interface PresenterPageProps {
  readonly tourId: string;
  readonly chapterId: string | null;
  readonly query: RouteQuery;
  /** For tests: a store to use instead of a new one. */
  readonly store?: LabStore;
}

function deckOf(tourId: string, chapterId: string | null, query: RouteQuery): Result<Deck> {
  if (tourId === LAB_DECK) {
    if (chapterId === null) return { ok: false, error: 'A lab presentation needs a scenario id.' };
    return labDeck(chapterId, query);
  }
  return tourDeck(tourId, chapterId);
}

export function PresenterPage({ tourId, chapterId, query, store }: PresenterPageProps) {
  const speaker = query['view'] === 'speaker';
  const deck = deckOf(
    tourId,
    chapterId,
    Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'view')),
  );
  if (!deck.ok) {
    return (
      <main className="presenter presenter-error">
        <h1>Presenter mode</h1>
        <div role="alert" className="link-error">
          <p>
            <strong>This presentation cannot be opened.</strong> {deck.error}
          </p>
          <p>
            <a href="#/">Choose a tour</a>.
          </p>
        </div>
      </main>
    );
  }
  if (speaker) return <SpeakerView deck={deck.value} deckKey={`${tourId}/${deck.value.title}`} />;
  return (
    <Presenter
      key={`${tourId}/${deck.value.title}`}
      deck={deck.value}
      tourId={tourId}
      given={store}
    />
  );
}

function Presenter({
  deck,
  tourId,
  given,
}: {
  readonly deck: Deck;
  readonly tourId: string;
  readonly given: LabStore | undefined;
}) {
  const [store] = useState(() => given ?? createLabStore());
  const [notesOpen, setNotesOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const slideIds = deck.slides.map((s) => s.chapter.id).join(' ');
  const indexOfHash = useCallback(
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
  const { index, go } = useSlideIndex(deck.start, deck.slides.length, deck.slideHref, indexOfHash);
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

  const act = useRef<(a: PresenterAction) => void>(() => undefined);
  useEffect(() => {
    // The key handler below is attached once; it always calls the latest of this.
    act.current = (action) => {
      switch (action) {
        case 'next':
          return go(index + 1);
        case 'previous':
          return go(index - 1);
        case 'first':
          return go(0);
        case 'last':
          return go(deck.slides.length - 1);
        case 'notes':
          return setNotesOpen((open) => !open);
        case 'speaker':
          return openSpeaker();
        case 'exit':
          window.location.hash = deck.exitHref(index);
          return;
      }
    };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = matchPresenterKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        targetTag: target?.tagName ?? 'BODY',
        targetEditable: target?.isContentEditable ?? false,
        targetRole: target?.getAttribute('role') ?? null,
      });
      if (action === null) return;
      event.preventDefault();
      act.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    mainRef.current?.focus();
  }, []);

  const def = findScenario(slide.chapter.scenario);
  const count = deck.slides.length;
  return (
    <LabStoreProvider store={store}>
      <div className="presenter">
        <title>{`${slide.chapter.title} · Presenter · Arroyo Race Lab`}</title>
        <header className="presenter-bar">
          <p className="presenter-deck">{deck.title}</p>
          <p className="presenter-count" aria-live="polite">
            Chapter {index + 1} of {count}
          </p>
        </header>
        <main
          className="presenter-main"
          ref={mainRef}
          tabIndex={-1}
          aria-labelledby="presenter-title"
        >
          <h1 id="presenter-title">
            {slide.chapter.title}{' '}
            {def ? (
              <span className={`badge badge-${def.provenance.kind}`}>
                {PROVENANCE_BADGES[def.provenance.kind]}
              </span>
            ) : null}
          </h1>
          {status.kind === 'error' ? (
            <p role="alert" className="link-error">
              This chapter cannot find its moment in the run: {status.message}
            </p>
          ) : null}
          <div className="presenter-grid">
            <div className="presenter-text">
              {slide.plain ? (
                <p className="presenter-annotation pinned">{slide.chapter.annotation}</p>
              ) : (
                <Annotation text={slide.chapter.annotation} className="presenter-annotation" />
              )}
              {slide.chapter.question ? (
                <div className="presenter-question">
                  <p>
                    <strong>Predict:</strong> <InlineText text={slide.chapter.question.prompt} />
                  </p>
                  <ol type="A">
                    {slide.chapter.question.choices.map((c) => (
                      <li key={c.text}>
                        <InlineText text={c.text} />
                      </li>
                    ))}
                  </ol>
                </div>
              ) : null}
            </div>
            {status.kind === 'ready' ? <Facts slide={slide} /> : null}
          </div>
          {status.kind === 'ready' ? (
            <div className="presenter-timeline">
              <Suspense fallback={<p className="muted">Loading the timeline…</p>}>
                <PresenterTimeline
                  chapters={deck.slides.map((s) => s.chapter)}
                  index={index}
                  notes={pinnedNotesOf(deck)}
                />
              </Suspense>
            </div>
          ) : null}
        </main>
        <aside className="presenter-notes" hidden={!notesOpen} aria-label="Presenter notes">
          <h2>Notes for the presenter</h2>
          <PresenterNotes slide={slide} />
        </aside>
        <footer className="presenter-help">
          <div className="control-row">
            <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
              ◀ Back
            </button>
            <button type="button" onClick={() => go(index + 1)} disabled={index === count - 1}>
              Next ▶
            </button>
            <button type="button" aria-pressed={notesOpen} onClick={() => setNotesOpen(!notesOpen)}>
              Notes
            </button>
            <button type="button" onClick={openSpeaker}>
              Speaker window
            </button>
            <a href={deck.exitHref(index)}>Leave presenter mode</a>
          </div>
          <p className="muted">
            {PRESENTER_KEY_HELP.map((h) => `${h.keys}: ${h.does}`).join(' · ')}
          </p>
        </footer>
      </div>
    </LabStoreProvider>
  );
}

function Facts({ slide }: { readonly slide: Slide }) {
  const sim = useSim();
  const world = useWorld();
  const cursor = useCursor();
  if (!sim || !world) return null;
  return (
    <div className="presenter-facts">
      <StoryClockLine sim={sim} nowMs={world.nowMs} large />
      {slide.chapter.highlight?.statePath ? (
        <StateWatch path={slide.chapter.highlight.statePath} />
      ) : null}
      <KeyCode sim={sim} world={world} highlight={slide.chapter.highlight} context={1} />
      <OutcomeLine sim={sim} cursor={cursor} />
    </div>
  );
}

function PresenterNotes({ slide }: { readonly slide: Slide }) {
  const q = slide.chapter.question;
  const right = q?.choices.find((c) => c.correct);
  return (
    <div className="presenter-notes-body">
      {slide.chapter.notes ? (
        <p>{slide.chapter.notes}</p>
      ) : (
        <p className="muted">No notes for this chapter.</p>
      )}
      {q && right ? (
        <p>
          <strong>Answer:</strong> <InlineText text={`${right.text}. ${right.feedback}`} />
        </p>
      ) : null}
    </div>
  );
}

/** A lab deck's pinned notes (its slides are the notes); a tour's chapters pin none. */
function pinnedNotesOf(deck: Deck): PinnedNote[] {
  return deck.slides
    .filter((s) => s.plain && typeof s.chapter.step === 'number')
    .map((s) => ({ step: s.chapter.step as number, text: s.chapter.annotation }));
}

/**
 * Keeps a speaker window in step: tells it which chapter is on screen (and since
 * when the talk runs) and follows the chapters it asks for. Returns a ref to a
 * function that announces the current chapter again.
 */
function useSpeakerSync(deckKey: string, index: number, go: (i: number) => void) {
  const [startedAt] = useState(() => Date.now());
  const announce = useRef<() => void>(() => undefined);
  const goRef = useRef(go);
  const indexRef = useRef(index);
  useEffect(() => {
    goRef.current = go;
    indexRef.current = index;
  });
  useEffect(() => {
    const channel = openChannel(deckKey, (m) => {
      if (m.kind === 'go') goRef.current(m.index);
      else if (m.kind === 'hello') announce.current();
    });
    announce.current = () => channel?.post({ kind: 'at', index: indexRef.current, startedAt });
    return () => channel?.close();
  }, [deckKey, startedAt]);
  useEffect(() => announce.current(), [index]);
  return announce;
}
