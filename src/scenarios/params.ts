/**
 * A scenario's parameters: their defaults, and validation of given values that
 * says what is wrong. Needs only a scenario's metadata.
 */
import type { Result } from '../engine/index.ts';
import type { Params, ScenarioMeta } from './types.ts';

export function defaultParams(def: ScenarioMeta): Params {
  return Object.fromEntries(def.params.map((p) => [p.id, p.defaultValue]));
}

/** Fills defaults and checks every given value; unknown names and out-of-range values are errors. */
export function validateParams(
  def: ScenarioMeta,
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
