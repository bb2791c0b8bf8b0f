/**
 * `npm run --silent sim -- --scenario ID --variant ID [--seed N | --schedule S]
 *  [--gil py311|py39|free-threaded] [--param name=value ...] [--json]`
 *
 * Runs one schedule of one scenario variant (docs/headless.md#sim, headless
 * contract): the natural schedule, a seeded random one, or the exact replay of
 * a schedule string. With --json it prints one document
 * `{scenario, variant, seed, schedule, steps, virtualTimeMs, outcome}`;
 * without, the narration of the last steps and the traceback if a thread
 * crashed. A crash inside the simulation is a result (exit 0); a bad argument
 * is one line on stderr and exit 2.
 */
import { outcomeKeys, outcomeOf, type World } from '../engine/index.ts';
import { defaultParams, findScenario } from '../scenarios/index.ts';
import { simulate, type Simulation } from '../scenarios/simulate.ts';
import {
  badArgument,
  intFlag,
  json,
  ok,
  runCommand,
  type CommandResult,
  type CommandSpec,
  type Parsed,
} from './args.ts';
import { JSON_FLAG, RUN_FLAGS, runFlags } from './flags.ts';
import { plural, replayCommand, stepLines, traceback } from './format.ts';
import { runIfMain } from './io.ts';

const SIM: CommandSpec = {
  name: 'sim',
  summary: 'Runs one schedule of a scenario variant.',
  flags: [
    ...RUN_FLAGS,
    {
      name: 'tail',
      kind: 'value',
      value: 'N',
      help: 'readable output: how many last steps to narrate (default 12)',
    },
    JSON_FLAG,
  ],
};

export interface SimDocument {
  readonly scenario: string;
  readonly variant: string;
  readonly gil: string;
  readonly params: Readonly<Record<string, number>>;
  readonly seed: number | null;
  readonly schedule: string;
  readonly steps: number;
  readonly virtualTimeMs: number;
  readonly outcome: ReturnType<typeof outcomeOf>;
  /** The outcome keys of the run, as `explore` counts them. */
  readonly outcomeKeys: readonly string[];
}

export function main(argv: readonly string[]): CommandResult {
  return runCommand(SIM, argv, runSim);
}

function runSim(args: Parsed): CommandResult {
  const request = runFlags(args);
  if (!request.ok) return badArgument(request.error);
  const tail = intFlag(args, 'tail', 0, 100_000);
  if (!tail.ok) return badArgument(tail.error);
  const sim = simulate(request.value);
  if (!sim.ok) return badArgument(sim.error);
  const doc = documentOf(sim.value);
  const warning =
    sim.value.divergences.length > 0
      ? `warning: the schedule asked for a thread that could not run at ${plural(sim.value.divergences.length, 'choice point')}; the natural choice was taken there.\n`
      : '';
  const { schedule, seed } = request.value;
  const mode =
    schedule !== undefined
      ? 'replayed schedule'
      : seed !== undefined
        ? `random schedule, seed ${seed}`
        : 'natural schedule';
  const out = args.booleans.has('json')
    ? json(doc)
    : ok(readable(sim.value, doc, tail.value ?? 12, mode));
  return { ...out, stderr: warning };
}

export function documentOf(sim: Simulation): SimDocument {
  const world = sim.run.last as World<unknown>;
  return {
    scenario: sim.def.id,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    seed: sim.seed,
    schedule: sim.schedule,
    steps: sim.run.length,
    virtualTimeMs: world.nowMs,
    outcome: outcomeOf(world),
    outcomeKeys: outcomeKeys(world),
  };
}

function readable(sim: Simulation, doc: SimDocument, tail: number, mode: string): string {
  const { program } = sim;
  const world = sim.run.last as World<unknown>;
  const lines = [
    `${doc.scenario} / ${doc.variant}  (${doc.gil}, ${mode})`,
    `${plural(doc.steps, 'step')}, ${doc.virtualTimeMs} ms of virtual time${world.ended ? '' : ' (stopped before the end)'}`,
    '',
  ];
  const from = Math.max(0, sim.run.length - tail);
  if (tail > 0 && sim.run.length > 0) {
    lines.push(from > 0 ? `Last ${plural(sim.run.length - from, 'step')}:` : 'Steps:');
    lines.push(stepLines(sim.run.records(from, sim.run.length), program.listings), '');
  }
  for (const crash of world.crashes) {
    lines.push(`Thread "${crash.actor}" crashed at step ${crash.step + 1} (${crash.timeMs} ms):`);
    lines.push(traceback(crash, program.listings), '');
  }
  for (const v of world.violations)
    lines.push(`Invariant broken: ${v.invariant} at step ${v.step} (${v.timeMs} ms): ${v.detail}`);
  if (world.violations.length) lines.push('');
  lines.push(`Outcome: ${doc.outcomeKeys.join(', ')}`);
  const def = findScenario(doc.scenario);
  lines.push(
    `Replay: ${replayCommand(doc.scenario, doc.variant, doc.schedule, doc.gil, doc.params, def ? defaultParams(def) : {})}`,
  );
  return lines.join('\n');
}

runIfMain(import.meta.url, main);
