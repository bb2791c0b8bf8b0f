/**
 * What the race-A scenarios' builds share: the translation of validated
 * parameters into a PauseSetup, and a scenario made of its metadata and setup.
 * The parameters and actor labels are in params.ts.
 */
import type { SwitchMode } from '../../engine/index.ts';
import type { Params, ScenarioDef, ScenarioMeta, VariantId } from '../types.ts';
import { buildPauseProgram } from '../../worlds/pause/program.ts';
import type { PauseSetup, PauseTiming } from '../../worlds/pause/setup.ts';

export { ACTOR_LABELS, actorsOf, LEADER_LEAD_PARAM, TIMING_PARAMS } from './params.ts';

export function timingOf(params: Params): PauseTiming {
  const n = (id: string): number => {
    const v = params[id];
    if (v === undefined) throw new Error(`missing parameter ${id}`);
    return v;
  };
  return {
    thresholdMs: n('thresholdMs'),
    topPollMs: n('topPollMs'),
    pausedPollMs: n('pausedPollMs'),
    callbackMs: n('callbackMs'),
    committedLookupMs: n('committedLookupMs'),
    rejoinMs: n('rejoinMs'),
    fetchMs: n('fetchMs'),
    slackMs: n('slackMs'),
    pausedForeverMs: n('pausedForeverMs'),
    livenessMs: n('livenessMs'),
  };
}

export function numberParam(params: Params, id: string): number {
  const v = params[id];
  if (v === undefined) throw new Error(`missing parameter ${id}`);
  return v;
}

/** A race-A scenario: its metadata and a build through its setup. */
export function pauseScenario(
  meta: ScenarioMeta,
  setupOf: (params: Params) => PauseSetup,
): ScenarioDef {
  return {
    ...meta,
    build: (variant: VariantId, params: Params, _gil: SwitchMode) =>
      buildPauseProgram(setupOf(params), variant),
  };
}
