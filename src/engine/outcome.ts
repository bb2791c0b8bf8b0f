/**
 * What a run ended in, in the vocabulary of the headless contract
 * (docs/headless.md#outcome-keys): the first crash, every violated invariant, and the
 * outcome keys the explorer counts (`ok`, `crash:<Type>@<thread>`,
 * `violation:<invariant>`).
 */
import type { World } from './types.ts';

export interface Outcome {
  readonly crash: null | {
    readonly type: string;
    readonly message: string;
    readonly thread: string;
  };
  readonly violations: readonly { readonly invariant: string; readonly detail: string }[];
}

export function outcomeOf(world: World<unknown>): Outcome {
  const first = world.crashes[0];
  return {
    crash: first ? { type: first.type, message: first.message, thread: first.actor } : null,
    violations: world.violations.map((v) => ({ invariant: v.invariant, detail: v.detail })),
  };
}

/** Every outcome key of a finished world; `['ok']` when nothing went wrong. */
export function outcomeKeys(world: World<unknown>): string[] {
  const keys: string[] = [];
  for (const c of world.crashes) {
    const key = `crash:${c.type}@${c.actor}`;
    if (!keys.includes(key)) keys.push(key);
  }
  for (const v of world.violations) keys.push(`violation:${v.invariant}`);
  return keys.length === 0 ? ['ok'] : keys;
}
