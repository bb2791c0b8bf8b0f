/** The timeline's toolbar: the x-axis, zoom, the crash, exports and the table. */
import type { XMode } from './model.ts';

export interface TimelineToolbarProps {
  readonly xMode: XMode;
  readonly onXMode: (mode: XMode) => void;
  readonly onZoom: (factor: number) => void;
  readonly onReset: () => void;
  /** Absent when the run does not crash. */
  readonly onCrash?: (() => void) | undefined;
  readonly onSvg: () => void;
  readonly onPng: () => void;
  readonly showTable: boolean;
  readonly onTable: () => void;
  readonly tableId: string;
  readonly zoomStep: number;
}

export function TimelineToolbar(p: TimelineToolbarProps) {
  return (
    <div className="tl-toolbar" role="group" aria-label="Timeline controls">
      <div className="tl-segmented" role="group" aria-label="x-axis">
        <button type="button" aria-pressed={p.xMode === 'step'} onClick={() => p.onXMode('step')}>
          Steps
        </button>
        <button type="button" aria-pressed={p.xMode === 'time'} onClick={() => p.onXMode('time')}>
          Time
        </button>
      </div>
      <button
        type="button"
        aria-label="Zoom in"
        title="Zoom in (+)"
        onClick={() => p.onZoom(p.zoomStep)}
      >
        +
      </button>
      <button
        type="button"
        aria-label="Zoom out"
        title="Zoom out (-)"
        onClick={() => p.onZoom(1 / p.zoomStep)}
      >
        −
      </button>
      <button type="button" title="Show the whole run (0)" onClick={p.onReset}>
        Whole run
      </button>
      {p.onCrash ? (
        <button type="button" className="tl-crash-button" onClick={p.onCrash}>
          Go to crash
        </button>
      ) : null}
      <button type="button" aria-label="Export as SVG" onClick={p.onSvg}>
        SVG
      </button>
      <button type="button" aria-label="Export as PNG" onClick={p.onPng}>
        PNG
      </button>
      <button
        type="button"
        aria-pressed={p.showTable}
        aria-controls={p.tableId}
        onClick={p.onTable}
      >
        Table
      </button>
    </div>
  );
}
