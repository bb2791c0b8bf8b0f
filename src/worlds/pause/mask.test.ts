/**
 * The race-A step-invariant mask (invariants.ts `pauseInvariantMask`) lets
 * the kernel skip invariants that cannot report. It is only a speed-up if it
 * never skips one that would: after every step of many schedules of every
 * scenario and variant, each invariant it leaves out must hold.
 */
import { describe, expect, it } from 'vitest';
import {
  enabledOf,
  RandomScheduler,
  scanEnabled,
  stepWorld,
  type SwitchMode,
  type Program,
  type World,
} from '../../engine/index.ts';
import { PAUSE_SCENARIOS } from '../../scenarios/pause.ts';
import { defaultParams, VARIANT_IDS } from '../../scenarios/index.ts';
import { pauseInvariantMask } from './invariants.ts';
import type { PauseState } from './state.ts';

const GIL: SwitchMode = 'py311';

describe('the race-A step-invariant mask', () => {
  it('never leaves out an invariant that would report', () => {
    let skipped = 0;
    let checkedRuns = 0;
    for (const def of PAUSE_SCENARIOS) {
      for (const variant of VARIANT_IDS) {
        const program = def.build(variant, defaultParams(def), GIL) as Program<PauseState>;
        const steps = program.invariants.filter((i) => i.when === 'step');
        for (let seed = 0; seed < 12; seed++) {
          const scheduler = new RandomScheduler(seed);
          const world: World<PauseState> = program.init();
          let scan = scanEnabled(program, world);
          while (scan.count > 0) {
            const t = seed === 0 ? scan.natural : scheduler.choose(program, world, enabledOf(scan));
            stepWorld(program, world, t, { gil: GIL, recording: false });
            const mask = pauseInvariantMask(world);
            steps.forEach((inv, i) => {
              if (mask & (1 << i)) return;
              skipped++;
              expect(inv.check(world), `${def.id} ${variant} seed ${seed}: ${inv.id}`).toBeNull();
            });
            scan = scanEnabled(program, world);
          }
          checkedRuns++;
        }
      }
    }
    expect(checkedRuns).toBe(PAUSE_SCENARIOS.length * VARIANT_IDS.length * 12);
    // The mask does leave invariants out (or it would be no speed-up).
    expect(skipped).toBeGreaterThan(1000);
  });
});
