/**
 * Known-bad and known-good fixes, written as edits of the templates so each
 * differs from a template exactly where the idea differs.
 */
import { TEMPLATE_PY } from '../python.gen.ts';

function edit(code: string, from: string, to: string): string {
  if (!code.includes(from)) throw new Error(`fixture edit: "${from}" not found`);
  return code.split(from).join(to);
}

/** Snapshot by dict comprehension: it still iterates the live dict, so it still raises. */
export const COMPREHENSION_SNAPSHOT = edit(
  edit(
    TEMPLATE_PY['seed-fix'],
    'timers = list(self.__timers.items())',
    'timers = {k: v for k, v in self.__timers.items()}.items()',
  ),
  'counters = list(self.__counters.items())',
  'counters = {k: v for k, v in self.__counters.items()}.items()',
);

/** Copy with dict(), then reset: atomic under the GIL, so no crash, but increments are lost. */
export const COPY_THEN_RESET = edit(
  edit(TEMPLATE_PY['seed-fix'], 'list(self.__timers.items())', 'dict(self.__timers).items()'),
  'list(self.__counters.items())',
  'dict(self.__counters).items()',
);

/** The correct template, but the throttle calls flush(), which takes the Lock the increment holds. */
export const NON_REENTRANT = edit(
  TEMPLATE_PY.correct,
  'METRICS_FREQUENCY_SEC:\n            self.__flush_locked()',
  'METRICS_FREQUENCY_SEC:\n            self.flush()',
);

/** The same with an RLock: taking it again in the same thread is allowed, so it is clean. */
export const REENTRANT = edit(NON_REENTRANT, 'threading.Lock()', 'threading.RLock()');

/** Appends the statements to the end of the buggy template's __init__. */
export function inInit(statements: string): string {
  return edit(
    TEMPLATE_PY.buggy,
    '        self.__reset()\n\n    def incr_timing',
    `        self.__reset()\n${statements}\n\n    def incr_timing`,
  );
}

/** Appends the statements at the start of the buggy template's flush(). */
export function inFlush(statements: string): string {
  return edit(TEMPLATE_PY.buggy, '    def flush(self):\n', `    def flush(self):\n${statements}\n`);
}

export const BUGGY = TEMPLATE_PY.buggy;
