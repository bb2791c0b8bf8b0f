/**
 * A run description: what a share link and a trace file both say about a run (the
 * scenario, its variant, switch mode and parameters, the schedule and the step to
 * show), checked in one place. Each format first decodes its own container (a link's
 * query text, a trace file's JSON) into `RunFields`, then calls `validateRun`, so a
 * link and a file refuse the same value with the same sentence.
 *
 * Pure, and it needs only the catalogue's metadata, so opening a link loads no world.
 * Whether a schedule string fits the scenario's model is decided where the model is
 * built (`decodeSchedule`); here only its alphabet and length are checked.
 */
import type { Result } from '../engine/index.ts';
import { SWITCH_MODES, type SwitchMode } from '../engine/types.ts';
import {
  SCENARIO_CATALOG,
  validateParams,
  VARIANT_IDS,
  type Params,
  type ScenarioMeta,
  type VariantId,
} from './catalog.ts';
import { clip } from './quoted.ts';

export interface RunDescription {
  readonly scenario: string;
  readonly variant: VariantId;
  readonly gil: SwitchMode;
  /** Complete and validated: every parameter of the scenario has a value. */
  readonly params: Params;
  /** A schedule string, or null for the natural schedule. */
  readonly schedule: string | null;
  /** The step to show (0 = before the first step); null when the description does not say. */
  readonly step: number | null;
}

/** A run's fields as a format decoded them; an absent field is undefined and takes its default. */
export interface RunFields {
  readonly scenario: string;
  readonly variant: string | undefined;
  readonly gil: string | undefined;
  /** Given parameter values by name: numbers, or their decimal text as a link writes them. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly schedule: string | undefined;
  readonly step: number | undefined;
}

export const DEFAULT_VARIANT: VariantId = 'buggy';
export const DEFAULT_GIL: SwitchMode = 'py311';
/** The longest schedule string accepted (the longest run a scenario allows needs far fewer). */
export const MAX_SCHEDULE_CHARS = 100_000;
/** The last step a description may name (nine digits); the run's own length clamps it later. */
export const MAX_STEP = 999_999_999;
const SCHEDULE_ALPHABET = /^[A-Za-z0-9._-]*$/;

/**
 * Checks a decoded run against the catalogue and fills its defaults. `source` names
 * where the fields came from ("the link", "the trace"), for messages about them.
 */
export function validateRun(
  fields: RunFields,
  source: string,
  scenarios: readonly ScenarioMeta[] = SCENARIO_CATALOG,
): Result<RunDescription> {
  const def = findRunScenario(fields.scenario, scenarios);
  return def.ok ? validateRunOf(def.value, fields, source) : def;
}

/**
 * The scenario a run names, or why there is none. A link looks its scenario up first,
 * before its own fields: its address names the scenario, the rest is about that one.
 */
export function findRunScenario(
  id: string,
  scenarios: readonly ScenarioMeta[] = SCENARIO_CATALOG,
): Result<ScenarioMeta> {
  const def = scenarios.find((s) => s.id === id);
  if (def) return { ok: true, value: def };
  const valid = scenarios.map((s) => s.id).join(', ') || '(none are loaded)';
  return fail(`There is no scenario "${clip(id)}". Valid scenarios: ${valid}.`);
}

/** `validateRun` for a scenario already found (`fields.scenario` is `def`'s id). */
export function validateRunOf(
  def: ScenarioMeta,
  fields: RunFields,
  source: string,
): Result<RunDescription> {
  const variant = fields.variant ?? DEFAULT_VARIANT;
  if (!(VARIANT_IDS as readonly string[]).includes(variant)) {
    return fail(`Unknown variant "${clip(variant)}". Valid variants: ${VARIANT_IDS.join(', ')}.`);
  }
  const gil = fields.gil ?? DEFAULT_GIL;
  if (!(SWITCH_MODES as readonly string[]).includes(gil)) {
    return fail(`Unknown switch mode "${clip(gil)}". Valid modes: ${SWITCH_MODES.join(', ')}.`);
  }
  const params = validateParams(def, fields.params);
  if (!params.ok) return params;
  const problem = scheduleProblem(fields.schedule, source) ?? stepProblem(fields.step);
  if (problem !== null) return fail(problem);
  return {
    ok: true,
    value: {
      scenario: def.id,
      variant: variant as VariantId,
      gil: gil as SwitchMode,
      params: params.value,
      schedule: fields.schedule ?? null,
      step: fields.step ?? null,
    },
  };
}

function scheduleProblem(schedule: string | undefined, source: string): string | null {
  if (schedule === undefined) return null;
  if (schedule === '') return `The schedule in ${source} is empty.`;
  if (schedule.length > MAX_SCHEDULE_CHARS) {
    return `The schedule in ${source} is ${schedule.length} characters long; the limit is ${MAX_SCHEDULE_CHARS}.`;
  }
  if (!SCHEDULE_ALPHABET.test(schedule)) {
    return `The schedule in ${source} is damaged: it may hold only letters, digits, ".", "_" and "-".`;
  }
  return null;
}

function stepProblem(step: number | undefined): string | null {
  if (step === undefined || (Number.isSafeInteger(step) && step >= 0 && step <= MAX_STEP))
    return null;
  return `The step must be a whole number from 0 to ${MAX_STEP}, got ${step}.`;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
