/**
 * One chapter on the audience's screen: its title with the scenario's provenance, the
 * annotation and the question to predict, and, once the chapter's run is open, the
 * facts that matter (story clock, watched state, key code, outcome so far) and the
 * timeline in the room the text leaves.
 */
import { lazy, Suspense } from 'react';
import type { PinnedNote } from '../../routes/notes.ts';
import { findScenario } from '../../scenarios/index.ts';
import { PROVENANCE_BADGES } from '../common/provenance.ts';
import { useCursor, useSim, useWorld } from '../lab/hooks.ts';
import { Annotation, InlineText } from '../tour/Annotation.tsx';
import { KeyCode } from '../tour/KeyCode.tsx';
import { OutcomeLine } from '../tour/OutcomeLine.tsx';
import { StateWatch } from '../tour/StateWatch.tsx';
import { StoryClockLine } from '../tour/StoryClock.tsx';
import type { ChapterStatus } from '../tour/useChapter.ts';
import type { Deck, Slide } from './deck.ts';

const PresenterTimeline = lazy(() => import('./PresenterTimeline.tsx'));

export function SlideTitle({ slide }: { readonly slide: Slide }) {
  const def = findScenario(slide.chapter.scenario);
  return (
    <h1 id="presenter-title">
      {slide.chapter.title}{' '}
      {def ? (
        <span className={`badge badge-${def.provenance.kind}`}>
          {PROVENANCE_BADGES[def.provenance.kind]}
        </span>
      ) : null}
    </h1>
  );
}

export function SlideBody({
  deck,
  index,
  status,
}: {
  readonly deck: Deck;
  readonly index: number;
  readonly status: ChapterStatus;
}) {
  const slide = deck.slides[index] as Slide;
  return (
    <>
      {status.kind === 'error' ? (
        <p role="alert" className="link-error">
          This chapter cannot find its moment in the run: {status.message}
        </p>
      ) : null}
      <div className="presenter-grid">
        <SlideText slide={slide} />
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
    </>
  );
}

function SlideText({ slide }: { readonly slide: Slide }) {
  const question = slide.chapter.question;
  return (
    <div className="presenter-text">
      {slide.plain ? (
        <p className="presenter-annotation pinned">{slide.chapter.annotation}</p>
      ) : (
        <Annotation text={slide.chapter.annotation} className="presenter-annotation" />
      )}
      {question ? (
        <div className="presenter-question">
          <p>
            <strong>Predict:</strong> <InlineText text={question.prompt} />
          </p>
          <ol type="A">
            {question.choices.map((c) => (
              <li key={c.text}>
                <InlineText text={c.text} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
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

/** A lab deck's pinned notes (its slides are the notes); a tour's chapters pin none. */
function pinnedNotesOf(deck: Deck): PinnedNote[] {
  return deck.slides
    .filter((s) => s.plain && typeof s.chapter.step === 'number')
    .map((s) => ({ step: s.chapter.step as number, text: s.chapter.annotation }));
}
