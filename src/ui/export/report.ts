/**
 * The postmortem report: a Markdown document an incident lead can paste into a doc.
 * It says which scenario and implementation were run and where the scenario comes
 * from (a production crash or a what-if, never mixed up), links to the exact run,
 * quotes the traceback and the broken invariants, lists every narrated step, points
 * at the timeline image exported beside it, and gives the explorer's counts per
 * variant when the explorer has run. Pure: the caller gathers the inputs.
 */
import {
  resolveAt,
  type Crash,
  type Listing,
  type StepRecord,
  type Violation,
} from '../../engine/index.ts';
import {
  VARIANT_LABELS,
  type Params,
  type ScenarioDef,
  type VariantId,
} from '../../scenarios/index.ts';
import type { VariantCounts } from '../../store/explorerSlice.ts';
import { formatTraceback } from '../outcome/traceback.ts';

export interface ReportInput {
  readonly def: ScenarioDef;
  readonly variant: VariantId;
  readonly gil: string;
  readonly params: Params;
  readonly link: string;
  readonly schedule: string;
  readonly cursor: number;
  readonly records: readonly StepRecord[];
  readonly crash: Crash | null;
  readonly violations: readonly Violation[];
  readonly listings: Readonly<Record<string, Listing>>;
  /** File name of the timeline image saved beside the report, or null. */
  readonly timelineImage: string | null;
  /** The explorer's counts for this setup, or null if it has not run. */
  readonly explorer: readonly VariantCounts[] | null;
  /** At most this many steps are listed. */
  readonly maxSteps?: number;
}

export const PROVENANCE_LABELS: Readonly<Record<ScenarioDef['provenance']['kind'], string>> = {
  production: 'Reproduces a production crash',
  'what-if': 'What-if from the seed narrative (not what happened in production)',
  'seed-scenario': "One of the seed's verification scenarios",
};

export function buildReport(input: ReportInput): string {
  const { def } = input;
  const out: string[] = [];
  out.push(`# Postmortem: ${def.title}`, '');
  out.push(`- **Scenario:** \`${def.id}\`, race ${def.race}: ${def.summary}`);
  out.push(`- **Provenance:** ${PROVENANCE_LABELS[def.provenance.kind]}. ${def.provenance.text}`);
  if (def.provenance.refs.length > 0) out.push(`- **Sources:** ${def.provenance.refs.join(', ')}`);
  if (def.seedScenario !== null) out.push(`- **Seed scenario:** ${def.seedScenario}`);
  out.push(`- **Implementation:** ${VARIANT_LABELS[input.variant]} (\`${input.variant}\`)`);
  out.push(`- **Thread switching:** \`${input.gil}\`${paramText(input.params)}`);
  out.push(
    `- **Run:** [open this exact run](${input.link}), at step ${input.cursor} of ${input.records.length}`,
  );
  out.push(`- **Schedule:** \`${input.schedule}\``, '');
  out.push(...outcomeSection(input), '');
  if (input.timelineImage !== null) {
    out.push('## Timeline', '', `![Timeline of the run](${input.timelineImage})`, '');
  }
  out.push(...stepsSection(input), '');
  if (input.explorer !== null && input.explorer.length > 0)
    out.push(...explorerSection(input.explorer), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function paramText(params: Params): string {
  const names = Object.keys(params).sort();
  if (names.length === 0) return '';
  return `; parameters: ${names.map((n) => `${n} = ${params[n]}`).join(', ')}`;
}

function outcomeSection(input: ReportInput): string[] {
  const out = ['## Outcome', ''];
  if (input.crash === null) out.push('The run does not crash.', '');
  else {
    out.push(
      `The run crashes at step ${input.crash.step + 1}, in thread \`${input.crash.actor}\`:`,
      '',
      '```text',
      formatTraceback(input.crash, input.listings),
      '```',
      '',
    );
  }
  if (input.violations.length === 0) out.push('No invariant is broken.');
  else {
    out.push('Invariants broken:', '');
    for (const v of input.violations)
      out.push(`- \`${v.invariant}\` at step ${v.step}: ${escapeInline(v.detail)}`);
  }
  return out;
}

function stepsSection(input: ReportInput): string[] {
  const limit = input.maxSteps ?? 1000;
  const out = ['## Steps', ''];
  for (const r of input.records.slice(0, limit)) {
    out.push(
      `${r.step + 1}. \`${r.actor}\` at ${r.timeMs} ms, ${where(r.at, input.listings)}: ${escapeInline(r.narration || '(no narration)')}`,
    );
  }
  if (input.records.length > limit) {
    out.push(
      '',
      `(${input.records.length - limit} more steps are left out; open the run to see them.)`,
    );
  }
  return out;
}

function where(at: string, listings: Readonly<Record<string, Listing>>): string {
  try {
    const line = resolveAt(listings, at);
    return `\`${line.listing}:${line.line}\` \`${line.text.replace(/`/g, "'")}\``;
  } catch {
    return `\`${at}\``;
  }
}

function explorerSection(results: readonly VariantCounts[]): string[] {
  return ['## Explorer', '', ...explorerTable(results)];
}

/** The explorer's counts per variant as a Markdown table (also used by the postmortem). */
export function explorerTable(results: readonly VariantCounts[]): string[] {
  const out = [
    '| Implementation | Schedules | Crashing | Violating | Outcomes | Complete |',
    '| --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const r of results) {
    const outcomes = Object.entries(r.byOutcome)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
    out.push(
      `| ${VARIANT_LABELS[r.variant]} | ${r.schedules} | ${r.crashing} | ${r.violating} | ${escapeCell(outcomes)} | ${r.complete ? 'yes' : 'no (bounded)'} |`,
    );
  }
  return out;
}

export function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

export function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}
