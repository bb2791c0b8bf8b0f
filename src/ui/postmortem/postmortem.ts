/**
 * The postmortem that writes itself: a Markdown document shaped the way incident
 * reviews are written (Summary, Impact, Timeline, Root cause, Contributing factors,
 * What each fix does, Reproduce, Traceback), built from one run plus the explorer's
 * counts for every variant. Virtual time reads in real units on the story clock
 * ("t = 5.010 s"), so the timeline reads like the incident did.
 *
 * Pure: the caller gathers the inputs. It extends the app's Markdown report
 * (src/ui/export/report.ts) rather than duplicating it: the explorer table, the
 * escaping, the provenance labels and the traceback all come from there.
 */
import type { Crash, Listing, SimEvent, StepRecord, Violation } from '../../engine/index.ts';
import {
  defaultParams,
  VARIANT_IDS,
  VARIANT_LABELS,
  type Params,
  type ScenarioDef,
  type VariantId,
} from '../../scenarios/index.ts';
import type { VariantCounts } from '../../store/explorerSlice.ts';
import { escapeInline, explorerTable, PROVENANCE_LABELS } from '../export/report.ts';
import { formatTraceback } from '../outcome/traceback.ts';
import { productionConstants, storyTime, type StoryClock } from '../../tours/time.ts';
import { crashImpact, INVARIANT_IMPACT, SCENARIO_STORIES } from './story.ts';

export interface PostmortemInput {
  readonly def: ScenarioDef;
  readonly variant: VariantId;
  readonly gil: string;
  readonly params: Params;
  /** A link that opens this exact run. */
  readonly link: string;
  readonly schedule: string;
  readonly records: readonly StepRecord[];
  readonly crash: Crash | null;
  readonly violations: readonly Violation[];
  readonly listings: Readonly<Record<string, Listing>>;
  /** Actors whose crash kills the process. */
  readonly fatalActors: readonly string[];
  readonly clock: StoryClock;
  /** The explorer's counts for this setup, or null when they have not been computed. */
  readonly explorer: readonly VariantCounts[] | null;
  /** Most lines in the timeline. Default 40. */
  readonly maxMoments?: number;
}

export function buildPostmortem(input: PostmortemInput): string {
  const { def } = input;
  const out: string[] = [`# Postmortem: ${def.title}`, ''];
  if (def.provenance.kind === 'what-if') {
    out.push(
      `> **What-if, not what happened in production.** ${escapeInline(def.provenance.text)}`,
      '',
    );
  }
  out.push(...summary(input), '');
  out.push(...impact(input), '');
  out.push(...timeline(input), '');
  const story = SCENARIO_STORIES[def.id];
  out.push('## Root cause', '', story?.rootCause ?? escapeInline(def.summary), '');
  out.push('## Contributing factors', '');
  out.push(...(story?.factors ?? ['(none recorded for this scenario)']).map((f) => `- ${f}`), '');
  out.push(...fixes(input), '');
  out.push(...reproduce(input), '');
  out.push('## Traceback', '');
  if (input.crash === null) out.push('No thread crashed in this run.');
  else out.push('```text', formatTraceback(input.crash, input.listings), '```');
  return `${out.join('\n').trimEnd()}\n`;
}

function summary(input: PostmortemInput): string[] {
  const { def, crash, violations, clock } = input;
  const out = ['## Summary', ''];
  out.push(escapeInline(def.summary), '');
  out.push(
    `- **Provenance:** ${PROVENANCE_LABELS[def.provenance.kind]}. ${escapeInline(def.provenance.text)}`,
  );
  out.push(
    `- **Implementation:** ${VARIANT_LABELS[input.variant]} (\`${input.variant}\`), thread switching \`${input.gil}\``,
  );
  if (crash) {
    const said = crash.message === '' ? crash.type : `${crash.type}: ${crash.message}`;
    out.push(
      `- **What happened:** at **${storyTime(clock, crash.timeMs)}** thread \`${crash.actor}\` raised \`${said}\` (step ${crash.step + 1}).`,
    );
  }
  for (const v of violations) {
    out.push(
      `- **Broken invariant** \`${v.invariant}\` at ${storyTime(clock, v.timeMs)} (step ${v.step}): ${escapeInline(v.detail)}`,
    );
  }
  if (!crash && violations.length === 0) {
    out.push(
      '- **What happened:** nothing went wrong in this run: no crash, and every invariant held.',
    );
  }
  return out;
}

function impact(input: PostmortemInput): string[] {
  const out = ['## Impact', ''];
  const { crash, violations } = input;
  if (crash)
    out.push(`- ${crashImpact(crash.type, crash.actor, input.fatalActors.includes(crash.actor))}`);
  for (const v of violations) out.push(`- \`${v.invariant}\`: ${INVARIANT_IMPACT[v.invariant]}`);
  if (!crash && violations.length === 0) out.push('None in this run.');
  return out;
}

/** Kinds of event worth a line in the timeline. */
function notable(e: SimEvent): boolean {
  switch (e.kind) {
    case 'rebalance':
    case 'state':
    case 'violation':
    case 'commit':
      return true;
    case 'exception':
      return !e.caught;
    case 'consumer':
      return e.call === 'pause' || e.call === 'resume' || e.call === 'seek';
    case 'dict':
      return e.op === 'clear' || e.op === 'snapshot' || (e.op === 'iter' && e.size > 0);
    case 'metric':
      return true;
    default:
      return false;
  }
}

/** The steps a timeline should mention: each with notable events, in order. */
export function keyMoments(records: readonly StepRecord[]): StepRecord[] {
  return records.filter((r) => r.events.some(notable));
}

function timeline(input: PostmortemInput): string[] {
  const { clock, def, params } = input;
  const limit = input.maxMoments ?? 40;
  const constants = productionConstants(def, params)
    .map((c) => `\`${c.name}\` = ${c.value}`)
    .join(', ');
  const out = [
    '## Timeline',
    '',
    `Virtual time in real units, counted from ${escapeInline(clock.zero)}${constants ? `; ${constants}` : ''}.`,
    '',
  ];
  const moments = keyMoments(input.records);
  const line = (r: StepRecord): string =>
    `- **${storyTime(clock, r.timeMs)}** (step ${r.step + 1}, \`${r.actor}\`): ${escapeInline(r.narration || '(no narration)')}`;
  if (moments.length <= limit) {
    out.push(...moments.map(line));
  } else {
    const head = moments.slice(0, limit - 5);
    const tail = moments.slice(-5);
    out.push(...head.map(line));
    out.push(
      `- … ${moments.length - head.length - tail.length} more moments; open the run to see them.`,
    );
    out.push(...tail.map(line));
  }
  if (moments.length === 0) out.push('(No notable events.)');
  return out;
}

function fixes(input: PostmortemInput): string[] {
  const { def } = input;
  const out = ['## What each fix does', ''];
  for (const v of VARIANT_IDS) {
    out.push(`- **${VARIANT_LABELS[v]}** (\`${v}\`): ${escapeInline(def.expected[v])}`);
  }
  out.push('');
  if (input.explorer && input.explorer.length > 0) {
    out.push(
      `The explorer's counts: every schedule within its bound, per implementation, under \`${input.gil}\` thread switching.`,
      '',
      ...explorerTable(input.explorer),
    );
  } else {
    out.push(
      `The explorer's counts were not computed for this export. Compute them in the app, or run \`npm run explore -- --scenario ${def.id} --variant all${cliOptions(input)}\`.`,
    );
  }
  return out;
}

function cliOptions(input: PostmortemInput): string {
  const parts: string[] = [];
  if (input.gil !== 'py311') parts.push(`--gil ${input.gil}`);
  const defaults = defaultParams(input.def);
  for (const name of Object.keys(input.params).sort()) {
    if (input.params[name] !== defaults[name]) parts.push(`--param ${name}=${input.params[name]}`);
  }
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

function reproduce(input: PostmortemInput): string[] {
  const { def } = input;
  return [
    '## Reproduce',
    '',
    `- In the browser: [open this exact run](${input.link})`,
    `- Headless: \`npm run sim -- --scenario ${def.id} --variant ${input.variant} --schedule ${input.schedule}${cliOptions(input)}\``,
    `- Every schedule, every fix: \`npm run explore -- --scenario ${def.id} --variant all${cliOptions(input)}\``,
  ];
}
