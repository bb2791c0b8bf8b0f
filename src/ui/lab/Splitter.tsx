/**
 * A bar between two panels that resizes them: drag it, or focus it and use the arrow
 * keys (Shift: bigger steps), Home and End; a double click or Enter puts the default
 * size back. It reports a size in pixels for the panel it controls, kept between
 * `min` and `max` (WAI-ARIA window splitter pattern).
 */
import type { KeyboardEvent, PointerEvent } from 'react';

export interface SplitterProps {
  readonly label: string;
  /** 'horizontal' bar: moves up and down and sizes the panel below it. */
  readonly orientation: 'horizontal' | 'vertical';
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
  readonly onChange: (value: number) => void;
  /** The id of the panel whose size this sets. */
  readonly controls: string;
}

export function Splitter(props: SplitterProps) {
  const { label, orientation, value, min, max, defaultValue, onChange, controls } = props;
  const clamp = (v: number) => Math.round(Math.max(min, Math.min(max, v)));
  // The controlled panel is below (horizontal bar) or to the right (vertical bar), so
  // moving the bar up or left makes it bigger.
  const sign = -1;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const start = orientation === 'horizontal' ? e.clientY : e.clientX;
    const from = value;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => {
      const now = orientation === 'horizontal' ? ev.clientY : ev.clientX;
      onChange(clamp(from + sign * (now - start)));
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by = e.shiftKey ? 80 : 20;
    const grow = orientation === 'horizontal' ? 'ArrowUp' : 'ArrowLeft';
    const shrink = orientation === 'horizontal' ? 'ArrowDown' : 'ArrowRight';
    let next: number | null = null;
    if (e.key === grow) next = value + by;
    else if (e.key === shrink) next = value - by;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    else if (e.key === 'Enter') next = defaultValue;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onChange(clamp(next));
  };

  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      title={`${label}: drag, or use the arrow keys`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(defaultValue)}
    />
  );
}
