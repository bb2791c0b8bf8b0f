/**
 * Where a thread switch can fall (docs/real-code.md#switch-points), per mode:
 * - py311: only after calls, loop back-edges and blocking calls (the default);
 * - py39: after any bytecode-level step (`d[k] += v` can be split);
 * - free-threaded: as py39, and C-level calls such as `list(d.items())` are no
 *   longer atomic: models expand them into per-item steps.
 * The kernel reads `Instr.preempt` for py311; this module holds the labels.
 */
import type { SwitchMode } from '../types.ts';

export const GIL_LABELS: Readonly<Record<SwitchMode, string>> = {
  py311: 'CPython 3.11+: switches at calls, loop back-edges and blocking calls',
  py39: 'CPython 3.9: switches between any bytecodes',
  'free-threaded': 'free-threaded 3.13t: no GIL; C calls like list(d.items()) are not atomic',
};

export function cCallsAreAtomic(gil: SwitchMode): boolean {
  return gil !== 'free-threaded';
}
