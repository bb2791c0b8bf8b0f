import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../routes/router.ts';
import { labDeck, tourDeck } from './deck.ts';
import { matchPresenterKey, slideTarget, type PresenterKey } from './keys.ts';
import {
  encodeNotes,
  hashWithNotes,
  parseNotes,
  pinNote,
  withoutNotes,
  MAX_NOTE_CHARS,
} from '../../routes/notes.ts';

function key(k: string, extra: Partial<PresenterKey> = {}): PresenterKey {
  return {
    key: k,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    targetTag: 'BODY',
    targetEditable: false,
    targetRole: null,
    ...extra,
  };
}

describe('presenter keys', () => {
  it('maps a clicker and a keyboard to the deck', () => {
    expect(['ArrowRight', 'PageDown', ' '].map((k) => matchPresenterKey(key(k)))).toEqual([
      'next',
      'next',
      'next',
    ]);
    expect(['ArrowLeft', 'PageUp'].map((k) => matchPresenterKey(key(k)))).toEqual([
      'previous',
      'previous',
    ]);
    expect(matchPresenterKey(key('Home'))).toBe('first');
    expect(matchPresenterKey(key('End'))).toBe('last');
    expect(matchPresenterKey(key('n'))).toBe('notes');
    expect(matchPresenterKey(key('Escape'))).toBe('exit');
    expect(matchPresenterKey(key('x'))).toBeNull();
  });

  it('leaves the browser its shortcuts, fields their typing and a slider its arrows', () => {
    expect(matchPresenterKey(key('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(matchPresenterKey(key('n', { targetTag: 'TEXTAREA' }))).toBeNull();
    expect(matchPresenterKey(key('Escape', { targetTag: 'INPUT' }))).toBe('exit');
    expect(matchPresenterKey(key('ArrowRight', { targetRole: 'slider' }))).toBeNull();
    expect(matchPresenterKey(key('PageDown', { targetRole: 'slider' }))).toBe('next');
  });
});

describe('pinned notes', () => {
  it('round-trip through the link, sorted by step', () => {
    const notes = pinNote(pinNote([], 49, 'The crash.'), 16, 'It pauses.');
    expect(notes).toEqual([
      { step: 16, text: 'It pauses.' },
      { step: 49, text: 'The crash.' },
    ]);
    const parsed = parseNotes(encodeNotes(notes));
    expect(parsed).toEqual({ ok: true, value: notes });
    expect(pinNote(notes, 16, '   ')).toEqual([{ step: 49, text: 'The crash.' }]);
  });

  it('refuse damaged, oversized or wrongly shaped notes with a sentence', () => {
    const error = (raw: string) => {
      const r = parseNotes(raw);
      return r.ok ? 'accepted' : r.error;
    };
    expect(error('{')).toBe('The pinned notes in the link are damaged (they are not valid JSON).');
    expect(error('{"a":1}')).toMatch(/should be a list/);
    expect(error('[[1]]')).toMatch(/\[step, text\] pair/);
    expect(error('[[-1,"x"]]')).toMatch(/whole number of 0 or more/);
    expect(error('[[1,2]]')).toMatch(/is not text/);
    expect(error(JSON.stringify([[1, 'x'.repeat(MAX_NOTE_CHARS + 1)]]))).toMatch(/limit is 500/);
    expect(error(JSON.stringify(Array.from({ length: 31 }, (_, i) => [i, 'x'])))).toMatch(
      /limit is 30/,
    );
    expect(parseNotes(undefined)).toEqual({ ok: true, value: [] });
  });

  it('strip control characters and keep markup as plain text', () => {
    const parsed = parseNotes(JSON.stringify([[3, '<b>bold</b>\u0007 line\nnext']]));
    expect(parsed).toEqual({ ok: true, value: [{ step: 3, text: '<b>bold</b> line\nnext' }] });
  });

  it('travel beside the lab link fields without disturbing them', () => {
    const hash = hashWithNotes('#/lab/pause-rebalance-eager?v=buggy&at=4', [
      { step: 4, text: 'Look & see' },
    ]);
    const route = parseRoute(hash);
    if (route.kind !== 'lab') throw new Error('not a lab route');
    expect(parseNotes(route.query['notes'])).toEqual({
      ok: true,
      value: [{ step: 4, text: 'Look & see' }],
    });
    expect(withoutNotes(route.query)).toEqual({ v: 'buggy', at: '4' });
  });
});

describe('decks', () => {
  it('play a tour chapter by chapter, leaving to the tour page', () => {
    const deck = tourDeck('race-a-mechanism', 'revoke');
    if (!deck.ok) throw new Error(deck.error);
    expect(deck.value.slides[deck.value.start]?.chapter.id).toBe('revoke');
    expect(deck.value.slideHref(0)).toBe('#/present/race-a-mechanism/carried');
    expect(deck.value.exitHref(deck.value.start)).toBe('#/tour/race-a-mechanism/revoke');
    const missing = tourDeck('race-a-mechanism', 'nope');
    expect(missing.ok ? '' : missing.error).toMatch(
      /has no chapter "nope". Its chapters are: carried, pause/,
    );
  });

  it('turn a lab link with pinned notes into slides at those steps', () => {
    const deck = labDeck('pause-rebalance-eager', {
      v: 'buggy',
      at: '49',
      notes: encodeNotes([
        { step: 49, text: 'Crash' },
        { step: 16, text: 'Pause' },
      ]),
    });
    if (!deck.ok) throw new Error(deck.error);
    expect(deck.value.slides.map((s) => [s.chapter.step, s.chapter.annotation, s.plain])).toEqual([
      [16, 'Pause', true],
      [49, 'Crash', true],
    ]);
    expect(deck.value.start).toBe(1);
    const next = parseRoute(deck.value.slideHref(0));
    expect(next).toMatchObject({ kind: 'present', tour: 'lab', chapter: 'pause-rebalance-eager' });
    expect(deck.value.exitHref(1)).toMatch(
      /^#\/lab\/pause-rebalance-eager\?v=buggy&gil=py311&at=49&.*notes=/,
    );
  });

  it('present the current lab step when nothing is pinned, and refuse a bad link', () => {
    const deck = labDeck('pause-rebalance-eager', { at: '12' });
    if (!deck.ok) throw new Error(deck.error);
    expect(deck.value.slides).toHaveLength(1);
    expect(deck.value.slides[0]?.chapter.step).toBe(12);
    const bad = labDeck('pause-rebalance-eager', { notes: '[[' });
    expect(bad.ok).toBe(false);
  });
});

describe('moving through a deck by key', () => {
  it('goes one on or back, or to either end, from every chapter of every deck', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 50 })
          .chain((count) => fc.tuple(fc.constant(count), fc.nat(count - 1))),
        ([count, index]) => {
          expect(slideTarget('next', index, count)).toBe(index + 1);
          expect(slideTarget('previous', index, count)).toBe(index - 1);
          expect(slideTarget('first', index, count)).toBe(0);
          expect(slideTarget('last', index, count)).toBe(count - 1);
          for (const still of ['notes', 'speaker', 'exit'] as const) {
            expect(slideTarget(still, index, count)).toBeNull();
          }
        },
      ),
    );
  });
});
