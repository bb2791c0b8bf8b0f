/**
 * A scenario's parameters: their defaults, and validation of given values that
 * says what is wrong. Needs only a scenario's metadata.
 */
import type { Result } from '../engine/index.ts';
import { clip, quoted } from './quoted.ts';
import type { Params, ScenarioMeta } from './types.ts';

/** A whole number written as text (a link's value, a form field): decimal digits only. */
const WHOLE_NUMBER_TEXT = /^-?\d+$/;

export function defaultParams(def: ScenarioMeta): Params {
  return Object.fromEntries(def.params.map((p) => [p.id, p.defaultValue]));
}

/**
 * Fills defaults and checks every given value, a number or its decimal text; unknown
 * names, other text and out-of-range values are errors that quote what was given.
 */
export function validateParams(
  def: ScenarioMeta,
  given: Readonly<Record<string, unknown>>,
): Result<Params> {
  const out: Record<string, number> = { ...defaultParams(def) };
  for (const [name, raw] of Object.entries(given)) {
    const value = readParam(def, name, raw);
    if (!value.ok) return value;
    const spec = def.params.find((p) => p.id === name);
    if (spec && (value.value < spec.min || value.value > spec.max)) {
      return fail(
        `Parameter "${name}" must be between ${spec.min} and ${spec.max} ${spec.unit}, got ${value.value}.`,
      );
    }
    out[name] = value.value;
  }
  return { ok: true, value: out };
}

/**
 * One given value of parameter `name`: its whole number, or why it is none (no such
 * parameter, or not a whole number). Its range is validateParams's to check; a link
 * reads each of its parameter fields with this, in the order they come.
 */
export function readParam(def: ScenarioMeta, name: string, raw: unknown): Result<number> {
  if (!def.params.some((p) => p.id === name)) {
    const names = def.params.map((p) => p.id).join(', ') || '(none)';
    return fail(
      `Scenario "${def.id}" has no parameter "${clip(name)}"; its parameters are: ${names}.`,
    );
  }
  const value = typeof raw === 'string' && WHOLE_NUMBER_TEXT.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return fail(`Parameter "${name}" must be a whole number, got ${quoted(raw)}.`);
  }
  return { ok: true, value };
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
