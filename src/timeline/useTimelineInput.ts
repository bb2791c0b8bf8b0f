/**
 * What the timeline does with input: seeking (clamped to the run, and only when
 * it moves), the keys of keymap.ts, the pointer (useTimelineController.ts's
 * usePlotPointer), "Go to crash" and the toolbar's zoom and export buttons.
 */
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import type { TimelineController } from './controller.ts';
import { exportPng, exportSvg } from './exports.ts';
import { seekTarget, timelineKey } from './keymap.ts';
import type { TimelineModel } from './model.ts';
import { usePlotPointer, type HoverState } from './useTimelineController.ts';

const CRASH_SPAN_STEPS = 40;

export interface TimelineInputSetup {
  readonly model: TimelineModel;
  readonly cursor: number;
  readonly onSeek: (step: number) => void;
  readonly ctlRef: RefObject<TimelineController | null>;
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly cursorPx: () => number | undefined;
  readonly hover: HoverState | null;
  readonly setHover: (h: HoverState | null) => void;
  readonly exports: {
    readonly label: string;
    readonly fileName: string;
    readonly say: (s: string) => void;
  };
}

export function useTimelineInput(s: TimelineInputSetup) {
  const { model, cursor, onSeek, ctlRef, cursorPx } = s;
  const n = model.steps.count;
  const seek = useCallback(
    (target: number) => {
      const to = Math.max(0, Math.min(n, target));
      if (to !== cursor) onSeek(to);
    },
    [n, cursor, onSeek],
  );
  const pointer = usePlotPointer(
    () => ctlRef.current,
    () => s.canvasRef.current,
    s.hover,
    s.setHover,
    seek,
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const action = timelineKey(e.key, e.shiftKey);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'zoom') ctlRef.current?.zoomBy(action.factor, cursorPx());
    else if (action.kind === 'reset') ctlRef.current?.reset();
    else seek(seekTarget(action, cursor, n));
  };
  const crash = model.crash;
  const onCrash = crash
    ? () => {
        ctlRef.current?.focusOn(crash.step + 1, CRASH_SPAN_STEPS);
        seek(crash.step + 1);
      }
    : undefined;
  const target = { model, ...s.exports };
  return {
    pointer,
    onKeyDown,
    onCrash,
    onZoom: (factor: number) => ctlRef.current?.zoomBy(factor, cursorPx()),
    onReset: () => ctlRef.current?.reset(),
    onSvg: () => exportSvg({ ...target, ctl: ctlRef.current }),
    onPng: () => exportPng({ ...target, ctl: ctlRef.current }),
  };
}
