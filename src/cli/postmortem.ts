/**
 * `npm run --silent postmortem -- --scenario ID --variant ID [--schedule S | --seed N]
 *  [--gil MODE] [--param NAME=VALUE]... [--note STEP=TEXT]... [--format md|html] [--site URL]`
 *
 * Prints the postmortem of one run on stdout: the same Markdown document as the
 * lab's Export menu (with the explorer's counts for every variant), or with
 * `--format html` the standalone replay, one self-contained HTML file. Notes are
 * pinned to steps as in the lab (step N is the state after N steps). A bad
 * argument is one line on stderr and exit status 2, as for `sim`.
 */
import { SWITCH_MODES } from '../engine/index.ts';
import { SCENARIOS, VARIANT_IDS } from '../scenarios/index.ts';
import { simulate } from '../scenarios/simulate.ts';
import { postmortemInputOf, runFacts } from '../ui/postmortem/input.ts';
import { countsForSetup } from '../ui/postmortem/counts.ts';
import { postmortemMarkdown } from '../ui/postmortem/postmortem.ts';
import { parseNoteFlags } from '../ui/postmortem/noteFlags.ts';
import { replayHtml } from '../ui/replay/html.ts';
import { bundleReplayViewer } from '../ui/replay/bundle.ts';
import {
  badArgument,
  intFlag,
  ok,
  paramsFlag,
  parseArgs,
  required,
  usage,
  type CommandResult,
  type FlagSpec,
} from './args.ts';
import { runIfMain } from './io.ts';

/** Where `npm start` serves the app; the document's link points here unless --site says otherwise. */
export const DEFAULT_SITE = 'http://localhost:5173/';

const FLAGS: readonly FlagSpec[] = [
  { name: 'scenario', kind: 'value', value: 'ID', help: 'scenario id (see `npm run scenarios`)' },
  {
    name: 'variant',
    kind: 'value',
    value: 'ID',
    help: `implementation: ${VARIANT_IDS.join(', ')}`,
  },
  { name: 'seed', kind: 'value', value: 'N', help: 'seeded random schedule (0 to 4294967295)' },
  { name: 'schedule', kind: 'value', value: 'S', help: 'replay this schedule string exactly' },
  {
    name: 'gil',
    kind: 'value',
    value: 'MODE',
    help: `thread-switch mode: ${SWITCH_MODES.join(', ')} (default py311)`,
  },
  {
    name: 'param',
    kind: 'repeat',
    value: 'NAME=VALUE',
    help: 'scenario parameter; repeat for several',
  },
  {
    name: 'note',
    kind: 'repeat',
    value: 'STEP=TEXT',
    help: 'pin a note (plain text, up to 500 characters) to a step; repeat for several',
  },
  {
    name: 'format',
    kind: 'value',
    value: 'md|html',
    help: 'md: the postmortem (default); html: the standalone replay',
  },
  {
    name: 'site',
    kind: 'value',
    value: 'URL',
    help: `where the app is served, for the link (default ${DEFAULT_SITE})`,
  },
];

export function main(argv: readonly string[]): CommandResult {
  const parsed = parseArgs(argv, FLAGS);
  if (!parsed.ok) return badArgument(parsed.error);
  const args = parsed.value;
  if (args.booleans.has('help')) {
    return ok(
      usage(
        'postmortem',
        'Prints the postmortem of one run (Markdown), or its standalone replay (HTML).',
        FLAGS,
      ),
    );
  }
  const scenario = required(
    args,
    'scenario',
    SCENARIOS.map((s) => s.id),
  );
  if (!scenario.ok) return badArgument(scenario.error);
  const variant = required(args, 'variant', VARIANT_IDS);
  if (!variant.ok) return badArgument(variant.error);
  const seed = intFlag(args, 'seed', 0, 0xffffffff);
  if (!seed.ok) return badArgument(seed.error);
  const params = paramsFlag(args);
  if (!params.ok) return badArgument(params.error);
  const format = args.values.get('format') ?? 'md';
  if (format !== 'md' && format !== 'html') {
    return badArgument(`Option --format must be md or html, got "${format}".`);
  }
  const site = args.values.get('site') ?? DEFAULT_SITE;
  if (!/^https?:\/\/\S+$/.test(site)) {
    return badArgument(`Option --site must be an http(s) address, got "${site}".`);
  }
  const schedule = args.values.get('schedule');
  const gil = args.values.get('gil');
  const sim = simulate({
    scenario: scenario.value,
    variant: variant.value,
    params: params.value,
    ...(gil === undefined ? {} : { gil }),
    ...(seed.value === undefined ? {} : { seed: seed.value }),
    ...(schedule === undefined ? {} : { schedule }),
  });
  if (!sim.ok) return badArgument(sim.error);
  const notes = parseNoteFlags(args.repeats.get('note') ?? [], sim.value.run.length);
  if (!notes.ok) return badArgument(notes.error);
  const facts = runFacts(sim.value, notes.value, site);
  if (format === 'html') return ok(replayHtml(facts, bundleReplayViewer()));
  const counts = countsForSetup(sim.value.def.id, sim.value.params, sim.value.gil);
  return ok(postmortemMarkdown(postmortemInputOf(facts, counts)));
}

runIfMain(import.meta.url, main);
