/**
 * One run of a scenario, from the words a person or a link uses: scenario id,
 * variant, parameters, switch mode, and either a seed (seeded random
 * scheduling), a schedule string (exact replay) or neither (natural timing).
 * Every bad value comes back as a message naming what is valid; nothing throws.
 * The CLI's `sim`, the app's store and the worker all run scenarios through here.
 */
import {
  configTag,
  decodeSchedule,
  encodeSchedule,
  SWITCH_MODES,
  naturalScheduler,
  RandomScheduler,
  ReplayScheduler,
  Run,
  type Result,
  type SwitchMode,
  type Program,
  type Scheduler,
} from '../engine/index.ts';
import { findScenario, SCENARIOS, validateParams } from './index.ts';
import { VARIANT_IDS, type Params, type ScenarioDef, type VariantId } from './types.ts';

export interface SimRequest {
  readonly scenario: string;
  readonly variant: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly gil?: string;
  readonly seed?: number;
  readonly schedule?: string;
  /** Stop after this many steps even if the run has not ended. */
  readonly maxSteps?: number;
}

export interface Setup {
  readonly def: ScenarioDef;
  readonly variant: VariantId;
  readonly params: Params;
  readonly gil: SwitchMode;
  readonly program: Program<unknown>;
  readonly tag: string;
}

export interface Simulation extends Setup {
  readonly run: Run<unknown>;
  readonly seed: number | null;
  /** The schedule string that replays this run exactly. */
  readonly schedule: string;
  /** Steps where a replayed schedule asked for a thread that could not run. */
  readonly divergences: readonly number[];
}

export function resolveSetup(
  req: Omit<SimRequest, 'seed' | 'schedule' | 'maxSteps'>,
): Result<Setup> {
  const def = findScenario(req.scenario);
  if (!def) {
    return fail(
      `Unknown scenario "${req.scenario}". Valid scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}.`,
    );
  }
  if (!(VARIANT_IDS as readonly string[]).includes(req.variant)) {
    return fail(`Unknown variant "${req.variant}". Valid variants: ${VARIANT_IDS.join(', ')}.`);
  }
  const gil = req.gil ?? 'py311';
  if (!(SWITCH_MODES as readonly string[]).includes(gil)) {
    return fail(`Unknown switch mode "${gil}". Valid modes: ${SWITCH_MODES.join(', ')}.`);
  }
  const params = validateParams(def, req.params ?? {});
  if (!params.ok) return params;
  const variant = req.variant as VariantId;
  const program = def.build(variant, params.value, gil as SwitchMode);
  const tag = configTag(def.id, params.value, gil);
  return {
    ok: true,
    value: { def, variant, params: params.value, gil: gil as SwitchMode, program, tag },
  };
}

export function simulate(req: SimRequest): Result<Simulation> {
  const setup = resolveSetup(req);
  if (!setup.ok) return setup;
  const { def, program, gil, tag } = setup.value;
  if (req.seed !== undefined && req.schedule !== undefined)
    return fail('Give a seed or a schedule, not both.');
  if (
    req.seed !== undefined &&
    (!Number.isSafeInteger(req.seed) || req.seed < 0 || req.seed > 0xffffffff)
  ) {
    return fail(`The seed must be a whole number from 0 to 4294967295, got ${req.seed}.`);
  }
  let scheduler: Scheduler = naturalScheduler;
  let limit = req.maxSteps ?? Infinity;
  if (req.seed !== undefined) scheduler = new RandomScheduler(req.seed);
  if (req.schedule !== undefined) {
    const decoded = decodeSchedule(req.schedule, {
      scenarioId: def.id,
      scenarioVersion: def.version,
      tag,
      threads: program.actors.length,
    });
    if (!decoded.ok) return decoded;
    scheduler = new ReplayScheduler(new Map(decoded.value.deviations.map(([p, t]) => [p, t])));
    limit = Math.min(limit, decoded.value.steps);
  }
  const run = new Run(program, { gil });
  run.extend(scheduler, limit);
  const schedule = encodeSchedule(run.schedule(def.version, tag));
  const divergences = scheduler instanceof ReplayScheduler ? scheduler.divergences : [];
  return {
    ok: true,
    value: { ...setup.value, run, seed: req.seed ?? null, schedule, divergences },
  };
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
