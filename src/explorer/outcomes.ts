/**
 * Outcome keys (docs/headless.md#outcome-keys: `ok`, `crash:<Type>@<thread>`,
 * `violation:<invariant>`) and the step at which each first held, so that a
 * counterexample can stop right where its failure appears instead of at the
 * end of the run.
 */
import type { World } from '../engine/index.ts';

export function isCrashKey(key: string): boolean {
  return key.startsWith('crash:');
}

export function isFailureKey(key: string): boolean {
  return key !== 'ok';
}

/**
 * The length of the shortest prefix of the run after which `key` holds: the
 * crashing step included, or the step after which the invariant was found
 * broken. `ok` holds only at the end. Null if the world does not show `key`.
 */
export function occurrenceStep(world: World<unknown>, key: string): number | null {
  if (key === 'ok')
    return world.crashes.length === 0 && world.violations.length === 0 ? world.step : null;
  if (key.startsWith('crash:')) {
    const at = key.lastIndexOf('@');
    const type = key.slice('crash:'.length, at);
    const actor = key.slice(at + 1);
    const crash = world.crashes.find((c) => c.type === type && c.actor === actor);
    return crash ? crash.step + 1 : null;
  }
  if (key.startsWith('violation:')) {
    const id = key.slice('violation:'.length);
    const violation = world.violations.find((v) => v.invariant === id);
    return violation ? violation.step : null;
  }
  return null;
}

/**
 * Orders outcome keys for display and for picking "the" counterexample:
 * crashes first, then violations, then `ok`; alphabetical within a group.
 */
export function compareKeys(a: string, b: string): number {
  const rank = (k: string): number => (isCrashKey(k) ? 0 : k === 'ok' ? 2 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
