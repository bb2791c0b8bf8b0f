/**
 * What the latest times of outside events changed in the explorer's counts
 * (docs/scenarios.md#outside-events). Before them, an outside event was
 * guarded by "the clock has not passed nominal time + slackMs", so a schedule
 * could postpone it past its slack and then it never happened. This test
 * enumerates every schedule both ways, for the scenarios small enough, and
 * checks that the schedules now are exactly the old ones minus those in
 * which an event never happened: nothing else was added or removed.
 */
import { describe, expect, it } from 'vitest';
import {
  clonePlain,
  endWorld,
  scanEnabled,
  stepWorld,
  type Instr,
  type Program,
  type World,
} from '../../engine/index.ts';
import { defaultParams } from '../params.ts';
import { findScenario } from '../index.ts';
import type { VariantId } from '../types.ts';

const STEP = { gil: 'py311', recording: false } as const;

/** The program as it was: each latest time turned back into a guard that turns false after it. */
function withSlackGuards<S>(program: Program<S>): Program<S> {
  const instrs: Record<string, Instr<S>> = {};
  for (const [pc, instr] of Object.entries(program.instrs)) {
    const { latest, guard, ...rest } = instr;
    instrs[pc] =
      latest === undefined
        ? instr
        : {
            ...rest,
            guard: (w, t) =>
              (guard === undefined || guard(w, t)) && Math.max(w.nowMs, t.wakeAtMs) <= latest(w, t),
          };
  }
  return { ...program, instrs };
}

/** Whether an outside event was still waiting, its nominal time passed, when the run ended. */
function leftOut<S>(program: Program<S>, world: World<S>): boolean {
  return world.threads.some(
    (t) =>
      t.status === 'ready' && program.instrs[t.pc]?.outside === true && t.wakeAtMs <= world.nowMs,
  );
}

/** Every schedule, as the string of the threads it steps, and whether it left an event out. */
function everySchedule<S>(program: Program<S>): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const walk = (world: World<S>, path: string): void => {
    for (;;) {
      const scan = scanEnabled(program, world);
      if (scan.count === 0) endWorld(program, world, STEP);
      if (world.ended) {
        out.set(path, leftOut(program, world));
        return;
      }
      const enabled = scan.threads.slice(0, scan.count);
      if (enabled.length > 1) {
        for (const i of enabled) {
          const child = clonePlain(world);
          stepWorld(program, child, i, STEP);
          walk(child, path + String.fromCharCode(65 + i));
        }
        return;
      }
      const only = enabled[0] as number;
      stepWorld(program, world, only, STEP);
      path += String.fromCharCode(65 + only);
    }
  };
  walk(program.init(), '');
  return out;
}

// The released codes, whose lone `ok` this was; the other two variants lost the same schedule.
const VARIANTS: readonly VariantId[] = ['buggy', 'upstream'];
const SMALL = [
  'pause-rebalance-eager',
  'pause-rebalance-cooperative',
  'pause-revoke-cooperative',
  'pause-invalid-message-stuck',
];

describe('latest times remove exactly the schedules in which an outside event never happened', () => {
  for (const id of SMALL) {
    it(id, () => {
      const def = findScenario(id);
      if (!def) throw new Error(`no scenario ${id}`);
      for (const variant of VARIANTS) {
        const now = def.build(variant, defaultParams(def), 'py311');
        const before = everySchedule(withSlackGuards(now));
        const after = everySchedule(now);
        const kept = [...before].filter(([, out]) => !out).map(([path]) => path);
        expect([...after.keys()].sort(), variant).toEqual(kept.sort());
        expect(
          [...after.values()].some((out) => out),
          variant,
        ).toBe(false);
        // Each of these scenarios had exactly one such schedule: the event never happened at all.
        expect(before.size - after.size, variant).toBe(1);
      }
    });
  }
});
