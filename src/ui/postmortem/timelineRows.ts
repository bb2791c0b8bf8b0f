/**
 * The rows of the postmortem's timeline table: the steps worth a line (notable
 * events), and always both colliding steps, the steps of the collision's story,
 * the crash, the broken invariants and every step a note is pinned to, each with
 * its thread, line and time. When there are too many notable steps, the ones in
 * between are summed up in one row per gap.
 */
import { lineWords } from '../../analysis/collision.ts';
import { codeOf } from '../../analysis/sides.ts';
import type { SimEvent, StepRecord } from '../../engine/index.ts';
import { storyTime } from '../../tours/time.ts';
import type { Inline } from './doc.ts';
import type { PostmortemInput } from './postmortem.ts';

type Row = Inline[][];

/** Kinds of event worth a line in the timeline. */
function notable(e: SimEvent): boolean {
  switch (e.kind) {
    case 'rebalance':
    case 'state':
    case 'violation':
    case 'commit':
    case 'metric':
      return true;
    case 'exception':
      return !e.caught;
    case 'consumer':
      return e.call === 'pause' || e.call === 'resume' || e.call === 'seek';
    case 'dict':
      return e.op === 'clear' || e.op === 'snapshot' || (e.op === 'iter' && e.size > 0);
    default:
      return false;
  }
}

/** Shown steps (1-based) that must appear, with the role each plays. */
function mustSteps(input: PostmortemInput): Map<number, string[]> {
  const roles = new Map<number, string[]>();
  const add = (step: number, role: string): void => {
    if (step < 1 || step > input.records.length) return;
    roles.set(step, [...(roles.get(step) ?? []), role]);
  };
  const c = input.collision;
  if (c) {
    add(c.culprit.step, 'Culprit');
    add(c.victim.step, 'Victim');
    for (const r of c.related) add(r.step, 'Related');
  }
  if (input.crash) add(input.crash.step + 1, 'Crash');
  for (const v of input.violations) add(Math.max(1, v.step), 'Invariant broken');
  for (const n of input.notes) if (n.step >= 1) add(n.step, 'Note');
  return roles;
}

function notableSteps(input: PostmortemInput): number[] {
  return input.records.filter((r) => r.events.some(notable)).map((r) => r.step + 1);
}

function chooseSteps(input: PostmortemInput, must: ReadonlySet<number>, limit: number): number[] {
  let extra = notableSteps(input).filter((s) => !must.has(s));
  if (extra.length > limit) {
    const half = Math.floor(limit / 2);
    extra = [...extra.slice(0, half), ...extra.slice(extra.length - (limit - half))];
  }
  return [...new Set([...must, ...extra])].sort((a, b) => a - b);
}

export function timelineRows(input: PostmortemInput, limit: number): Row[] {
  const roles = mustSteps(input);
  const steps = chooseSteps(input, new Set(roles.keys()), limit);
  const notes = new Map(input.notes.map((n) => [n.step, n.text]));
  const rows: Row[] = [];
  const before = notes.get(0);
  if (before !== undefined) rows.push([[], ['0'], [], [], [{ strong: 'Note:' }, ` ${before}`]]);
  const notableList = notableSteps(input);
  let previous = 0;
  for (const step of steps) {
    const skipped = notableList.filter((s) => s > previous && s < step).length;
    if (skipped > 0) {
      rows.push([
        [],
        [],
        [],
        [],
        [`(${skipped} more notable steps here; the replay shows every step)`],
      ]);
    }
    previous = step;
    const record = input.records[step - 1] as StepRecord;
    rows.push(rowOf(input, record, roles.get(step) ?? [], notes.get(step)));
  }
  return rows;
}

function rowOf(
  input: PostmortemInput,
  record: StepRecord,
  roles: readonly string[],
  note: string | undefined,
): Row {
  const code = codeOf(
    { program: { listings: input.listings }, records: input.records, crashes: [], violations: [] },
    record,
  );
  const what: Inline[] = [];
  const shown = roles.filter((r) => r !== 'Note');
  if (shown.length > 0) what.push({ strong: `${shown.join(', ')}:` }, ' ');
  what.push(record.narration || '(no narration)');
  if (note !== undefined) what.push(' ', { strong: 'Note:' }, ` ${note}`);
  return [
    [storyTime(input.clock, record.timeMs)],
    [String(record.step + 1)],
    [record.actor],
    code ? [`${lineWords(code)} `, { code: code.text }] : [{ code: record.at }],
    what,
  ];
}
