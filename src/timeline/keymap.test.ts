import { describe, expect, it } from 'vitest';
import { seekTarget, timelineKey, TIMELINE_KEYS, ZOOM_STEP } from './keymap.ts';

describe('the timeline key map', () => {
  it('moves by one, by ten with Shift or Page keys, and to either end', () => {
    const at = (key: string, shift = false) => {
      const a = timelineKey(key, shift);
      if (!a || (a.kind !== 'seek-by' && a.kind !== 'seek-to')) throw new Error(key);
      return seekTarget(a, 50, 120);
    };
    expect([at('ArrowRight'), at('ArrowLeft'), at('ArrowUp'), at('ArrowDown')]).toEqual([
      51, 49, 51, 49,
    ]);
    expect([at('ArrowRight', true), at('ArrowLeft', true), at('PageUp'), at('PageDown')]).toEqual([
      60, 40, 60, 40,
    ]);
    expect([at('Home'), at('End')]).toEqual([0, 120]);
  });

  it('zooms both ways and resets; ignores other keys', () => {
    expect(timelineKey('+', false)).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
    expect(timelineKey('-', false)).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP });
    expect(timelineKey('0', false)).toEqual({ kind: 'reset' });
    expect(timelineKey('x', false)).toBeNull();
  });

  it('announces every key it handles', () => {
    for (const key of TIMELINE_KEYS.split(' ')) expect(timelineKey(key, false)).not.toBeNull();
  });
});
