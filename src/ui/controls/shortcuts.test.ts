import { describe, expect, it } from 'vitest';
import { matchShortcut, type KeyInput } from './shortcuts.ts';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...extra,
});

describe('keyboard shortcuts', () => {
  it.each([
    ['ArrowRight', 'step'],
    ['.', 'step'],
    ['ArrowLeft', 'back'],
    [' ', 'play'],
    ['Home', 'start'],
    ['End', 'end'],
    ['c', 'crash'],
    ['n', 'next-of-thread'],
    ['?', 'help'],
    [']', 'faster'],
  ])('%j means %s', (k, kind) => {
    expect(matchShortcut(key(k))?.kind).toBe(kind);
  });

  it('numbers run a thread, counting from 1', () => {
    expect(matchShortcut(key('3'))).toEqual({ kind: 'run-thread', thread: 2 });
    expect(matchShortcut(key('0'))).toBeNull();
  });

  it('stays out of fields, browser shortcuts and buttons that Space activates', () => {
    expect(matchShortcut(key('c', { targetTag: 'INPUT' }))).toBeNull();
    expect(matchShortcut(key('c', { targetEditable: true }))).toBeNull();
    expect(matchShortcut(key('ArrowRight', { targetTag: 'SELECT' }))).toBeNull();
    expect(matchShortcut(key('c', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key(' ', { targetTag: 'BUTTON' }))).toBeNull();
    expect(matchShortcut(key('k', { targetTag: 'BUTTON' }))?.kind).toBe('play');
    expect(matchShortcut(key('ArrowRight', { targetTag: 'DIV', targetRole: 'slider' }))).toBeNull();
    expect(matchShortcut(key('1', { targetTag: 'DIV', targetRole: 'slider' }))).toBeNull();
    expect(matchShortcut(key('c', { targetTag: 'DIV', targetRole: 'slider' }))?.kind).toBe('crash');
  });

  it('ignores other keys, including inherited property names', () => {
    expect(matchShortcut(key('x'))).toBeNull();
    expect(matchShortcut(key('toString'))).toBeNull();
  });
});
