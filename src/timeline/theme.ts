/**
 * Timeline colours. They live in CSS custom properties (`--tl-*`, defined with
 * fallbacks in timeline.css on top of the app's `--color-*` theme), so light,
 * dark and any future theme need no code; the canvas reads them once per
 * theme change with `readTheme`, and the SVG export writes the same values.
 */

export interface TimelineTheme {
  readonly bg: string;
  readonly rowAlt: string;
  readonly grid: string;
  readonly text: string;
  readonly textMuted: string;
  readonly cursor: string;
  readonly crash: string;
  readonly onCrash: string;
  readonly violation: string;
  readonly arrow: string;
  readonly stateOn: string;
  readonly stateOff: string;
  readonly dictLine: string;
  readonly iter: string;
  readonly iterBad: string;
  readonly outside: string;
  readonly hover: string;
  readonly actors: readonly string[];
  readonly font: string;
}

/** CSS property of each theme field (actors are `--tl-actor-1` ... `--tl-actor-6`). */
const PROPS: Readonly<Record<Exclude<keyof TimelineTheme, 'actors'>, string>> = {
  bg: '--tl-bg',
  rowAlt: '--tl-row-alt',
  grid: '--tl-grid',
  text: '--tl-text',
  textMuted: '--tl-text-muted',
  cursor: '--tl-cursor',
  crash: '--tl-crash',
  onCrash: '--tl-on-crash',
  violation: '--tl-violation',
  arrow: '--tl-arrow',
  stateOn: '--tl-state-on',
  stateOff: '--tl-state-off',
  dictLine: '--tl-dict-line',
  iter: '--tl-iter',
  iterBad: '--tl-iter-bad',
  outside: '--tl-outside',
  hover: '--tl-hover',
  font: '--tl-font',
};

export const ACTOR_COLOUR_COUNT = 6;

/** The light theme, used when CSS is missing (tests, a detached element). Same values as timeline.css. */
export const LIGHT_THEME: TimelineTheme = Object.freeze({
  bg: '#ffffff',
  rowAlt: '#f3f4f6',
  grid: '#c9ced6',
  text: '#1b1d21',
  textMuted: '#4b5260',
  cursor: '#1a1aa6',
  crash: '#b3261e',
  onCrash: '#ffffff',
  violation: '#9a4d00',
  arrow: '#7b1fa2',
  stateOn: '#0b57d0',
  stateOff: '#dfe3ea',
  dictLine: '#137333',
  iter: '#5f6673',
  iterBad: '#b3261e',
  outside: '#8a4b00',
  hover: '#1b1d21',
  actors: Object.freeze(['#0b57d0', '#b3261e', '#137333', '#8a4b00', '#7b1fa2', '#00677d']),
  font: '12px system-ui, sans-serif',
});

/** Reads the `--tl-*` properties in effect on `el`, falling back to `fallback` for any that are empty. */
export function readTheme(el: Element, fallback: TimelineTheme = LIGHT_THEME): TimelineTheme {
  const style = getComputedStyle(el);
  const read = (prop: string, dflt: string): string => style.getPropertyValue(prop).trim() || dflt;
  const theme: Record<string, unknown> = {};
  for (const [field, prop] of Object.entries(PROPS)) {
    theme[field] = read(prop, fallback[field as keyof typeof PROPS]);
  }
  theme['actors'] = Array.from({ length: ACTOR_COLOUR_COUNT }, (_, i) =>
    read(`--tl-actor-${i + 1}`, fallback.actors[i] ?? fallback.text),
  );
  return theme as unknown as TimelineTheme;
}

export function actorColour(theme: TimelineTheme, actorIndex: number): string {
  const n = theme.actors.length;
  return theme.actors[((actorIndex % n) + n) % n] ?? theme.text;
}

/** Values that read as "off" in a state lane: false, none, empty collections, zero. */
export function isOffValue(value: string): boolean {
  const v = value.trim().toLowerCase();
  return ['false', 'none', 'null', '0', '', '{}', '[]', '()', 'set()', 'frozenset()'].includes(v);
}
