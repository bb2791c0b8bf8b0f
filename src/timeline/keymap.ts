/**
 * The timeline's keys (the WAI-ARIA slider pattern plus zoom), as data: which
 * key does what, with no DOM. Arrows move the cursor a step (Shift: ten), Page
 * Up and Down ten, Home and End to the ends, + and - zoom around the cursor, 0
 * shows the whole run.
 */

export const ZOOM_STEP = 1.5;

export type TimelineKeyAction =
  | { readonly kind: 'seek-by'; readonly by: number }
  | { readonly kind: 'seek-to'; readonly to: 'start' | 'end' }
  | { readonly kind: 'zoom'; readonly factor: number }
  | { readonly kind: 'reset' };

export const TIMELINE_KEYS = 'ArrowLeft ArrowRight Home End PageUp PageDown + - 0';

export function timelineKey(key: string, shift: boolean): TimelineKeyAction | null {
  const by = shift ? 10 : 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return { kind: 'seek-by', by };
    case 'ArrowLeft':
    case 'ArrowDown':
      return { kind: 'seek-by', by: -by };
    case 'PageUp':
      return { kind: 'seek-by', by: 10 };
    case 'PageDown':
      return { kind: 'seek-by', by: -10 };
    case 'Home':
      return { kind: 'seek-to', to: 'start' };
    case 'End':
      return { kind: 'seek-to', to: 'end' };
    case '+':
    case '=':
      return { kind: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { kind: 'reset' };
    default:
      return null;
  }
}

/** Where a seek action takes the cursor in a run of `count` steps (not clamped). */
export function seekTarget(
  action: Extract<TimelineKeyAction, { kind: 'seek-by' | 'seek-to' }>,
  cursor: number,
  count: number,
): number {
  if (action.kind === 'seek-by') return cursor + action.by;
  return action.to === 'start' ? 0 : count;
}
