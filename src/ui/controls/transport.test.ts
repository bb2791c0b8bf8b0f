import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchShortcut } from './shortcuts.ts';
import { TRANSPORT } from './transport.ts';

describe('the toolbar transport table', () => {
  it('names, for every button, a key the lab answers with that same action', () => {
    for (const button of TRANSPORT) {
      const action = matchShortcut({
        key: button.keys,
        ctrlKey: false,
        altKey: false,
        metaKey: false,
        targetTag: 'BODY',
        targetEditable: false,
      });
      expect(action?.kind, button.id).toBe(button.id);
    }
  });

  it('lets Play pause whenever it plays, and never steps past the end of a finished run', () => {
    const play = TRANSPORT.find((b) => b.id === 'play');
    const step = TRANSPORT.find((b) => b.id === 'step');
    fc.assert(
      fc.property(fc.nat(500), fc.boolean(), fc.boolean(), (cursor, atEnd, playing) => {
        const state = { cursor, atEnd, playing };
        if (playing) expect(play?.disabled(state)).toBe(false);
        if (atEnd) expect(step?.disabled(state)).toBe(true);
        expect(play?.face(state)).toBe(playing ? '⏸ Pause' : '▶ Play');
      }),
    );
  });
});
