/**
 * `npm run bench [-- --json] [--quick] [--no-browser] [--no-build]`
 *
 * Measures every path a user waits on (README, Performance) and judges it against the
 * budgets: engine steps per second per scenario, the default exploration per
 * scenario, time travel and memory on a million-step run, random sampling
 * against the explorer, and, in Chromium on the built site, timeline frames,
 * the JavaScript loaded before first render and the first render itself.
 * Prints a readable table, or with --json one JSON document on stdout
 * (progress goes to stderr). --quick uses tiny sizes and no browser, so CI
 * can run it on every change; the budgets are printed, never enforced, and
 * the exit status is 0 unless the benchmark itself broke (2 for a bad flag).
 *
 * Run it through `node --expose-gc --import tsx` (the npm scripts do) so the
 * memory figure is taken after a full GC.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport } from '../bench/format.ts';
import { runEngineChild } from '../bench/isolate.ts';
import { runBench } from '../bench/run.ts';
import { PARTS, type Part } from '../bench/sizes.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import {
  badArgument,
  json,
  ok,
  runCommand,
  type CommandResult,
  type CommandSpec,
  type Parsed,
} from './args.ts';
import { JSON_FLAG } from './flags.ts';
import { isEntryPoint, runMain } from './io.ts';

const BENCH: CommandSpec = {
  name: 'bench',
  summary:
    'Measures the engine, explorer, time travel, timeline and page load against the budgets.',
  flags: [
    JSON_FLAG,
    {
      name: 'quick',
      kind: 'boolean',
      help: 'tiny sizes, no build and no browser (CI): a few seconds',
    },
    { name: 'no-browser', kind: 'boolean', help: 'skip the build and the Chromium parts' },
    { name: 'no-build', kind: 'boolean', help: 'reuse the last build in bench-out/dist' },
    {
      name: 'scenario',
      kind: 'repeat',
      value: 'ID',
      help: 'measure only this scenario in the engine and explorer parts; repeat for several',
    },
    {
      name: 'only',
      kind: 'value',
      value: 'PARTS',
      help: 'comma-separated parts to run: engine, explore, timetravel, stress, fixlab, browser',
    },
  ],
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function partsFlag(
  only: string | undefined,
): { ok: true; value: Set<Part> } | { ok: false; error: string } {
  if (only === undefined) return { ok: true, value: new Set(PARTS) };
  const parts = new Set<Part>();
  for (const name of only.split(',').map((p) => p.trim())) {
    if (!(PARTS as readonly string[]).includes(name))
      return {
        ok: false,
        error: `Unknown part "${name}" in --only. Valid parts: ${PARTS.join(', ')}.`,
      };
    parts.add(name as Part);
  }
  return { ok: true, value: parts };
}

export async function main(argv: readonly string[]): Promise<CommandResult> {
  return runCommand(BENCH, argv, measure);
}

async function measure(args: Parsed): Promise<CommandResult> {
  const parts = partsFlag(args.values.get('only'));
  if (!parts.ok) return badArgument(parts.error);
  const scenarios = args.repeats.get('scenario') ?? [];
  const unknown = scenarios.find((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown !== undefined) {
    return badArgument(
      `Unknown scenario "${unknown}". Valid scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}.`,
    );
  }
  const report = await runBench({
    root: ROOT,
    parts: parts.value,
    scenarios,
    quick: args.booleans.has('quick'),
    noBrowser: args.booleans.has('no-browser'),
    noBuild: args.booleans.has('no-build'),
    log,
  });
  return args.booleans.has('json') ? json(report) : ok(formatReport(report));
}

// An engine measurement runs in a child process started on this same script (isolate.ts).
if (isEntryPoint(import.meta.url) && !runEngineChild()) runMain(main);
