/**
 * The lab's keyboard shortcuts, as data: the help overlay lists this table and the
 * key handler matches against it, so the two cannot drift apart. Shortcuts never fire
 * while typing in a field or with Ctrl, Alt or Meta held (those belong to the browser),
 * Space is left to a focused button or link, which it activates, and a focused slider
 * (the timeline) keeps its arrows, Home, End and digits.
 */

import type { KeyInput } from '../common/keyInput.ts';

export type { KeyInput };

export type ShortcutAction =
  | { readonly kind: 'step' }
  | { readonly kind: 'back' }
  | { readonly kind: 'play' }
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'crash' }
  | { readonly kind: 'next-of-thread' }
  | { readonly kind: 'run-thread'; readonly thread: number }
  | { readonly kind: 'faster' }
  | { readonly kind: 'slower' }
  | { readonly kind: 'help' };

export interface ShortcutHelp {
  readonly keys: readonly string[];
  readonly does: string;
}

export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: ['→', '.'], does: 'Step forward' },
  { keys: ['←', ','], does: 'Step back' },
  { keys: ['Space', 'k'], does: 'Play or pause' },
  { keys: ['[', ']'], does: 'Slower or faster playback' },
  { keys: ['Home'], does: 'To the start' },
  { keys: ['End'], does: 'To the end of the run' },
  { keys: ['c'], does: 'To the crash (or the simplest schedule that fails)' },
  { keys: ['n'], does: 'To the next step of the chosen thread' },
  { keys: ['1', '…', '9'], does: "Run that thread's next step (forks the schedule here)" },
  { keys: ['?'], does: 'Show or hide this list' },
  { keys: ['Esc'], does: 'Close this list' },
];

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATED_BY_SPACE = new Set(['BUTTON', 'A', 'SUMMARY']);
const SLIDER_KEYS = /^(Arrow\w+|Home|End|Page\w+|[0-9+-])$/;

const BY_KEY: Readonly<Record<string, ShortcutAction>> = {
  ArrowRight: { kind: 'step' },
  '.': { kind: 'step' },
  ArrowLeft: { kind: 'back' },
  ',': { kind: 'back' },
  ' ': { kind: 'play' },
  k: { kind: 'play' },
  Home: { kind: 'start' },
  End: { kind: 'end' },
  c: { kind: 'crash' },
  n: { kind: 'next-of-thread' },
  ']': { kind: 'faster' },
  '[': { kind: 'slower' },
  '?': { kind: 'help' },
};

export function matchShortcut(input: KeyInput): ShortcutAction | null {
  if (input.ctrlKey || input.altKey || input.metaKey) return null;
  if (input.targetEditable || TYPING_TAGS.has(input.targetTag)) return null;
  if (input.key === ' ' && ACTIVATED_BY_SPACE.has(input.targetTag)) return null;
  if (input.targetRole === 'slider' && SLIDER_KEYS.test(input.key)) return null;
  if (/^[1-9]$/.test(input.key)) return { kind: 'run-thread', thread: Number(input.key) - 1 };
  return Object.hasOwn(BY_KEY, input.key) ? (BY_KEY[input.key] ?? null) : null;
}
