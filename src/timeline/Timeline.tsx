/**
 * The timeline (issue 7): a lane per actor and per piece of shared state, the
 * outside events, the crash, broken invariants and conflict arrows, a cursor,
 * click to jump, zoom and pan. React renders the frame around it (toolbar,
 * lane labels, details, text alternative); the plot itself is a canvas that
 * `TimelineController` redraws on animation frames, so panning and zooming
 * never re-render React.
 *
 * The plot is one focusable element with the slider role (WAI-ARIA APG): its
 * value is the cursor, arrows move it a step (Shift: ten), Page Up/Down ten,
 * Home/End to the ends, + and - zoom around the cursor, 0 shows the whole run.
 * Its value text names the step; its description is the details line under
 * the plot, which follows the cursor and, while the pointer rests on a mark,
 * that mark. Lazily loadable: the module's default export is the component.
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import { TimelineController, type ControllerData } from './controller.ts';
import { cursorValueText, describeCursor, describeHit, summarise } from './details.ts';
import { hitBox, hitTest, seekAt, type Box, type Hit } from './hit.ts';
import { layoutLanes } from './layout.ts';
import type { TimelineModel, XMode } from './model.ts';
import { downloadBlob, renderTimelineCanvas, timelineToPngBlob } from './png.ts';
import { timelineToSvg } from './svg.ts';
import { readTheme } from './theme.ts';
import { TimelineTable } from './TimelineTable.tsx';
import { boundaryX } from './xmap.ts';
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
}

/** Height of the axis strip above the plot. */
const AXIS_PX = 24;
const ZOOM_STEP = 1.5;
const CRASH_SPAN_STEPS = 40;

interface HoverState {
  readonly hit: Hit;
  readonly box: Box | null;
  readonly flip: boolean;
  readonly key: string;
}

export function Timeline({
  model,
  cursor,
  onSeek,
  height,
  xMode: xModeProp = 'step',
  label = 'Timeline',
  fileName = 'arroyo-timeline',
}: TimelineProps) {
  const id = useId();
  const [xMode, setXMode] = useState<XMode>(xModeProp);
  const [xModeSeen, setXModeSeen] = useState<XMode>(xModeProp);
  if (xModeSeen !== xModeProp) {
    setXModeSeen(xModeProp);
    setXMode(xModeProp);
  }
  const [hover, setHover] = useState<HoverState | null>(null);
  const [modelSeen, setModelSeen] = useState(model);
  if (modelSeen !== model) {
    // A hover found in the old model means nothing in the new one.
    setModelSeen(model);
    setHover(null);
  }
  const [visible, setVisible] = useState({ start: 0, end: model.steps.count });
  const [showTable, setShowTable] = useState(false);
  const [status, setStatus] = useState('');
  const layout = useMemo(() => layoutLanes(model), [model]);
  const summary = useMemo(() => summarise(model), [model]);

  const rootRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const ctlRef = useRef<TimelineController | null>(null);
  const dataRef = useRef<ControllerData | null>(null);

  const data = useMemo<ControllerData>(
    () => ({ model, layout, xMode, cursor, hover: hover?.hit ?? null }),
    [model, layout, xMode, cursor, hover],
  );
  // Declared before the mount effect so the controller starts from current data.
  useEffect(() => {
    dataRef.current = data;
    ctlRef.current?.update(data);
  }, [data]);

  useEffect(() => {
    const plot = plotRef.current;
    const canvas = canvasRef.current;
    const axis = axisRef.current;
    const root = rootRef.current;
    if (!plot || !canvas || !axis || !root || !dataRef.current) return;
    const ctl = new TimelineController(plot, canvas, axis, dataRef.current, {
      onSettle: (r) =>
        setVisible((prev) => (prev.start === r.start && prev.end === r.end ? prev : r)),
      onGesture: () => setHover(null),
    });
    ctlRef.current = ctl;
    const stopWidth = watchWidth(plot, (w) => ctl.setWidth(w));
    const stopTheme = watchTheme(() => ctl.setTheme(readTheme(root)));
    return () => {
      stopWidth();
      stopTheme();
      ctl.destroy();
      ctlRef.current = null;
    };
  }, []);

  useEffect(() => {
    ctlRef.current?.ensureVisible(cursor);
  }, [cursor, xMode]);

  const n = model.steps.count;
  const seek = useCallback(
    (target: number) => {
      const t = Math.max(0, Math.min(n, target));
      if (t !== cursor) onSeek(t);
    },
    [n, cursor, onSeek],
  );

  const cursorPx = (): number | undefined => {
    const ctl = ctlRef.current;
    if (!ctl) return undefined;
    const scale = ctl.geometry().scale;
    const x = scale(boundaryX(model, xMode, cursor));
    const [r0, r1] = scale.range() as [number, number];
    return x >= r0 && x <= r1 ? x : undefined;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const by = e.shiftKey ? 10 : 1;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        seek(cursor + by);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        seek(cursor - by);
        break;
      case 'PageUp':
        seek(cursor + 10);
        break;
      case 'PageDown':
        seek(cursor - 10);
        break;
      case 'Home':
        seek(0);
        break;
      case 'End':
        seek(n);
        break;
      case '+':
      case '=':
        ctlRef.current?.zoomBy(ZOOM_STEP, cursorPx());
        break;
      case '-':
      case '_':
        ctlRef.current?.zoomBy(1 / ZOOM_STEP, cursorPx());
        break;
      case '0':
        ctlRef.current?.reset();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const localPoint = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = canvasRef.current?.getBoundingClientRect();
    return [e.clientX - (r?.left ?? 0), e.clientY - (r?.top ?? 0)];
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const ctl = ctlRef.current;
    if (!ctl || e.buttons !== 0) return;
    const g = ctl.geometry();
    const [x, y] = localPoint(e);
    const hit = hitTest(g, x, y);
    const key = hit ? JSON.stringify(hit) : '';
    if (key === (hover?.key ?? '')) return;
    const box = hit ? hitBox(g, hit) : null;
    const width = (g.scale.range() as [number, number])[1];
    setHover(hit ? { hit, box, key, flip: box !== null && box.x + box.w > width - 300 } : null);
  };

  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const ctl = ctlRef.current;
    if (!ctl) return;
    const [x, y] = localPoint(e);
    if (y < 0) return;
    seek(seekAt(ctl.geometry(), x, y));
  };

  const goToCrash = (): void => {
    const crash = model.crash;
    if (!crash) return;
    ctlRef.current?.focusOn(crash.step + 1, CRASH_SPAN_STEPS);
    seek(crash.step + 1);
  };

  const exportSvg = (): void => {
    const ctl = ctlRef.current;
    if (!ctl) return;
    const svg = timelineToSvg(model, { ...ctl.view(), title: label });
    downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
    setStatus(`Exported ${fileName}.svg`);
  };

  const exportPng = (): void => {
    const ctl = ctlRef.current;
    if (!ctl) return;
    const canvas = renderTimelineCanvas(
      model,
      { ...ctl.view(), title: label },
      devicePixelRatio || 1,
    );
    if (!canvas) {
      setStatus('PNG export is not available in this browser');
      return;
    }
    timelineToPngBlob(canvas).then(
      (blob) => {
        downloadBlob(blob, `${fileName}.png`);
        setStatus(`Exported ${fileName}.png`);
      },
      () => setStatus('PNG export failed'),
    );
  };

  const details = hover ? describeHit(model, hover.hit) : describeCursor(model, cursor);
  const captionId = `${id}-caption`;
  const detailsId = `${id}-details`;
  const tableId = `${id}-table`;
  const helpId = `${id}-help`;

  return (
    <figure ref={rootRef} className="tl" aria-labelledby={captionId}>
      <figcaption id={captionId} className="tl-caption">
        {label}
        <span className="tl-visually-hidden">: {summary}</span>
      </figcaption>
      <div className="tl-toolbar" role="group" aria-label="Timeline controls">
        <div className="tl-segmented" role="group" aria-label="x-axis">
          <button type="button" aria-pressed={xMode === 'step'} onClick={() => setXMode('step')}>
            Steps
          </button>
          <button type="button" aria-pressed={xMode === 'time'} onClick={() => setXMode('time')}>
            Time
          </button>
        </div>
        <button
          type="button"
          aria-label="Zoom in"
          title="Zoom in (+)"
          onClick={() => ctlRef.current?.zoomBy(ZOOM_STEP, cursorPx())}
        >
          +
        </button>
        <button
          type="button"
          aria-label="Zoom out"
          title="Zoom out (-)"
          onClick={() => ctlRef.current?.zoomBy(1 / ZOOM_STEP, cursorPx())}
        >
          −
        </button>
        <button
          type="button"
          title="Show the whole run (0)"
          onClick={() => ctlRef.current?.reset()}
        >
          Whole run
        </button>
        {model.crash ? (
          <button type="button" className="tl-crash-button" onClick={goToCrash}>
            Go to crash
          </button>
        ) : null}
        <button type="button" aria-label="Export as SVG" onClick={exportSvg}>
          SVG
        </button>
        <button type="button" aria-label="Export as PNG" onClick={exportPng}>
          PNG
        </button>
        <button
          type="button"
          aria-pressed={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          Table
        </button>
      </div>
      <div className="tl-body" style={height === undefined ? undefined : { maxHeight: height }}>
        <div className="tl-labels" aria-hidden="true" style={{ height: AXIS_PX + layout.heightPx }}>
          <div className="tl-axis-label" style={{ height: AXIS_PX }}>
            {xMode === 'step' ? 'step' : 'virtual time'}
          </div>
          {layout.rows.map((row) => (
            <div
              key={row.lane.id}
              className={`tl-label tl-label-${row.lane.kind}`}
              style={{ top: AXIS_PX + row.y, height: row.height }}
              title={row.lane.label}
            >
              {row.lane.kind === 'actor' ? (
                <span className={`tl-swatch tl-swatch-${(row.lane.actorIndex % 6) + 1}`} />
              ) : null}
              <span className="tl-label-text">{row.lane.label}</span>
            </div>
          ))}
        </div>
        <div
          ref={plotRef}
          className="tl-plot"
          tabIndex={0}
          role="slider"
          aria-label={`${label}: cursor`}
          aria-orientation="horizontal"
          aria-valuemin={0}
          aria-valuemax={n}
          aria-valuenow={Math.max(0, Math.min(n, cursor))}
          aria-valuetext={cursorValueText(model, cursor)}
          aria-describedby={`${detailsId} ${helpId}`}
          aria-keyshortcuts="ArrowLeft ArrowRight Home End PageUp PageDown + - 0"
          onKeyDown={onKeyDown}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
          onClick={onClick}
        >
          <svg className="tl-axis" aria-hidden="true" height={AXIS_PX}>
            <g ref={axisRef} transform={`translate(0, ${AXIS_PX - 1})`} />
          </svg>
          <canvas ref={canvasRef} className="tl-canvas" aria-hidden="true" />
          {hover?.box ? (
            <div
              className={`tl-tooltip${hover.flip ? ' tl-tooltip-flip' : ''}`}
              aria-hidden="true"
              style={{
                left: hover.flip ? hover.box.x - 8 : hover.box.x + hover.box.w + 8,
                top: AXIS_PX + hover.box.y + hover.box.h + 4,
              }}
            >
              {details}
            </div>
          ) : null}
        </div>
      </div>
      <p id={detailsId} className="tl-details">
        {details}
      </p>
      <p id={helpId} className="tl-help">
        Arrow keys move the cursor a step (Shift: ten), Home and End go to the ends, + and − zoom, 0
        shows the whole run. Drag to pan, scroll to zoom, click a mark to jump to it.
      </p>
      <p role="status" className="tl-status">
        {status}
      </p>
      <div
        className={showTable ? 'tl-table-wrap' : 'tl-visually-hidden'}
        role="region"
        aria-label="Steps in view"
        tabIndex={showTable ? 0 : -1}
      >
        <TimelineTable
          model={model}
          start={visible.start}
          end={visible.end}
          cursor={cursor}
          id={tableId}
        />
      </div>
    </figure>
  );
}

export default Timeline;

/** Calls `onWidth` with the element's content width now and whenever it changes. */
function watchWidth(el: HTMLElement, onWidth: (w: number) => void): () => void {
  onWidth(el.clientWidth || 800);
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  const ro = new ResizeObserver((entries) => {
    const w = entries[0]?.contentRect.width;
    if (w && w > 0) onWidth(w);
  });
  ro.observe(el);
  return () => ro.disconnect();
}

/** Calls `onChange` now and whenever the colour scheme or the root element's theme attributes change. */
function watchTheme(onChange: () => void): () => void {
  onChange();
  const media =
    typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', onChange);
  const mo = typeof MutationObserver === 'undefined' ? null : new MutationObserver(onChange);
  mo?.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'style', 'data-theme'],
  });
  return () => {
    media?.removeEventListener('change', onChange);
    mo?.disconnect();
  };
}
