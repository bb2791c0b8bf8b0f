/**
 * `npm run --silent explore -- --scenario ID --variant ID|all [--preemptions K|all]
 *  [--gil MODE] [--param name=value ...] [--reduction none|sleep-sets]
 *  [--max-states N] [--max-ms MS] [--sample random|pct --runs N --seed N --depth D] [--json]`
 *
 * Explores every schedule of a scenario variant within a preemption bound
 * (docs/headless.md#explore) and prints
 * `{scenario, variant, complete, schedules, states, crashing, violating,
 * byOutcome, minimal, ms}`; `minimal.schedule` replays with `sim --schedule`.
 * Extensions: `--variant all` explores the four variants into one table
 * (`{scenario, outcomes, rows: [...]}`), and `--sample` runs N sampled
 * schedules instead (the stress mode: how often did the crash show up?).
 */
import { compareVariants, type CompareTable } from '../explorer/compare.ts';
import { ROUNDED_COUNT_NOTE } from '../explorer/countText.ts';
import { REDUCTIONS } from '../explorer/explore.ts';
import {
  exploreScenario,
  sampleScenario,
  type ExploreReport,
  type SampleReport,
} from '../explorer/report.ts';
import { SAMPLE_STRATEGIES } from '../explorer/sample.ts';
import { defaultParams, findScenario, VARIANT_IDS } from '../scenarios/index.ts';
import {
  badArgument,
  intFlag,
  json,
  ok,
  paramsFlag,
  runCommand,
  type CommandResult,
  type CommandSpec,
  type Parsed,
} from './args.ts';
import {
  GIL_FLAG,
  JSON_FLAG,
  PARAM_FLAG,
  SCENARIO_FLAG,
  scenarioFlag,
  SEED_FLAG,
  seedFlag,
  VARIANT_FLAG,
  variantFlag,
  withHelp,
} from './flags.ts';
import { alignRight, count, plural, replayCommand, table } from './format.ts';
import { runIfMain } from './io.ts';

const EXPLORE: CommandSpec = {
  name: 'explore',
  summary: 'Explores the schedules of a scenario variant.',
  flags: [
    SCENARIO_FLAG,
    withHelp(VARIANT_FLAG, `${VARIANT_IDS.join(', ')}, or all for a comparison table`),
    {
      name: 'preemptions',
      kind: 'value',
      value: 'K',
      help: 'most deviations from the natural schedule, or all (default: per scenario)',
    },
    GIL_FLAG,
    PARAM_FLAG,
    {
      name: 'reduction',
      kind: 'value',
      value: 'R',
      help: `partial-order reduction: ${REDUCTIONS.join(', ')} (default none)`,
    },
    {
      name: 'max-states',
      kind: 'value',
      value: 'N',
      help: 'stop (incomplete) after N distinct states',
    },
    {
      name: 'max-ms',
      kind: 'value',
      value: 'MS',
      help: 'stop (incomplete) after MS milliseconds of search',
    },
    {
      name: 'sample',
      kind: 'value',
      value: 'STRATEGY',
      help: `sample schedules instead: ${SAMPLE_STRATEGIES.join(', ')}`,
    },
    {
      name: 'runs',
      kind: 'value',
      value: 'N',
      help: 'with --sample: number of runs (default 1000)',
    },
    withHelp(SEED_FLAG, 'with --sample: seed (default 1)'),
    { name: 'depth', kind: 'value', value: 'D', help: 'with --sample pct: bug depth (default 3)' },
    JSON_FLAG,
  ],
};

const SAMPLE_ONLY = ['runs', 'seed', 'depth'];

export function main(argv: readonly string[]): CommandResult {
  return runCommand(EXPLORE, argv, exploreCommand);
}

function exploreCommand(args: Parsed): CommandResult {
  const scenario = scenarioFlag(args);
  if (!scenario.ok) return badArgument(scenario.error);
  const variant = variantFlag(args, ['all']);
  if (!variant.ok) return badArgument(variant.error);
  const params = paramsFlag(args);
  if (!params.ok) return badArgument(params.error);
  const gil = args.values.get('gil') ?? 'py311';
  const common = { scenario: scenario.value, params: params.value, gil };
  if (args.values.has('sample')) return sampleCommand(args, { ...common, variant: variant.value });
  const misplaced = SAMPLE_ONLY.find((name) => args.values.has(name));
  if (misplaced)
    return badArgument(
      `Option --${misplaced} only applies with --sample (${SAMPLE_STRATEGIES.join(' or ')}).`,
    );

  const preemptions = preemptionsFlag(args);
  if (!preemptions.ok) return badArgument(preemptions.error);
  const maxStates = intFlag(args, 'max-states', 1, 1e12);
  if (!maxStates.ok) return badArgument(maxStates.error);
  const maxMs = intFlag(args, 'max-ms', 1, 1e12);
  if (!maxMs.ok) return badArgument(maxMs.error);
  const reduction = args.values.get('reduction');
  const options = {
    ...(preemptions.value === undefined ? {} : { preemptions: preemptions.value }),
    ...(maxStates.value === undefined ? {} : { maxStates: maxStates.value }),
    ...(maxMs.value === undefined ? {} : { maxMs: maxMs.value }),
    ...(reduction === undefined ? {} : { reduction }),
  };
  if (variant.value === 'all') {
    const compared = compareVariants(common.scenario, common.params, gil, options);
    if (!compared.ok) return badArgument(compared.error);
    return args.booleans.has('json') ? json(compared.value) : ok(readableTable(compared.value));
  }
  const report = exploreScenario({ ...common, variant: variant.value, ...options });
  if (!report.ok) return badArgument(report.error);
  return args.booleans.has('json') ? json(report.value) : ok(readableReport(report.value));
}

function preemptionsFlag(
  args: Parsed,
): { ok: true; value: number | undefined } | { ok: false; error: string } {
  const raw = args.values.get('preemptions');
  if (raw === 'all') return { ok: true, value: Infinity };
  const n = intFlag(args, 'preemptions', 0, 1_000_000);
  if (!n.ok) return { ok: false, error: `${n.error.replace(/\.$/, '')}, or "all".` };
  return n;
}

function sampleCommand(
  args: Parsed,
  common: { scenario: string; variant: string; params: Record<string, string>; gil: string },
): CommandResult {
  const rejected = ['preemptions', 'max-states', 'max-ms', 'reduction'].find((name) =>
    args.values.has(name),
  );
  if (rejected) return badArgument(`Option --${rejected} does not apply with --sample.`);
  if (common.variant === 'all') return badArgument('--sample takes one variant, not all.');
  const runs = intFlag(args, 'runs', 1, 10_000_000);
  if (!runs.ok) return badArgument(runs.error);
  const seed = seedFlag(args);
  if (!seed.ok) return badArgument(seed.error);
  const depth = intFlag(args, 'depth', 1, 20);
  if (!depth.ok) return badArgument(depth.error);
  const report = sampleScenario({
    ...common,
    strategy: args.values.get('sample') as string,
    runs: runs.value ?? 1000,
    seed: seed.value ?? 1,
    ...(depth.value === undefined ? {} : { depth: depth.value }),
  });
  if (!report.ok) return badArgument(report.error);
  return args.booleans.has('json') ? json(report.value) : ok(readableSample(report.value));
}

const STOP_WORDS: Readonly<Record<NonNullable<ExploreReport['stopped']>, string>> = {
  'max-states': 'state limit reached',
  'time-limit': 'time limit reached',
  cancelled: 'stopped',
};

function percent(part: number, whole: number): string {
  if (whole === 0) return '';
  const p = (100 * part) / whole;
  return p > 0 && p < 0.1 ? '<0.1%' : `${p.toFixed(1)}%`;
}

function boundText(report: { preemptions: number | null }): string {
  return report.preemptions === null
    ? 'every schedule'
    : `at most ${plural(report.preemptions, 'preemption')}`;
}

function replay(
  report: { scenario: string; variant: string; gil: string; params: Record<string, number> },
  schedule: string,
): string {
  const def = findScenario(report.scenario);
  return replayCommand(
    report.scenario,
    report.variant,
    schedule,
    report.gil,
    report.params,
    def ? defaultParams(def) : {},
  );
}

export function readableReport(r: ExploreReport): string {
  const lines = [
    `${r.scenario} / ${r.variant}  (${r.gil}, ${boundText(r)}${r.reduction === 'none' ? '' : `, ${r.reduction}`})`,
    r.complete
      ? `Complete: every schedule within the bound was covered.`
      : `INCOMPLETE (${STOP_WORDS[r.stopped ?? 'cancelled']}): the counts below are lower bounds.`,
    `${plural(r.schedules, 'schedule')}, ${plural(r.states, 'state')}, ${r.ms} ms. Crashing: ${count(r.crashing)}. Violating: ${count(r.violating)}.`,
    '',
    'Outcomes:',
    table(
      alignRight(
        Object.entries(r.byOutcome).map(([key, n]) => {
          const m = r.minimalByOutcome[key];
          return [
            key,
            count(n),
            percent(n, r.schedules),
            m ? `simplest: ${plural(m.preemptions, 'preemption')}, ${plural(m.steps, 'step')}` : '',
          ];
        }),
        [1],
      ),
    ),
    ...(r.countsExact ? [] : ['', ROUNDED_COUNT_NOTE]),
  ];
  if (r.minimal) {
    lines.push(
      '',
      `Minimal counterexample: ${r.minimal.outcome} with ${plural(r.minimal.preemptions, 'preemption')} in ${plural(r.minimal.steps, 'step')}.`,
      `  ${replay(r, r.minimal.schedule)}`,
    );
  } else if (r.complete) {
    lines.push('', `No schedule within the bound crashes or breaks an invariant.`);
  }
  return lines.join('\n');
}

export function readableTable(t: CompareTable): string {
  const header = ['variant', 'complete', 'schedules', 'states', 'ms', ...t.outcomes];
  const rows = t.rows.map((r) => [
    r.variant,
    r.complete ? 'yes' : 'NO',
    count(r.schedules),
    count(r.states),
    String(r.ms),
    ...t.outcomes.map((k) => count(r.byOutcome[k] ?? 0)),
  ]);
  const numeric = header.map((_, i) => i).filter((i) => i >= 2);
  const lines = [
    `${t.scenario}: the four variants  (${t.gil}, ${boundText(t)})`,
    '',
    table(alignRight([header, ...rows], numeric)),
    ...(t.rows.every((r) => r.countsExact) ? [] : ['', ROUNDED_COUNT_NOTE]),
    '',
    'Minimal counterexamples:',
  ];
  for (const r of t.rows) {
    lines.push(
      r.minimal
        ? `  ${r.variant}: ${r.minimal.outcome}, ${plural(r.minimal.preemptions, 'preemption')}, ${plural(r.minimal.steps, 'step')}: ${r.minimal.schedule}`
        : `  ${r.variant}: none${r.complete ? '' : ' found (incomplete)'}`,
    );
  }
  return lines.join('\n');
}

export function readableSample(r: SampleReport): string {
  const lines = [
    `${r.scenario} / ${r.variant}  (${r.gil}, ${r.strategy === 'pct' ? `PCT depth ${r.depth}` : 'uniform random'}, seed ${r.seed})`,
    `${plural(r.runs, 'run')}${r.stopped ? ' (stopped early)' : ''} in ${r.ms} ms, ${plural(r.distinctSchedules, 'distinct schedule')}.`,
    `Failing runs: ${count(r.failing)} (${percent(r.failing, r.runs) || '0%'}).`,
    '',
    table(Object.entries(r.byOutcome).map(([key, n]) => [key, n, percent(n, r.runs)])),
  ];
  const f = r.firstFailure;
  lines.push(
    '',
    f
      ? `First failure: run ${count(f.run)} after ${f.ms} ms: ${f.outcome} (${plural(f.preemptions, 'preemption')}, ${plural(f.steps, 'step')}).\n  ${replay(r, f.schedule)}`
      : `No run failed. Exploration, not sampling, says whether any schedule can (npm run explore).`,
  );
  return lines.join('\n');
}

runIfMain(import.meta.url, main);
