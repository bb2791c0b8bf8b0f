/**
 * The timeline for presenter mode: the slide renderer (src/ui/export/slide.ts)
 * drawn at exactly the size of the room the text leaves, so its labels are at
 * least 18 px on a 1920x1080 screen, over the run so far (up to the chapter's
 * moment, so the room is not shown the ending early), for the chapter's window
 * of steps and only the lanes the chapter names or changed. The picture is
 * static; the chapter's own controls move through the story. Loaded lazily.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { collisionOfSimulation } from '../../analysis/collision.ts';
import { buildTimelineModel } from '../../timeline/model.ts';
import type { Chapter } from '../../tours/schema.ts';
import { renderSlide } from '../export/slide.ts';
import { base64 } from '../postmortem/doc.ts';
import { useCursor, useRecords, useSim } from '../lab/hooks.ts';
import { timelineInputOf } from '../timeline/input.ts';
import type { PinnedNote } from '../../routes/notes.ts';
import { chapterLanes, chapterWindow } from './chapterView.ts';

export interface PresenterTimelineProps {
  readonly chapters: readonly Chapter[];
  readonly index: number;
  readonly notes: readonly PinnedNote[];
}

/** Label size for a plot this wide: 20 px from about 1800 px up, never under 13 px. */
export function presenterFontPx(width: number): number {
  return Math.max(13, Math.min(22, Math.round(width / 90)));
}

function useBoxSize(): [React.RefObject<HTMLDivElement | null>, { width: number; height: number }] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () =>
      setSize({ width: Math.floor(el.clientWidth), height: Math.floor(el.clientHeight) });
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

export default function PresenterTimeline({ chapters, index, notes }: PresenterTimelineProps) {
  const sim = useSim();
  const cursor = useCursor();
  const records = useRecords();
  const [ref, size] = useBoxSize();
  const chapter = chapters[index];
  const slide = useMemo(() => {
    if (!sim || !chapter || size.width < 200 || size.height < 120) return null;
    const input = timelineInputOf(sim, records.slice(0, cursor));
    const model = buildTimelineModel({
      ...input,
      crashes: (input.crashes ?? []).filter((c) => c.step < cursor),
      violations: (input.violations ?? []).filter((v) => v.step <= cursor),
    });
    const window = chapterWindow(sim, chapters, index, cursor);
    const collision = collisionOfSimulation(sim);
    return renderSlide({
      model,
      width: size.width,
      height: size.height,
      fontPx: presenterFontPx(size.width),
      title: null,
      domain: window,
      cursor,
      notes: notes.filter((n) => n.step <= cursor),
      collision: collision && collision.victim.step <= cursor ? collision : null,
      lanes: chapterLanes(model, chapter, window),
      // On a small screen the lanes matter more than their legend.
      legend: size.height >= 450,
      // A lab presentation's notes are its slides' text already: only their markers here.
      noteText: false,
    });
  }, [sim, chapter, chapters, index, records, cursor, size.width, size.height, notes]);
  const label = sim ? `Timeline of ${sim.def.title}, up to step ${cursor}` : 'Timeline';
  return (
    <div ref={ref} className="presenter-timeline-box">
      {slide ? (
        // An image of the SVG (the page writes no HTML from strings); its text is in the alt.
        <img
          src={`data:image/svg+xml;base64,${base64(slide.svg)}`}
          width={slide.width}
          height={slide.height}
          alt={`${label}: lanes ${slide.lanesShown.map((id) => id.replace(/^\w+:/, '')).join(', ')}`}
          data-lanes={slide.lanesShown.join(' ')}
        />
      ) : null}
    </div>
  );
}
