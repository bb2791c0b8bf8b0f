/**
 * `npm run --silent check-fix -- (--file PATH | --template ID) [--bound K]
 *  [--step-limit N] [--timeout S] [--schedule S] [--json]`
 *
 * Checks a MetricsBuffer fix against every schedule of the metrics race up to
 * K preemptions, in real CPython (Pyodide) under Node, offline: the same
 * checker as the Fix lab page (src/fixlab; docs/fix-lab.md is the contract for
 * the code). JSON: `{file | template, bound, complete, schedules, byOutcome,
 * minimal, ms}`. Exit 0 when the check ran, whatever it found; 2 for a bad
 * argument; 3 when the code cannot run (syntax error, missing method, refused
 * import, or no switch point for `--timeout` seconds), with one line on
 * stderr naming the line or the module; 1 when Pyodide itself fails.
 * `--schedule S` replays one schedule (such as `minimal.schedule`) step by
 * step instead of searching; a schedule that does not fit the code is a bad
 * argument.
 */
import { readFileSync } from 'node:fs';
import type { Result } from '../engine/index.ts';
import { checkInWorker, traceInWorker } from '../fixlab/node/runner.ts';
import {
  DEFAULT_BOUND,
  DEFAULT_STEP_LIMIT,
  MAX_BOUND,
  MAX_STEP_LIMIT,
  TEMPLATE_IDS,
  type CheckOutcome,
  type CheckResult,
  type CodeProblemKind,
  type ScheduleTrace,
} from '../fixlab/protocol.ts';
import { templateById } from '../fixlab/templates.ts';
import {
  badArgument,
  intFlag,
  runCommand,
  type CommandResult,
  type CommandSpec,
  type FlagSpec,
  type Parsed,
} from './args.ts';
import { plural, table } from './format.ts';
import { runIfMain } from './io.ts';

const FLAGS: readonly FlagSpec[] = [
  {
    name: 'file',
    kind: 'value',
    value: 'PATH',
    help: 'a Python file defining class MetricsBuffer',
  },
  { name: 'template', kind: 'value', value: 'ID', help: `a template: ${TEMPLATE_IDS.join(', ')}` },
  {
    name: 'bound',
    kind: 'value',
    value: 'K',
    help: `most preemptions per schedule, 0 to ${MAX_BOUND} (default ${DEFAULT_BOUND})`,
  },
  {
    name: 'step-limit',
    kind: 'value',
    value: 'N',
    help: `switch points one schedule may pass (default ${DEFAULT_STEP_LIMIT})`,
  },
  {
    name: 'timeout',
    kind: 'value',
    value: 'S',
    help: 'seconds without reaching a switch point before the check is stopped (default 10)',
  },
  {
    name: 'schedule',
    kind: 'value',
    value: 'S',
    help: 'replay this schedule step by step (e.g. minimal.schedule) instead of searching',
  },
  { name: 'json', kind: 'boolean', help: 'print the result as JSON' },
];

const CHECK_FIX: CommandSpec = {
  name: 'check-fix',
  summary:
    'Checks a MetricsBuffer fix against every interleaving of the metrics race, in CPython (Pyodide).',
  flags: FLAGS,
};

/** Problems with the user's code: exit 3. The rest are the checker's own failures: exit 1. */
const CODE_PROBLEMS: readonly CodeProblemKind[] = [
  'syntax',
  'refused-import',
  'refused-name',
  'missing',
  'init',
  'runaway',
];

interface Job {
  readonly source: { readonly file: string } | { readonly template: string };
  readonly code: string;
  readonly bound: number;
  readonly stepLimit: number;
  readonly silenceMs: number;
  readonly schedule: string | undefined;
  readonly json: boolean;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}

function readCode(
  file: string | undefined,
  template: string | undefined,
): Result<Pick<Job, 'source' | 'code'>> {
  if ((file === undefined) === (template === undefined)) {
    return fail(`Give exactly one of --file PATH or --template ID (${TEMPLATE_IDS.join(', ')}).`);
  }
  if (template !== undefined) {
    const t = templateById(template);
    if (!t)
      return fail(`Unknown template "${template}". Valid values: ${TEMPLATE_IDS.join(', ')}.`);
    return { ok: true, value: { source: { template }, code: t.code } };
  }
  try {
    return {
      ok: true,
      value: { source: { file: file as string }, code: readFileSync(file as string, 'utf8') },
    };
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return fail(`Cannot read --file "${file}" (${why}).`);
  }
}

/** The check the flags ask for, with the code to check read from its file or template. */
function jobOf(p: Parsed): Result<Job> {
  const bound = intFlag(p, 'bound', 0, MAX_BOUND);
  if (!bound.ok) return bound;
  const stepLimit = intFlag(p, 'step-limit', 100, MAX_STEP_LIMIT);
  if (!stepLimit.ok) return stepLimit;
  const timeout = intFlag(p, 'timeout', 1, 3600);
  if (!timeout.ok) return timeout;
  const code = readCode(p.values.get('file'), p.values.get('template'));
  if (!code.ok) return code;
  return {
    ok: true,
    value: {
      ...code.value,
      bound: bound.value ?? DEFAULT_BOUND,
      stepLimit: stepLimit.value ?? DEFAULT_STEP_LIMIT,
      silenceMs: (timeout.value ?? 10) * 1000,
      schedule: p.values.get('schedule'),
      json: p.booleans.has('json'),
    },
  };
}

function label(job: Job): string {
  return 'file' in job.source ? job.source.file : `template ${job.source.template}`;
}

export function jsonDocument(job: Job, r: CheckResult): Record<string, unknown> {
  return {
    ...job.source,
    bound: r.bound,
    complete: r.complete,
    schedules: r.schedules,
    byOutcome: r.byOutcome,
    minimal: r.minimal,
    ms: r.ms,
  };
}

export function readable(job: Job, r: CheckResult): string {
  const lines = [
    `${label(job)}: ${plural(r.schedules, 'schedule')} up to ${plural(r.bound, 'preemption')}, ${r.ms} ms${r.complete ? '' : ' (INCOMPLETE: the counts are lower bounds)'}.`,
    '',
    table(Object.entries(r.byOutcome).map(([key, n]) => [key, n])),
  ];
  const m = r.minimal;
  const report = r.minimalReport;
  if (!m || !report) {
    lines.push(
      '',
      'Every schedule is ok: no crash, no deadlock, every increment emitted exactly once.',
    );
    return lines.join('\n');
  }
  lines.push(
    '',
    `Smallest counterexample: ${m.outcome}, ${plural(m.preemptions, 'preemption')}, ${plural(m.steps, 'step')}, schedule ${m.schedule}`,
  );
  for (const c of report.crashes) {
    lines.push(`  ${c.type} in ${c.thread}: ${c.message}`);
    for (const f of c.traceback)
      lines.push(
        `    ${f.file === 'user' ? 'your code' : 'harness'} line ${f.line} in ${f.function}: ${f.text}`,
      );
  }
  for (const d of report.conservation) {
    lines.push(
      `  ${d.key}: incremented ${d.incremented}, emitted ${d.emitted} (${d.diff < 0 ? 'lost' : 'counted twice'} ${Math.abs(d.diff)})`,
    );
  }
  for (const w of report.deadlock?.waiting ?? []) {
    const held = w.heldBy
      ? `held by ${w.heldBy}${w.holderEnded ? ', which has ended' : ''}`
      : 'which nobody will release or set';
    lines.push(`  ${w.thread} waits for ${w.lock}${w.line ? ` at line ${w.line}` : ''}, ${held}`);
  }
  if (report.stepLimit) {
    const s = report.stepLimit;
    lines.push(
      `  ${s.thread} was still running${s.line ? ` at line ${s.line}` : ''} after ${s.limit} steps`,
    );
  }
  return lines.join('\n');
}

function failed(
  job: Job,
  outcome: { error: string; problem: { kind: CodeProblemKind } },
): CommandResult {
  const one = outcome.error.replace(/\s*\n\s*/g, ' ');
  if (outcome.problem.kind === 'schedule') return badArgument(`--schedule: ${one}`);
  const code = CODE_PROBLEMS.includes(outcome.problem.kind) ? 3 : 1;
  return { code, stdout: '', stderr: `${label(job)}: ${one}\n` };
}

export function readableTrace(job: Job, t: ScheduleTrace): string {
  const lines = [`${label(job)}: schedule ${t.schedule}, ${plural(t.steps.length, 'step')}.`, ''];
  for (const s of t.steps) {
    lines.push(
      `${String(s.index).padStart(4)} ${s.preempted ? '*' : ' '} ${s.timeS.toFixed(3)}s  ${s.what}`,
    );
  }
  lines.push('', `Outcome: ${t.report.outcomes.join(', ')}`);
  return lines.join('\n');
}

async function replay(j: Job, schedule: string): Promise<CheckOutcome<string>> {
  const { outcome } = await traceInWorker(j.code, schedule, j.stepLimit, {
    silenceMs: j.silenceMs,
  });
  if (!outcome.ok) return outcome;
  const text = j.json ? JSON.stringify(outcome.value, null, 2) : readableTrace(j, outcome.value);
  return { ok: true, value: text };
}

async function search(j: Job): Promise<CheckOutcome<string>> {
  const { outcome } = await checkInWorker(
    { code: j.code, bound: j.bound, stepLimit: j.stepLimit },
    { silenceMs: j.silenceMs },
  );
  if (!outcome.ok) return outcome;
  const text = j.json
    ? JSON.stringify(jsonDocument(j, outcome.value), null, 2)
    : readable(j, outcome.value);
  return { ok: true, value: text };
}

export async function main(argv: readonly string[]): Promise<CommandResult> {
  return runCommand(CHECK_FIX, argv, check);
}

async function check(args: Parsed): Promise<CommandResult> {
  const job = jobOf(args);
  if (!job.ok) return badArgument(job.error);
  const j = job.value;
  const outcome = j.schedule === undefined ? await search(j) : await replay(j, j.schedule);
  if (!outcome.ok) return failed(j, outcome);
  return { code: 0, stdout: `${outcome.value}\n`, stderr: '' };
}

runIfMain(import.meta.url, main);
