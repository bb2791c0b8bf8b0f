/**
 * The scenario catalogue: every scenario of ../shared/scenarios.md, looked up
 * by id, with parameter validation that explains what is wrong.
 */
import type { Result } from '../engine/index.ts';
import { METRICS_SCENARIOS } from './metrics.ts';
import { PAUSE_SCENARIOS } from './pause.ts';
import type { Params, ScenarioDef } from './types.ts';

export * from './types.ts';

export const SCENARIOS: readonly ScenarioDef[] = [...PAUSE_SCENARIOS, ...METRICS_SCENARIOS];

export function findScenario(id: string): ScenarioDef | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

export function defaultParams(def: ScenarioDef): Params {
  return Object.fromEntries(def.params.map((p) => [p.id, p.defaultValue]));
}

/** Fills defaults and checks every given value; unknown names and out-of-range values are errors. */
export function validateParams(
  def: ScenarioDef,
  given: Readonly<Record<string, unknown>>,
): Result<Params> {
  const out: Record<string, number> = { ...defaultParams(def) };
  for (const [key, raw] of Object.entries(given)) {
    const spec = def.params.find((p) => p.id === key);
    if (!spec) {
      const names = def.params.map((p) => p.id).join(', ') || '(none)';
      return {
        ok: false,
        error: `Scenario "${def.id}" has no parameter "${key}"; its parameters are: ${names}.`,
      };
    }
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return {
        ok: false,
        error: `Parameter "${key}" must be a whole number, got ${JSON.stringify(raw)}.`,
      };
    }
    if (value < spec.min || value > spec.max) {
      return {
        ok: false,
        error: `Parameter "${key}" must be between ${spec.min} and ${spec.max} ${spec.unit}, got ${value}.`,
      };
    }
    out[key] = value;
  }
  return { ok: true, value: out };
}
