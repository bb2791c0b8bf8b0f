/**
 * The toolbar's transport buttons, as data: each one's face, its words for a screen
 * reader where the face is only a symbol, its shortcut (`aria-keyshortcuts`, and in
 * its tooltip), when it cannot be used, and the store action it runs. The keys are
 * the ones shortcuts.ts matches.
 */
import type { LabState } from '../../store/labStore.ts';

export interface TransportState {
  readonly cursor: number;
  /** The cursor is at the last step of a run that has ended. */
  readonly atEnd: boolean;
  readonly playing: boolean;
}

export interface TransportButton {
  readonly id: string;
  readonly face: (s: TransportState) => string;
  /** The button's name when its face is a symbol. */
  readonly label?: string;
  readonly className?: string;
  readonly keys: string;
  readonly title: string;
  readonly disabled: (s: TransportState) => boolean;
  readonly run: (act: LabState, s: TransportState) => void;
}

export const TRANSPORT: readonly TransportButton[] = [
  {
    id: 'start',
    face: () => '|◀',
    label: 'To the start',
    className: 'icon',
    keys: 'Home',
    title: 'To the start (Home)',
    disabled: (s) => s.cursor === 0,
    run: (act) => act.toStart(),
  },
  {
    id: 'back',
    face: () => '◀ Back',
    keys: 'ArrowLeft',
    title: 'Step back (←)',
    disabled: (s) => s.cursor === 0,
    run: (act) => act.stepBack(),
  },
  {
    id: 'play',
    face: (s) => (s.playing ? '⏸ Pause' : '▶ Play'),
    className: 'primary',
    keys: 'k',
    title: 'Play or pause (Space or k)',
    disabled: (s) => !s.playing && s.atEnd,
    run: (act, s) => act.setPlaying(!s.playing),
  },
  {
    id: 'step',
    face: () => 'Step ▶',
    keys: 'ArrowRight',
    title: 'Step forward (→)',
    disabled: (s) => s.atEnd,
    run: (act) => act.stepForward(),
  },
  {
    id: 'end',
    face: () => '▶|',
    label: 'To the end',
    className: 'icon',
    keys: 'End',
    title: 'To the end (End)',
    disabled: (s) => s.atEnd,
    run: (act) => act.toEnd(),
  },
];
