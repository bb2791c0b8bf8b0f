/**
 * The postmortem of one run, in the shape incident reviews use: Summary, Impact,
 * Detection, Timeline, Root cause, Trigger, Resolution, Action items, Lessons
 * learned, Reproduce. One generator for the lab's Export menu and the headless
 * `npm run postmortem`: it returns a `Doc` (doc.ts), which renders to Markdown or
 * HTML, so both say the same thing. Virtual time reads in real units on the
 * story clock ("t = 5.010 s"). Pure: the caller gathers the inputs (input.ts).
 */
import type { Collision, CollisionSide } from '../../analysis/collision.ts';
import { lineWords } from '../../analysis/collision.ts';
import { crashStep, stepWords, violationStep } from '../../analysis/steps.ts';
import type { Crash, Listing, StepRecord, SwitchMode, Violation } from '../../engine/index.ts';
import { allExact, countText, ROUNDED_COUNT_NOTE } from '../../explorer/countText.ts';
import {
  VARIANT_IDS,
  VARIANT_LABELS,
  type Params,
  type ScenarioDef,
  type VariantId,
} from '../../scenarios/index.ts';
import type { VariantCounts } from '../../store/explorerSlice.ts';
import { storyTime, type StoryClock } from '../../tours/time.ts';
import { formatTraceback } from '../outcome/traceback.ts';
import type { PinnedNote } from '../../routes/notes.ts';
import { toHtml, toMarkdown, type Block, type Doc, type Inline, type Section } from './doc.ts';
import { commitUrl, fixedIn, fixStory, prUrl } from './fixes.ts';
import { lessonsOf, actionItemsOf } from './lessons.ts';
import {
  crashDetection,
  crashImpact,
  INVARIANT_DETECTION,
  INVARIANT_IMPACT,
  SCENARIO_STORIES,
} from './story.ts';
import { timelineRows } from './timelineRows.ts';

export interface PostmortemInput {
  readonly def: ScenarioDef;
  readonly variant: VariantId;
  readonly gil: SwitchMode;
  readonly params: Params;
  /** Parameters that differ from the scenario's defaults (for the commands). */
  readonly changedParams: Params;
  readonly schedule: string;
  /** A link that opens this exact run (with its notes). */
  readonly link: string;
  readonly records: readonly StepRecord[];
  readonly crash: Crash | null;
  readonly violations: readonly Violation[];
  readonly listings: Readonly<Record<string, Listing>>;
  /** Actors whose crash kills the process. */
  readonly fatalActors: readonly string[];
  readonly clock: StoryClock;
  readonly collision: Collision | null;
  readonly notes: readonly PinnedNote[];
  /** The explorer's counts for every variant, or null when they are not available. */
  readonly explorer: readonly VariantCounts[] | null;
  /** The timeline picture (an SVG document), or null for none. */
  readonly timelineSvg: string | null;
  /** Most rows in the timeline table, besides the ones that must be there. Default 30. */
  readonly maxRows?: number;
}

export const PROVENANCE_LABELS: Readonly<Record<ScenarioDef['provenance']['kind'], string>> = {
  production: 'Reproduces a production crash.',
  'what-if': 'A what-if: this is not what happened in production.',
  'seed-scenario': 'A verification scenario for the fixes.',
};

/** Text with `code` spans marked by backticks, as inline parts. */
export function prose(text: string): Inline[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? { code: part } : part));
}

const p = (...text: Inline[]): Block => ({ kind: 'p', text });

export function buildPostmortem(input: PostmortemInput): Doc {
  const sections: Section[] = [
    { title: 'Summary', blocks: summary(input) },
    { title: 'Impact', blocks: impact(input) },
    { title: 'Detection', blocks: detection(input) },
    { title: 'Timeline', blocks: timeline(input) },
    { title: 'Root cause', blocks: rootCause(input) },
    { title: 'Trigger', blocks: trigger(input) },
    { title: 'Resolution', blocks: resolution(input) },
    { title: 'Action items', blocks: actionItems(input) },
    {
      title: 'Lessons learned',
      blocks: [{ kind: 'list', items: lessonsOf(input.def.race).map(prose) }],
    },
    { title: 'Reproduce', blocks: reproduce(input) },
  ];
  return { title: `Postmortem: ${input.def.title}`, sections };
}

export function postmortemMarkdown(input: PostmortemInput): string {
  return toMarkdown(buildPostmortem(input));
}

export function postmortemHtml(input: PostmortemInput): string {
  return toHtml(buildPostmortem(input));
}

function failureWords(input: PostmortemInput): Inline[] {
  const { crash, clock } = input;
  if (crash) {
    const said = crash.message === '' ? crash.type : `${crash.type}: ${crash.message}`;
    return [
      `Thread ${crash.actor} raised `,
      { code: said },
      ` at ${storyTime(clock, crash.timeMs)} (${stepWords(crashStep(crash))}).`,
    ];
  }
  const v = input.violations[0];
  if (v) {
    return [
      'No thread crashed, but the invariant ',
      { code: v.invariant },
      ` broke at ${storyTime(clock, v.timeMs)} (${stepWords(violationStep(v))}).`,
    ];
  }
  return ['Nothing went wrong in this run: no thread crashed and every invariant held.'];
}

function summary(input: PostmortemInput): Block[] {
  const { def } = input;
  const out: Block[] = [];
  if (def.provenance.kind === 'what-if')
    out.push({ kind: 'quote', text: [{ strong: PROVENANCE_LABELS['what-if'] }] });
  const lead: Inline[] = [
    `${SCENARIO_STORIES[def.id]?.summary ?? def.summary} `,
    ...failureWords(input),
  ];
  if (input.collision) lead.push(' ', ...prose(input.collision.summary));
  out.push(p(...lead));
  const params = Object.keys(input.params).sort();
  out.push({
    kind: 'list',
    items: [
      [{ strong: 'Scenario:' }, ' ', { code: def.id }, `, race ${def.race}.`],
      ...(def.provenance.kind === 'what-if'
        ? []
        : [[{ strong: 'Provenance:' }, ` ${PROVENANCE_LABELS[def.provenance.kind]}`]]),
      [
        { strong: 'Implementation:' },
        ` ${VARIANT_LABELS[input.variant]} (`,
        { code: input.variant },
        ').',
      ],
      [
        { strong: 'Thread switching:' },
        ' ',
        { code: input.gil },
        params.length === 0
          ? '.'
          : `; parameters ${params.map((n) => `${n} = ${input.params[n]}`).join(', ')}.`,
      ],
      [{ strong: 'Schedule:' }, ' ', { code: input.schedule }, ` (${input.records.length} steps).`],
    ],
  });
  return out;
}

function impact(input: PostmortemInput): Block[] {
  const items: Inline[][] = [];
  const { crash } = input;
  if (crash)
    items.push(
      prose(crashImpact(crash.type, crash.actor, input.fatalActors.includes(crash.actor))),
    );
  for (const v of uniqueInvariants(input.violations)) {
    items.push([{ code: v.invariant }, `: ${INVARIANT_IMPACT[v.invariant]}`]);
  }
  if (items.length === 0) return [p('None in this run.')];
  return [{ kind: 'list', items }];
}

function uniqueInvariants(violations: readonly Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => !seen.has(v.invariant) && seen.add(v.invariant));
}

function detection(input: PostmortemInput): Block[] {
  const { crash } = input;
  const items: Inline[][] = [];
  if (crash)
    items.push(
      prose(crashDetection(crash.type, crash.actor, input.fatalActors.includes(crash.actor))),
    );
  for (const v of uniqueInvariants(input.violations)) {
    items.push([{ code: v.invariant }, `: ${INVARIANT_DETECTION[v.invariant]}`]);
  }
  if (items.length === 0) return [p('There was nothing to detect in this run.')];
  const out: Block[] = [{ kind: 'list', items }];
  if (crash) {
    out.push(p('The traceback, as Python prints it:'));
    out.push({ kind: 'code', text: formatTraceback(crash, input.listings) });
  }
  return out;
}

function timeline(input: PostmortemInput): Block[] {
  const out: Block[] = [
    p(
      `Virtual time in real units, counted from ${input.clock.zero}. Steps are numbered from 1; each row names the thread that took the step.`,
    ),
  ];
  if (input.timelineSvg !== null) {
    out.push({
      kind: 'image',
      alt: `Timeline of ${input.def.title} (${VARIANT_LABELS[input.variant]})`,
      svg: input.timelineSvg,
      name: 'timeline-svg',
    });
  }
  out.push({
    kind: 'table',
    head: ['Time', 'Step', 'Thread', 'Line', 'What happened'],
    numeric: [false, true, false, false, false],
    rows: timelineRows(input, input.maxRows ?? 30),
  });
  return out;
}

function sideItem(role: string, side: CollisionSide, input: PostmortemInput): Inline[] {
  const record = input.records[side.step - 1];
  const time = record ? `${storyTime(input.clock, record.timeMs)}, ` : '';
  return [
    { strong: `${role}:` },
    ` ${side.actor} at ${time}${stepWords(side.step)}, ${lineWords(side.code)} `,
    { code: side.code?.text ?? '?' },
    ': ',
    ...prose(side.action),
    '.',
  ];
}

function rootCause(input: PostmortemInput): Block[] {
  const story = SCENARIO_STORIES[input.def.id];
  const out: Block[] = [];
  const c = input.collision;
  if (c) {
    out.push(p(sidesLead(c)));
    out.push({
      kind: 'list',
      items: [sideItem('Victim', c.victim, input), sideItem('Culprit', c.culprit, input)],
    });
  }
  out.push(p(...prose(story?.rootCause ?? input.def.summary)));
  if (story && story.factors.length > 0) {
    out.push(p('Contributing factors:'));
    out.push({ kind: 'list', items: story.factors.map(prose) });
  }
  return out;
}

/** A hang may be one thread's doing: say so rather than claim two threads collided. */
function sidesLead(c: Collision): string {
  return c.victim.actor === c.culprit.actor
    ? `Two steps of one thread, ${c.victim.actor}, make it:`
    : 'Two steps of two threads collide:';
}

function trigger(input: PostmortemInput): Block[] {
  const story = SCENARIO_STORIES[input.def.id];
  const out: Block[] = [p(...prose(story?.trigger ?? 'No trigger is recorded for this scenario.'))];
  const c = input.collision;
  if (c) {
    const record = input.records[c.culprit.step - 1];
    const when = record ? `${storyTime(input.clock, record.timeMs)}, ` : '';
    out.push(
      p(
        `In this run the culprit's step comes at ${when}${stepWords(c.culprit.step)}, and the victim's at ${stepWords(c.victim.step)}.`,
      ),
    );
  }
  return out;
}

function countsWords(v: VariantId, c: VariantCounts | undefined): Inline[] {
  if (!c) return [{ code: v }, ' was not counted.'];
  const bound = c.complete ? '' : ' (the search stopped at its bound, so these are lower bounds)';
  return [
    'Over every schedule searched, ',
    { code: v },
    ` crashes in ${countText(c.crashing)} of ${countText(c.schedules)} and breaks an invariant in ${countText(c.violating)}${bound}.`,
  ];
}

function releaseWords(input: PostmortemInput, v: VariantId): Inline[] {
  const releases = fixStory(input.def.race, v).releases;
  if (releases.length === 0) return [' No arroyo release ships the ', { code: v }, ' approach.'];
  const out: Inline[] = [];
  for (const r of releases) {
    out.push(
      ' ',
      {
        link: `https://github.com/getsentry/arroyo/releases/tag/${r.version}`,
        text: `arroyo ${r.version}`,
      },
      ` ${r.what} (`,
      { link: prUrl(r.pr), text: `#${r.pr}` },
      ', commit ',
      { link: commitUrl(r.commit), text: r.commit.slice(0, 7) },
      ').',
    );
  }
  return out;
}

function resolution(input: PostmortemInput): Block[] {
  const counts = new Map((input.explorer ?? []).map((c) => [c.variant, c]));
  const items = VARIANT_IDS.map((v): Inline[] => [
    { strong: `${VARIANT_LABELS[v]}` },
    ' (',
    { code: v },
    '): ',
    ...prose(fixStory(input.def.race, v).does),
    ' ',
    ...(input.explorer ? countsWords(v, counts.get(v)) : []),
    ...releaseWords(input, v),
  ]);
  const fixed = fixedIn(input.def.race);
  const out: Block[] = [
    p(
      `arroyo ${fixed.version} is the release that fixed this race upstream. What each implementation does, with the explorer's counts over every schedule it searched (${input.gil} thread switching):`,
    ),
    { kind: 'list', items },
  ];
  if (input.explorer && input.explorer.length > 0) {
    out.push({
      kind: 'table',
      head: ['Implementation', 'Schedules', 'Crashing', 'Violating', 'Outcomes', 'Complete'],
      numeric: [false, true, true, true, false, false],
      rows: input.explorer.map((c) => [
        [VARIANT_LABELS[c.variant]],
        [countText(c.schedules)],
        [countText(c.crashing)],
        [countText(c.violating)],
        [
          Object.entries(c.byOutcome)
            .map(([k, n]) => `${k}: ${countText(n)}`)
            .join(', '),
        ],
        [c.complete ? 'yes' : 'no (bounded)'],
      ]),
    });
    const shown = input.explorer.flatMap((c) => [
      c.schedules,
      c.crashing,
      c.violating,
      ...Object.values(c.byOutcome),
    ]);
    if (!allExact(shown)) out.push(p(ROUNDED_COUNT_NOTE));
  } else {
    out.push(
      p(
        "The explorer's counts were not available for this export; the headless command computes them.",
      ),
    );
  }
  return out;
}

function actionItems(input: PostmortemInput): Block[] {
  return [
    {
      kind: 'table',
      head: ['Action', 'Owner', 'Due'],
      rows: actionItemsOf(input.def.race).map((a) => [prose(a), [], []]),
    },
  ];
}

/** The command-line options that reproduce this setup, after --scenario and --variant. */
export function setupOptions(input: Pick<PostmortemInput, 'gil' | 'changedParams'>): string {
  const parts: string[] = [];
  if (input.gil !== 'py311') parts.push(`--gil ${input.gil}`);
  for (const name of Object.keys(input.changedParams).sort()) {
    parts.push(`--param ${name}=${input.changedParams[name]}`);
  }
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

function reproduce(input: PostmortemInput): Block[] {
  const { def } = input;
  const args = `--scenario ${def.id} --variant ${input.variant} --schedule ${input.schedule}${setupOptions(input)}`;
  return [
    {
      kind: 'list',
      items: [
        [
          'In the browser: ',
          { link: input.link, text: 'open this exact run in Arroyo Race Lab' },
          ', with the notes pinned to it.',
        ],
        ['Headless, the same run: ', { code: `npm run --silent sim -- ${args}` }],
        ['This document again: ', { code: `npm run --silent postmortem -- ${args}` }],
        [
          'A standalone replay to attach to the ticket: ',
          { code: `npm run --silent postmortem -- ${args} --format html > replay.html` },
        ],
      ],
    },
  ];
}
