/**
 * The timeline's controller as a hook: it mounts a `TimelineController` on the
 * plot, hands it every change of data (model, x-axis, cursor, hover, marks),
 * keeps the cursor in view, and reports the visible step range when a gesture
 * settles (for the text alternative). Also the pointer: hover and click go
 * through the same hit test.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import { TimelineController, type ControllerData } from './controller.ts';
import { hitBox, hitTest, seekAt, type Box, type Hit } from './hit.ts';
import { readTheme } from './theme.ts';
import { watchTheme, watchWidth } from './watch.ts';
import { boundaryX } from './xmap.ts';

export interface HoverState {
  readonly hit: Hit;
  readonly box: Box | null;
  readonly flip: boolean;
  readonly key: string;
}

export function useTimelineController(data: Omit<ControllerData, 'hover'>) {
  const rootRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const ctlRef = useRef<TimelineController | null>(null);
  const dataRef = useRef<ControllerData | null>(null);
  const [hover, setHover] = useState<HoverState | null>(null);
  const [visible, setVisible] = useState({ start: 0, end: data.model.steps.count });
  const [modelSeen, setModelSeen] = useState(data.model);
  if (modelSeen !== data.model) {
    // A hover found in the old model means nothing in the new one.
    setModelSeen(data.model);
    setHover(null);
  }
  const { model, layout, xMode, cursor, marks } = data;
  const hit = hover?.hit ?? null;
  // Declared before the mount effect so the controller starts from current data.
  useEffect(() => {
    const next = { model, layout, xMode, cursor, marks, hover: hit };
    dataRef.current = next;
    ctlRef.current?.update(next);
  }, [model, layout, xMode, cursor, marks, hit]);
  useEffect(() => {
    const [plot, canvas, axis, root] = [
      plotRef.current,
      canvasRef.current,
      axisRef.current,
      rootRef.current,
    ];
    if (!plot || !canvas || !axis || !root || !dataRef.current) return undefined;
    const ctl = new TimelineController(plot, canvas, axis, dataRef.current, {
      onSettle: (r) => setVisible((p) => (p.start === r.start && p.end === r.end ? p : r)),
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
  useEffect(() => ctlRef.current?.ensureVisible(cursor), [cursor, xMode]);

  /** The cursor's x in the plot, when it is in view (zoom keys zoom around it). */
  const cursorPx = useCallback((): number | undefined => {
    const ctl = ctlRef.current;
    if (!ctl) return undefined;
    const scale = ctl.geometry().scale;
    const x = scale(boundaryX(model, xMode, cursor));
    const [r0, r1] = scale.range() as [number, number];
    return x >= r0 && x <= r1 ? x : undefined;
  }, [model, xMode, cursor]);

  return { rootRef, plotRef, canvasRef, axisRef, ctlRef, hover, setHover, visible, cursorPx };
}

/** Hover and click on the plot, through the controller's hit test. */
export function usePlotPointer(
  ctl: () => TimelineController | null,
  canvas: () => HTMLCanvasElement | null,
  hover: HoverState | null,
  setHover: (h: HoverState | null) => void,
  seek: (step: number) => void,
) {
  const localPoint = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = canvas()?.getBoundingClientRect();
    return [e.clientX - (r?.left ?? 0), e.clientY - (r?.top ?? 0)];
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const c = ctl();
    if (!c || e.buttons !== 0) return;
    const g = c.geometry();
    const [x, y] = localPoint(e);
    const found = hitTest(g, x, y);
    const key = found ? JSON.stringify(found) : '';
    if (key === (hover?.key ?? '')) return;
    const box = found ? hitBox(g, found) : null;
    const width = (g.scale.range() as [number, number])[1];
    setHover(
      found ? { hit: found, box, key, flip: box !== null && box.x + box.w > width - 300 } : null,
    );
  };
  const onClick = (e: { clientX: number; clientY: number }): void => {
    const c = ctl();
    if (!c) return;
    const [x, y] = localPoint(e);
    if (y >= 0) seek(seekAt(c.geometry(), x, y));
  };
  return { onPointerMove, onClick, onPointerLeave: () => setHover(null) };
}
