/**
 * `npm run --silent affected -- --version X.Y.Z [--json]`
 *
 * Is an arroyo release affected? Prints, for the release (or the older
 * release row that answers for it), the outcome keys the explorer reaches on
 * that release's code in every scenario, as `explore` names them in
 * byOutcome: `{version, answeredAs, release: {tag, commit}, reachable:
 * {<scenario>: [keys]}, notModelled: {<scenario>: reason}, scenarios:
 * {<scenario>: detail}}`. A scenario whose code the release does not have
 * reaches nothing (`[]`). A version that is not a release modelled here is a
 * bad argument: one line, exit status 2. docs/releases.md explains the table.
 */
import {
  affected,
  answeredAsSentence,
  verdictWords,
  type AffectedAnswer,
} from '../releases/affected.ts';
import { RELEASES, shortCommit, tagUrl } from '../releases/releases.ts';
import {
  badArgument,
  json,
  ok,
  required,
  runCommand,
  type CommandResult,
  type CommandSpec,
  type Parsed,
} from './args.ts';
import { JSON_FLAG } from './flags.ts';
import { table } from './format.ts';
import { runIfMain } from './io.ts';

const AFFECTED: CommandSpec = {
  name: 'affected',
  summary: 'Which scenarios an arroyo release reaches, and how it fails.',
  flags: [
    { name: 'version', kind: 'value', value: 'X.Y.Z', help: 'an arroyo release, e.g. 2.34.0' },
    JSON_FLAG,
  ],
};

export function main(argv: readonly string[]): CommandResult {
  return runCommand(AFFECTED, argv, answerRelease);
}

function answerRelease(args: Parsed): CommandResult {
  const version = required(
    args,
    'version',
    RELEASES.map((r) => r.version),
  );
  if (!version.ok) return badArgument(version.error);
  const answer = affected(version.value);
  if (!answer.ok) return badArgument(answer.error);
  return args.booleans.has('json') ? json(document(answer.value)) : ok(readable(answer.value));
}

export function document(a: AffectedAnswer): unknown {
  const reachable: Record<string, readonly string[]> = {};
  const notModelled: Record<string, string> = {};
  const scenarios: Record<string, unknown> = {};
  for (const s of a.scenarios) {
    if (s.reachable === null)
      notModelled[s.def.id] =
        s.code.kind === 'not-modelled' ? s.code.reason : 'No release mapping for this scenario.';
    else reachable[s.def.id] = s.reachable;
    scenarios[s.def.id] = {
      code: s.code,
      verdicts: s.verdicts,
      since: s.since,
      until: s.until,
      changesIn: s.changesIn,
      complete: s.complete,
      counterexample: s.counterexample,
    };
  }
  return {
    version: a.version,
    answeredAs: a.answeredAs,
    release: {
      tag: a.release.version,
      commit: a.release.tagCommit,
      date: a.release.date,
      url: tagUrl(a.release.version),
    },
    reachable,
    notModelled,
    scenarios,
  };
}

function readable(a: AffectedAnswer): string {
  const r = a.release;
  const lines = [
    `arroyo ${a.version}`,
    ...(a.answeredAs === null ? [] : [answeredAsSentence(a)]),
    `Release ${r.version} (tag at ${shortCommit(r.tagCommit)}, ${r.date}): ${tagUrl(r.version)}`,
    '',
  ];
  const rows: (string | number)[][] = [
    ['scenario', 'on this release', 'since', 'until', 'reaches'],
  ];
  for (const s of a.scenarios) {
    const words =
      s.reachable === null
        ? 'not modelled'
        : s.code.kind === 'absent'
          ? 'code not in this release'
          : s.verdicts.map((v) => verdictWords(v, s.def.race)).join(', ');
    rows.push([s.def.id, words, s.since, s.until, (s.reachable ?? []).join(' ') || '-']);
  }
  lines.push(table(rows));
  const notes = a.scenarios.filter(
    (s) => s.code.kind === 'not-modelled' || s.code.kind === 'absent',
  );
  if (notes.length > 0) {
    lines.push('');
    for (const s of notes)
      if (s.code.kind === 'not-modelled' || s.code.kind === 'absent')
        lines.push(`${s.def.id}: ${s.code.reason}`);
  }
  return lines.join('\n');
}

runIfMain(import.meta.url, main);
