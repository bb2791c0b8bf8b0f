/**
 * Presenter mode's keys, as data (the help line lists the same table). A clicker
 * sends PageDown/PageUp, ArrowRight/ArrowLeft or Space; a keyboard adds Home/End,
 * `n` for the presenter's notes and Escape to leave. Keys never fire while typing in
 * a field or with Ctrl, Alt or Meta held, and a focused slider (the timeline) keeps
 * its arrows, Home and End; clicker keys that a focused control already handled
 * (`defaultPrevented`) are left alone by the caller.
 */

import type { KeyInput } from '../common/keyInput.ts';

export type PresenterAction = 'next' | 'previous' | 'first' | 'last' | 'notes' | 'speaker' | 'exit';

/** A key press, as the lab's key table reads it too. */
export type PresenterKey = KeyInput;

const BY_KEY: Readonly<Record<string, PresenterAction>> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  n: 'notes',
  N: 'notes',
  s: 'speaker',
  S: 'speaker',
  Escape: 'exit',
};

export const PRESENTER_KEY_HELP: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: '→ / Page Down / Space', does: 'next chapter' },
  { keys: '← / Page Up', does: 'previous chapter' },
  { keys: 'Home / End', does: 'first / last chapter' },
  { keys: 'n', does: 'presenter notes' },
  { keys: 's', does: 'speaker window' },
  { keys: 'Esc', does: 'leave' },
];

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const SLIDER_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'Home', 'End']);

export function matchPresenterKey(input: PresenterKey): PresenterAction | null {
  if (input.ctrlKey || input.altKey || input.metaKey) return null;
  if (input.targetEditable || TYPING.has(input.targetTag))
    return input.key === 'Escape' ? 'exit' : null;
  if (input.targetRole === 'slider' && SLIDER_KEYS.has(input.key)) return null;
  return Object.hasOwn(BY_KEY, input.key) ? (BY_KEY[input.key] ?? null) : null;
}

/**
 * The chapter a moving action goes to from `index` in a deck of `count` (it may fall
 * outside the deck; the caller clamps), or null for an action that does not move.
 */
export function slideTarget(action: PresenterAction, index: number, count: number): number | null {
  switch (action) {
    case 'next':
      return index + 1;
    case 'previous':
      return index - 1;
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    default:
      return null;
  }
}
