/**
 * The flags several commands share (docs/headless.md#rules), each written once: the run a
 * command works on (scenario, variant, seed or schedule, switch mode, parameters) and
 * --json. A command lists these beside its own flags, in the order its --help shows
 * them, and reads them with the functions below, so the same flag takes the same
 * values and fails with the same line everywhere.
 */
import { SWITCH_MODES, type Result } from '../engine/index.ts';
import { SCENARIOS, VARIANT_IDS } from '../scenarios/index.ts';
import type { SimRequest } from '../scenarios/simulate.ts';
import { intFlag, paramsFlag, required, type FlagSpec, type Parsed } from './args.ts';

function valueFlag(name: string, value: string, help: string): FlagSpec {
  return { name, kind: 'value', value, help };
}

export const SCENARIO_FLAG = valueFlag('scenario', 'ID', 'scenario id (see `npm run scenarios`)');

export const VARIANT_FLAG = valueFlag('variant', 'ID', `implementation: ${VARIANT_IDS.join(', ')}`);

export const SEED_FLAG = valueFlag('seed', 'N', 'seeded random schedule (0 to 4294967295)');

export const SCHEDULE_FLAG = valueFlag('schedule', 'S', 'replay this schedule string exactly');

export const GIL_FLAG = valueFlag(
  'gil',
  'MODE',
  `thread-switch mode: ${SWITCH_MODES.join(', ')} (default py311)`,
);

export const PARAM_FLAG: FlagSpec = {
  name: 'param',
  kind: 'repeat',
  value: 'NAME=VALUE',
  help: 'scenario parameter; repeat for several',
};

export const JSON_FLAG: FlagSpec = {
  name: 'json',
  kind: 'boolean',
  help: 'print one JSON document',
};

/** The flags that name one run, in the order `sim` and `postmortem` show them. */
export const RUN_FLAGS: readonly FlagSpec[] = [
  SCENARIO_FLAG,
  VARIANT_FLAG,
  SEED_FLAG,
  SCHEDULE_FLAG,
  GIL_FLAG,
  PARAM_FLAG,
];

/** A shared flag with a command's own help text, where it means a little more there. */
export function withHelp(spec: FlagSpec, help: string): FlagSpec {
  return { ...spec, help };
}

const SEED_MAX = 0xffffffff;

/** The required --scenario; an unknown id is left for the scenario lookup to refuse. */
export function scenarioFlag(args: Parsed): Result<string> {
  return required(
    args,
    'scenario',
    SCENARIOS.map((s) => s.id),
  );
}

/** The required --variant, naming the variants (and `extra` values the command takes) when missing. */
export function variantFlag(args: Parsed, extra: readonly string[] = []): Result<string> {
  return required(args, 'variant', [...VARIANT_IDS, ...extra]);
}

/** --seed, from 0 to 4294967295; undefined when absent. */
export function seedFlag(args: Parsed): Result<number | undefined> {
  return intFlag(args, 'seed', 0, SEED_MAX);
}

/**
 * The run the flags of RUN_FLAGS name, as `simulate` takes it. Checked here: what is
 * missing and what is malformed (scenario, variant, seed, parameters, in that order);
 * `simulate` then refuses unknown names and values with its own line.
 */
export function runFlags(args: Parsed): Result<SimRequest> {
  const scenario = scenarioFlag(args);
  if (!scenario.ok) return scenario;
  const variant = variantFlag(args);
  if (!variant.ok) return variant;
  const seed = seedFlag(args);
  if (!seed.ok) return seed;
  const params = paramsFlag(args);
  if (!params.ok) return params;
  const schedule = args.values.get('schedule');
  const gil = args.values.get('gil');
  return {
    ok: true,
    value: {
      scenario: scenario.value,
      variant: variant.value,
      params: params.value,
      ...(gil === undefined ? {} : { gil }),
      ...(seed.value === undefined ? {} : { seed: seed.value }),
      ...(schedule === undefined ? {} : { schedule }),
    },
  };
}
