/**
 * The lab address of a release's minimal counterexample: the scenario, the
 * variant and parameters that stand for that release's code, the schedule,
 * and the step where the failure shows (built with src/routes/link.ts).
 */
import { DEFAULT_GIL, labLinkHash } from '../../routes/link.ts';
import type { Counterexample } from '../../releases/affected.ts';
import { validateParams, type ScenarioDef } from '../../scenarios/index.ts';

export function counterexampleHash(def: ScenarioDef, ce: Counterexample): string | null {
  const params = validateParams(def, ce.params);
  if (!params.ok) return null;
  return labLinkHash({
    scenario: def.id,
    variant: ce.variant,
    gil: DEFAULT_GIL,
    params: params.value,
    schedule: ce.schedule,
    step: ce.steps,
  });
}
