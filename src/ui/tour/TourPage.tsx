/**
 * A guided tour (`#/tour/<tourId>/<chapterId>`): one chapter at a time, each a moment
 * of a real run shown with the lab's own views. The chapter card carries the
 * annotation, the story clock in real units, the state and code the chapter points
 * at, and a "predict the next step" question; Back and Next move between chapters,
 * each with its own address; Present opens the same chapter in presenter mode. Below
 * the card the reader can step around the chapter's moment in the lab's panels and
 * export the run's postmortem.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { labLinkHash } from '../../routes/link.ts';
import { parseRoute } from '../../routes/router.ts';
import { findScenario, VARIANT_LABELS } from '../../scenarios/index.ts';
import { selectLink } from '../../store/address.ts';
import { LabStoreProvider, useLab } from '../../store/context.tsx';
import { createLabStore, type LabStore } from '../../store/labStore.ts';
import {
  chapterIndex,
  findTour,
  presentHref,
  tourHref,
  TOURS,
  type Chapter,
  type Tour,
} from '../../tours/index.ts';
import { CodePanel } from '../code/CodePanel.tsx';
import { BackNext } from '../common/BackNext.tsx';
import { Panel } from '../common/Panel.tsx';
import { PanelBoundary } from '../common/PanelBoundary.tsx';
import { ProvenanceLine } from '../common/Provenance.tsx';
import { RACE_NAMES } from '../common/provenance.ts';
import { useCursor, useRunLength, useSim, useWorld } from '../lab/hooks.ts';
import { Narration } from '../narration/Narration.tsx';
import { OutcomePanel } from '../outcome/OutcomePanel.tsx';
import { PostmortemExport } from '../postmortem/PostmortemExport.tsx';
import { StateInspector } from '../state/StateInspector.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { Annotation } from './Annotation.tsx';
import { Evidence } from './Evidence.tsx';
import { KeyCode } from './KeyCode.tsx';
import { QuestionCard } from './QuestionCard.tsx';
import { StateWatch } from './StateWatch.tsx';
import { StoryClockLine } from './StoryClock.tsx';
import { useChapter, type ChapterStatus } from './useChapter.ts';
import { useSlideIndex } from './useSlideIndex.ts';
import '../lab/lab.css';
import './tour.css';

export interface TourPageProps {
  readonly tourId: string;
  readonly chapterId: string | null;
  /** For tests: a store to use instead of a new one. */
  readonly store?: LabStore;
}

export function TourPage({ tourId, chapterId, store: given }: TourPageProps) {
  const tour = findTour(tourId);
  if (!tour) return <NoSuchTour message={`There is no tour "${tourId}".`} />;
  const index = chapterIndex(tour, chapterId);
  if (index < 0) {
    return (
      <NoSuchTour message={`The tour "${tour.title}" has no chapter "${chapterId}".`} tour={tour} />
    );
  }
  return <TourBody key={tour.id} tour={tour} routeIndex={index} store={given} />;
}

function TourBody({
  tour,
  routeIndex,
  store: given,
}: {
  readonly tour: Tour;
  readonly routeIndex: number;
  readonly store: LabStore | undefined;
}) {
  const [store] = useState(() => given ?? createLabStore());
  const indexOfHash = useCallback(
    (hash: string) => {
      const r = parseRoute(hash);
      if (r.kind !== 'tour' || r.tour !== tour.id) return null;
      const i = chapterIndex(tour, r.chapter);
      return i < 0 ? null : i;
    },
    [tour],
  );
  const { index, go } = useSlideIndex(
    routeIndex,
    tour.chapters.length,
    (i) => tourHref(tour.id, tour.chapters[i]?.id),
    indexOfHash,
  );
  const chapter = tour.chapters[index] as Chapter;
  const status = useChapter(store, chapter);

  return (
    <LabStoreProvider store={store}>
      <section className="tour lab" aria-labelledby="tour-title">
        <title>{`${chapter.title} · ${tour.title} · Arroyo Race Lab`}</title>
        <header className="tour-head">
          <p className="lab-race">
            Guided tour · {RACE_NAMES[tour.race]} · for {audienceText(tour.audience)}
          </p>
          <h1 id="tour-title">{tour.title}</h1>
          <ChapterList tour={tour} index={index} go={go} />
        </header>
        <ChapterCard
          tour={tour}
          chapter={chapter}
          index={index}
          status={status}
          go={go}
          store={store}
        />
        {status.kind === 'ready' ? <LabViews home={status.home} store={store} /> : null}
      </section>
    </LabStoreProvider>
  );
}

function audienceText(audience: Tour['audience']): string {
  return audience === 'training'
    ? 'training'
    : audience === 'postmortem'
      ? 'incident reviews'
      : 'training and incident reviews';
}

function ChapterList({
  tour,
  index,
  go,
}: {
  readonly tour: Tour;
  readonly index: number;
  readonly go: (i: number) => void;
}) {
  return (
    <nav aria-label="Chapters" className="chapter-nav">
      <ol className="chapter-list">
        {tour.chapters.map((c, i) => (
          <li key={c.id}>
            <a
              href={tourHref(tour.id, c.id)}
              aria-current={i === index ? 'step' : undefined}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                go(i);
              }}
            >
              {c.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface ChapterCardProps {
  readonly tour: Tour;
  readonly chapter: Chapter;
  readonly index: number;
  readonly status: ChapterStatus;
  readonly go: (i: number) => void;
  readonly store: LabStore;
}

function ChapterCard({ tour, chapter, index, status, go, store }: ChapterCardProps) {
  const count = tour.chapters.length;
  const last = index === count - 1;
  const headingRef = useFocusOnMove(index);
  const ready = status.kind === 'ready';
  return (
    <article className="chapter-card" aria-labelledby="chapter-title">
      <div className="chapter-progress">
        <p aria-live="polite" className="chapter-count">
          Chapter {index + 1} of {count}
        </p>
        <progress max={count} value={index + 1} aria-hidden="true" />
      </div>
      <h2 id="chapter-title" ref={headingRef} tabIndex={-1}>
        {chapter.title}
      </h2>
      <ChapterSetup chapter={chapter} />
      <Annotation text={chapter.annotation} className="chapter-annotation" />
      {status.kind === 'error' ? (
        <p role="alert" className="link-error">
          This chapter cannot find its moment in the run: {status.message}
        </p>
      ) : null}
      {status.kind === 'loading' ? <p className="muted">Opening the run…</p> : null}
      {ready ? <ChapterFacts chapter={chapter} /> : null}
      {chapter.question && ready ? (
        <QuestionCard
          key={`${tour.id}/${chapter.id}`}
          question={chapter.question}
          onWatch={() => store.getState().stepForward()}
        />
      ) : null}
      {chapter.evidence && ready ? (
        <Evidence
          spec={chapter.evidence}
          scenario={chapter.scenario}
          params={chapter.params ?? {}}
          gil={chapter.gil ?? 'py311'}
        />
      ) : null}
      <nav className="tour-nav control-row" aria-label="Tour">
        <BackNext index={index} count={count} go={go} primaryNext />
        <a className="button-link" href={presentHref(tour.id, chapter.id)}>
          Present
        </a>
        {ready ? <OpenInLab /> : null}
      </nav>
      {last ? <TourEnd tour={tour} /> : null}
    </article>
  );
}

/**
 * Reaching the first or last chapter disables the button just used: keep the keyboard
 * user's place by moving focus to the new chapter's heading (never on the first render).
 */
function useFocusOnMove(index: number) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstIndex = useRef(index);
  useEffect(() => {
    if (index === firstIndex.current) return;
    firstIndex.current = -1;
    const active = document.activeElement;
    if (active === document.body || (active instanceof HTMLButtonElement && active.disabled)) {
      headingRef.current?.focus();
    }
  }, [index]);
  return headingRef;
}

/** Where the chapter's run comes from: the scenario's provenance, variant and timing. */
function ChapterSetup({ chapter }: { readonly chapter: Chapter }) {
  const def = findScenario(chapter.scenario);
  if (!def) return null;
  return (
    <div className="chapter-setup">
      <ProvenanceLine provenance={def.provenance} />
      <p className="muted">
        Scenario <code>{def.id}</code> · {VARIANT_LABELS[chapter.variant]}
        {chapter.schedule === 'natural' ? ' · natural timing' : ' · a chosen interleaving'}
      </p>
    </div>
  );
}

function ChapterFacts({ chapter }: { readonly chapter: Chapter }) {
  const sim = useSim();
  const world = useWorld();
  if (!sim || !world) return null;
  return (
    <div className="chapter-facts">
      <StoryClockLine sim={sim} nowMs={world.nowMs} />
      {chapter.highlight?.statePath ? <StateWatch path={chapter.highlight.statePath} /> : null}
      <KeyCode sim={sim} world={world} highlight={chapter.highlight} />
    </div>
  );
}

function OpenInLab() {
  const href = useLab((s) => {
    const link = selectLink(s);
    return link ? labLinkHash(link) : null;
  });
  return href === null ? null : <a href={href}>Open this step in the lab</a>;
}

function TourEnd({ tour }: { readonly tour: Tour }) {
  const others = TOURS.filter((t) => t.id !== tour.id);
  return (
    <div className="tour-end">
      <p>
        <strong>End of the tour.</strong> Export the postmortem below, or take another tour:
      </p>
      <ul>
        {others.map((t) => (
          <li key={t.id}>
            <a href={tourHref(t.id)}>{t.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The lab's views at the chapter's moment, with a small step bar to look around it. */
function LabViews({ home, store }: { readonly home: number; readonly store: LabStore }) {
  return (
    <div className="tour-lab">
      <PanelBoundary name="narration">
        <StepBar home={home} store={store} />
        <Narration />
      </PanelBoundary>
      <div className="lab-grid">
        <div className="lab-main">
          <Panel title="Code" className="panel-code">
            <CodePanel />
          </Panel>
        </div>
        <div className="lab-side">
          <Panel title="Crash and invariants" className="panel-outcome">
            <OutcomePanel />
          </Panel>
          <Panel title="State" className="panel-state">
            <StateInspector />
          </Panel>
        </div>
      </div>
      <Panel title="Timeline" className="panel-timeline">
        <TimelinePanel />
      </Panel>
      <Panel title="Postmortem" className="panel-postmortem">
        <PostmortemExport />
      </Panel>
    </div>
  );
}

function StepBar({ home, store }: { readonly home: number; readonly store: LabStore }) {
  const cursor = useCursor();
  const length = useRunLength();
  const act = store.getState();
  return (
    <div className="step-bar control-row" role="group" aria-label="Look around this moment">
      <button type="button" onClick={act.stepBack} disabled={cursor === 0}>
        ◀ Step back
      </button>
      <button type="button" onClick={act.stepForward} disabled={cursor >= length}>
        Step ▶
      </button>
      <button type="button" onClick={() => act.seek(home)} disabled={cursor === home}>
        Back to this chapter&apos;s moment
      </button>
      <output className="tour-step-count">
        Step {cursor} of {length}
        {cursor === home ? " (the chapter's moment)" : ''}
      </output>
    </div>
  );
}

function NoSuchTour({ message, tour }: { readonly message: string; readonly tour?: Tour }) {
  return (
    <section className="tour">
      <h1>Guided tours</h1>
      <div role="alert" className="link-error">
        <p>
          <strong>This tour link cannot be opened.</strong> {message}
        </p>
        {tour ? (
          <p>
            <a href={tourHref(tour.id)}>Start “{tour.title}” at its first chapter</a> or{' '}
            <a href="#/">choose another tour</a>.
          </p>
        ) : (
          <p>
            <a href="#/">Choose a tour on the home page</a>.
          </p>
        )}
      </div>
    </section>
  );
}
