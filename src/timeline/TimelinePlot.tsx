/**
 * The timeline's body: the lane labels (HTML, beside the plot) and the plot
 * itself, one focusable element with the slider role holding the axis (SVG),
 * the canvas and the hover tooltip.
 */
import type { KeyboardEvent, PointerEvent, RefObject } from 'react';
import type { Box } from './hit.ts';
import { TIMELINE_KEYS } from './keymap.ts';
import type { TimelineLayout } from './layout.ts';
import type { XMode } from './model.ts';

export const AXIS_PX = 24;

export interface TimelinePlotProps {
  readonly layout: TimelineLayout;
  readonly xMode: XMode;
  readonly labelPx: number | undefined;
  readonly height: number | undefined;
  readonly refs: {
    readonly plotRef: RefObject<HTMLDivElement | null>;
    readonly axisRef: RefObject<SVGGElement | null>;
    readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  };
  readonly slider: {
    readonly label: string;
    readonly max: number;
    readonly now: number;
    readonly text: string;
    readonly describedBy: string;
  };
  readonly onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  readonly pointer: {
    readonly onPointerMove: (e: PointerEvent<HTMLDivElement>) => void;
    readonly onPointerLeave: () => void;
    readonly onClick: (e: { clientX: number; clientY: number }) => void;
  };
  readonly tooltip: { readonly box: Box; readonly flip: boolean; readonly text: string } | null;
}

export function TimelinePlot(p: TimelinePlotProps) {
  const { plotRef, axisRef, canvasRef } = p.refs;
  return (
    <div className="tl-body" style={p.height === undefined ? undefined : { maxHeight: p.height }}>
      <LaneLabels layout={p.layout} xMode={p.xMode} labelPx={p.labelPx} />
      <div
        ref={plotRef}
        className="tl-plot"
        tabIndex={0}
        role="slider"
        aria-label={p.slider.label}
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={p.slider.max}
        aria-valuenow={p.slider.now}
        aria-valuetext={p.slider.text}
        aria-describedby={p.slider.describedBy}
        aria-keyshortcuts={TIMELINE_KEYS}
        onKeyDown={p.onKeyDown}
        onPointerMove={p.pointer.onPointerMove}
        onPointerLeave={p.pointer.onPointerLeave}
        onClick={p.pointer.onClick}
      >
        <svg className="tl-axis" aria-hidden="true" height={AXIS_PX}>
          <g ref={axisRef} transform={`translate(0, ${AXIS_PX - 1})`} />
        </svg>
        <canvas ref={canvasRef} className="tl-canvas" aria-hidden="true" />
        {p.tooltip ? <Tooltip {...p.tooltip} /> : null}
      </div>
    </div>
  );
}

function LaneLabels({
  layout,
  xMode,
  labelPx,
}: {
  readonly layout: TimelineLayout;
  readonly xMode: XMode;
  readonly labelPx: number | undefined;
}) {
  return (
    <div
      className="tl-labels"
      aria-hidden="true"
      style={{ height: AXIS_PX + layout.heightPx, fontSize: labelPx }}
    >
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
  );
}

function Tooltip({
  box,
  flip,
  text,
}: {
  readonly box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly flip: boolean;
  readonly text: string;
}) {
  return (
    <div
      className={`tl-tooltip${flip ? ' tl-tooltip-flip' : ''}`}
      aria-hidden="true"
      style={{ left: flip ? box.x - 8 : box.x + box.w + 8, top: AXIS_PX + box.y + box.h + 4 }}
    >
      {text}
    </div>
  );
}
