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
import { simulate } from '../scenarios/simulate.ts';
import { postmortemInputOf, runFacts } from '../ui/postmortem/input.ts';
import { countsForSetup } from '../ui/postmortem/counts.ts';
import { postmortemMarkdown } from '../ui/postmortem/postmortem.ts';
import { parseNoteFlags } from '../ui/postmortem/noteFlags.ts';
import { replayHtml } from '../ui/replay/html.ts';
import { bundleReplayViewer } from '../ui/replay/bundle.ts';
import {
  badArgument,
  ok,
  runCommand,
  type CommandResult,
  type CommandSpec,
  type Parsed,
} from './args.ts';
import { RUN_FLAGS, runFlags } from './flags.ts';
import { runIfMain } from './io.ts';

/** Where `npm start` serves the app; the document's link points here unless --site says otherwise. */
export const DEFAULT_SITE = 'http://localhost:5173/';

const POSTMORTEM: CommandSpec = {
  name: 'postmortem',
  summary: 'Prints the postmortem of one run (Markdown), or its standalone replay (HTML).',
  flags: [
    ...RUN_FLAGS,
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
  ],
};

export function main(argv: readonly string[]): CommandResult {
  return runCommand(POSTMORTEM, argv, writePostmortem);
}

function writePostmortem(args: Parsed): CommandResult {
  const request = runFlags(args);
  if (!request.ok) return badArgument(request.error);
  const format = args.values.get('format') ?? 'md';
  if (format !== 'md' && format !== 'html') {
    return badArgument(`Option --format must be md or html, got "${format}".`);
  }
  const site = args.values.get('site') ?? DEFAULT_SITE;
  if (!/^https?:\/\/\S+$/.test(site)) {
    return badArgument(`Option --site must be an http(s) address, got "${site}".`);
  }
  const sim = simulate(request.value);
  if (!sim.ok) return badArgument(sim.error);
  const notes = parseNoteFlags(args.repeats.get('note') ?? [], sim.value.run.length);
  if (!notes.ok) return badArgument(notes.error);
  const facts = runFacts(sim.value, notes.value, site);
  if (format === 'html') return ok(replayHtml(facts, bundleReplayViewer()));
  const counts = countsForSetup(sim.value.def.id, sim.value.params, sim.value.gil);
  return ok(postmortemMarkdown(postmortemInputOf(facts, counts)));
}

runIfMain(import.meta.url, main);
