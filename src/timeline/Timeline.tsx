/**
 * The timeline: a lane per actor and per piece of shared state, the
 * outside events, the crash, broken invariants and conflict arrows, a cursor,
 * click to jump, zoom and pan; over them, the lab's collision arrow and pinned
 * notes (`marks`). React renders the frame around it (toolbar, lane labels,
 * details, text alternative); the plot itself is a canvas that a
 * `TimelineController` (useTimelineController.ts) redraws on animation frames,
 * so panning and zooming never re-render React.
 *
 * The plot is one focusable element with the slider role (WAI-ARIA APG): its
 * value is the cursor and its keys are keymap.ts's. Its value text names the
 * step; its description is the details line under the plot, which follows the
 * cursor and, while the pointer rests on a mark, that mark. Lazily loadable:
 * the module's default export is the component.
 */
import { useId, useMemo, useState } from 'react';
import { cursorValueText, describeCursor, describeHit, summarise } from './details.ts';
import { ZOOM_STEP } from './keymap.ts';
import { layoutLanes } from './layout.ts';
import { NO_MARKS, type TimelineMarks } from './marks.ts';
import type { TimelineModel, XMode } from './model.ts';
import { TimelineFooter } from './TimelineFooter.tsx';
import { TimelinePlot } from './TimelinePlot.tsx';
import { TimelineToolbar } from './TimelineToolbar.tsx';
import { useTimelineController } from './useTimelineController.ts';
import { useTimelineInput } from './useTimelineInput.ts';
import './timeline.css';

export interface TimelineProps {
  readonly model: TimelineModel;
  /** The cursor: the world after this many steps, in [0, model.steps.count]. */
  readonly cursor: number;
  /** Asked to move the cursor (a step boundary, as above). */
  readonly onSeek: (step: number) => void;
  /** Maximum height of the lanes in CSS pixels; taller content scrolls. Default: no limit. */
  readonly height?: number;
  /** The x-axis to start with (the toolbar toggles it). Default 'step'. */
  readonly xMode?: XMode;
  /** Accessible name of the figure, and the title of exports. */
  readonly label?: string;
  /** Base name of exported files. */
  readonly fileName?: string;
  /** The collision arrow and the pinned notes to draw over the run. */
  readonly marks?: TimelineMarks;
  /** Only these lanes (lane ids such as `actor:main`, or actor ids); default every lane. */
  readonly lanes?: readonly string[];
  /** Font size of the lane labels and the plot's text, in CSS pixels (presenter mode). */
  readonly labelPx?: number;
}

export function Timeline(props: TimelineProps) {
  const { cursor, height, label = 'Timeline', fileName = 'arroyo-timeline' } = props;
  const model = useLaneFilter(props.model, props.lanes);
  const ids = useIds();
  const [xMode, setXMode] = useXMode(props.xMode ?? 'step');
  const [showTable, setShowTable] = useState(false);
  const [status, setStatus] = useState('');
  const layout = useMemo(() => layoutLanes(model), [model]);
  const summary = useMemo(() => summarise(model), [model]);
  const marks = props.marks ?? NO_MARKS;
  const { rootRef, plotRef, canvasRef, axisRef, ctlRef, hover, setHover, visible, cursorPx } =
    useTimelineController({ model, layout, xMode, cursor, marks });
  const input = useTimelineInput({
    model,
    cursor,
    onSeek: props.onSeek,
    ctlRef,
    canvasRef,
    cursorPx,
    hover,
    setHover,
    exports: { label, fileName, say: setStatus },
  });
  const details = hover ? describeHit(model, hover.hit) : describeCursor(model, cursor);
  const n = model.steps.count;
  return (
    <figure
      ref={rootRef}
      className="tl"
      aria-labelledby={ids.caption}
      style={fontOf(props.labelPx)}
    >
      <figcaption id={ids.caption} className="tl-caption">
        {label}
        <span className="tl-visually-hidden">: {summary}</span>
      </figcaption>
      <TimelineToolbar
        {...input}
        xMode={xMode}
        onXMode={setXMode}
        showTable={showTable}
        onTable={() => setShowTable((v) => !v)}
        tableId={ids.table}
        zoomStep={ZOOM_STEP}
      />
      <TimelinePlot
        {...input}
        layout={layout}
        xMode={xMode}
        labelPx={props.labelPx}
        height={height}
        refs={{ plotRef, axisRef, canvasRef }}
        slider={{
          label: `${label}: cursor`,
          max: n,
          now: Math.max(0, Math.min(n, cursor)),
          text: cursorValueText(model, cursor),
          describedBy: `${ids.details} ${ids.help}`,
        }}
        tooltip={hover?.box ? { box: hover.box, flip: hover.flip, text: details } : null}
      />
      <TimelineFooter
        {...{ ids, details, status, showTable, model, visible, cursor }}
        notes={marks.notes}
      />
    </figure>
  );
}

export default Timeline;

function useIds() {
  const id = useId();
  return {
    caption: `${id}-caption`,
    details: `${id}-details`,
    table: `${id}-table`,
    help: `${id}-help`,
  };
}

/** The plot's and the labels' font, when presenter mode asks for larger text. */
function fontOf(labelPx: number | undefined) {
  return labelPx ? { ['--tl-font' as string]: `${labelPx}px system-ui, sans-serif` } : undefined;
}

function useXMode(initial: XMode): [XMode, (mode: XMode) => void] {
  const [xMode, setXMode] = useState<XMode>(initial);
  const [seen, setSeen] = useState<XMode>(initial);
  if (seen !== initial) {
    setSeen(initial);
    setXMode(initial);
  }
  return [xMode, setXMode];
}

/** The model with only the named lanes (by lane id, or by actor id for actor lanes). */
function useLaneFilter(model: TimelineModel, lanes: readonly string[] | undefined): TimelineModel {
  const key = lanes?.join('\u0000') ?? null;
  return useMemo(() => {
    if (key === null) return model;
    const wanted = new Set(key.split('\u0000'));
    const keep = model.lanes.filter(
      (l) => wanted.has(l.id) || (l.kind === 'actor' && wanted.has(l.actor)),
    );
    return { ...model, lanes: keep };
  }, [model, key]);
}
