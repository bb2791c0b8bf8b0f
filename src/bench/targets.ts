/**
 * What the benchmark runs: every scenario of the catalogue (buggy variant
 * unless a part says otherwise, default parameters, py311), plus the engine's
 * toy counter race as a reference line that does not depend on the worlds.
 * While the catalogue is empty, the explorer's toy scenario stands in for the
 * explorer and stress parts, and says so.
 */
import type { SwitchMode, Program } from '../engine/index.ts';
import { counterRace } from '../testing/toy.ts';
import { TOY_SCENARIO } from '../testing/toyScenario.ts';
import { defaultParams, SCENARIOS } from '../scenarios/index.ts';
import type { ScenarioDef, VariantId } from '../scenarios/types.ts';

export const GIL: SwitchMode = 'py311';

export interface Target {
  readonly id: string;
  readonly toy: boolean;
  readonly program: Program<unknown>;
}

export const TOY_ID = 'counterRace(2,1000)';

export function programOf(def: ScenarioDef, variant: VariantId = 'buggy'): Program<unknown> {
  return def.build(variant, defaultParams(def), GIL);
}

/** The scenarios the explorer and stress parts use: the catalogue, or the toy while it is empty. */
export function scenarioDefs(): { defs: readonly ScenarioDef[]; toy: boolean } {
  return SCENARIOS.length > 0
    ? { defs: SCENARIOS, toy: false }
    : { defs: [TOY_SCENARIO], toy: true };
}

export function engineTargets(): Target[] {
  return [
    ...SCENARIOS.map((def) => ({ id: def.id, toy: false, program: programOf(def) })),
    { id: TOY_ID, toy: true, program: counterRace(2, 1000) as Program<unknown> },
  ];
}
