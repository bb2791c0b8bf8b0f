/**
 * Words for what the timeline shows: the detail line of a hovered or focused
 * mark, the cursor's value text for assistive technology, and the rows of the
 * text alternative (a table of the visible steps). Pure, so it is tested in
 * Node and the SVG export can reuse it for <title> elements.
 *
 * Steps are written as everywhere in the app (src/analysis/steps.ts): step 0 is the
 * start, step N the state after the Nth step, so the step recorded at index i is
 * "step i + 1", and a cursor (a boundary) is the step of the same number.
 */
import { describeEvent } from '../worlds/events.ts';
import type { Hit } from './hit.ts';
import { stepMark, type TimelineModel } from './model.ts';
import { intervalAt } from '../analysis/state-lanes.ts';
import { stepOfRecord } from '../analysis/steps.ts';

export interface StepRow {
  readonly step: number;
  readonly actor: string;
  readonly timeMs: number;
  readonly durationMs: number;
  readonly at: string;
  readonly what: string;
}

export function describeStep(model: TimelineModel, i: number): string {
  const m = stepMark(model, i);
  const events = (model.steps.events[i] ?? []).map(describeEvent);
  const what = [m.label !== m.at ? m.label : '', ...events].filter((s) => s !== '').join('; ');
  return `Step ${stepOfRecord(i)} by ${m.actor} at ${m.startMs} ms (${m.durationMs} ms), ${m.at}${what ? `: ${what}` : ''}`;
}

export function describeHit(model: TimelineModel, hit: Hit): string {
  const lane = 'laneId' in hit ? model.lanes.find((l) => l.id === hit.laneId) : undefined;
  switch (hit.kind) {
    case 'step':
      return describeStep(model, hit.step) + arrowsInto(model, hit.step);
    case 'crash': {
      const c = model.crashes[hit.index];
      return c
        ? `Crash at step ${stepOfRecord(c.step)}: ${c.type} in ${c.actor}: ${c.message}${arrowsInto(model, c.step)}`
        : '';
    }
    case 'violation': {
      const v = model.violations[hit.index];
      return v ? `Invariant ${v.invariant} broken at step ${v.boundary}: ${v.detail}` : '';
    }
    case 'outside': {
      const m = lane?.kind === 'outside' ? lane.marks[hit.index] : undefined;
      return m
        ? `Outside event at step ${stepOfRecord(m.step)} by ${m.actor}: ${describeEvent(m.event)}`
        : '';
    }
    case 'state': {
      const v = lane?.kind === 'state' ? lane.intervals[hit.index] : undefined;
      if (!v || lane?.kind !== 'state') return '';
      const by = v.setBy
        ? `set by ${v.setBy.actor} at step ${stepOfRecord(v.setBy.step)}`
        : 'initial value';
      return `${lane.label} = ${v.value} from step ${v.fromBoundary} to ${v.toBoundary} (${by})`;
    }
    case 'dict-point': {
      const pt = lane?.kind === 'dict' ? lane.points[hit.index] : undefined;
      if (!pt || lane?.kind !== 'dict') return '';
      const key = pt.key === null ? '' : ` ${pt.key}`;
      const rec = pt.recordedSize === null ? '' : `, iterator recorded ${pt.recordedSize}`;
      return `${lane.dict}.${pt.op}${key} by ${pt.actor} at step ${stepOfRecord(pt.step)}: size ${pt.size}${rec}${pt.raised ? ', raised RuntimeError' : ''}`;
    }
    case 'iterator': {
      const s = lane?.kind === 'dict' ? lane.iterators[hit.index] : undefined;
      if (!s || lane?.kind !== 'dict') return '';
      const end =
        s.failedStep !== null
          ? `raised at step ${stepOfRecord(s.failedStep)}`
          : s.end === 'stop'
            ? `finished at step ${stepOfRecord(s.toStep)}`
            : `last used at step ${stepOfRecord(s.toStep)}`;
      return `Iterator over ${lane.dict} by ${s.actor}, created at step ${stepOfRecord(s.fromStep)} with size ${s.recordedSize}, ${end}`;
    }
    case 'lock': {
      const h = lane?.kind === 'lock' ? lane.holds[hit.index] : undefined;
      if (!h || lane?.kind !== 'lock') return '';
      const to = h.toStep === null ? 'to the end' : `to step ${stepOfRecord(h.toStep)}`;
      return `${lane.lock} held by ${h.actor} from step ${stepOfRecord(h.fromStep)} ${to}`;
    }
  }
}

function arrowsInto(model: TimelineModel, step: number): string {
  const into = model.arrows.filter((a) => a.toStep === step);
  return into.length === 0
    ? ''
    : `. Conflict: ${into.map((a) => `${a.label} (write at step ${stepOfRecord(a.fromStep)})`).join('; ')}`;
}

/** The cursor in words: where it is, the step just taken, and the shared state there. */
export function describeCursor(model: TimelineModel, cursor: number): string {
  const n = model.steps.count;
  const head =
    cursor <= 0 ? `Step 0 of ${n}: the start, before any step` : `Step ${cursor} of ${n}`;
  const parts = [head];
  if (cursor > 0 && cursor <= n) parts.push(describeStep(model, cursor - 1));
  const state: string[] = [];
  for (const lane of model.lanes) {
    if (lane.kind !== 'state') continue;
    const v = intervalAt(lane, cursor);
    if (v) state.push(`${lane.label} = ${v.value}`);
  }
  if (state.length > 0) parts.push(`State: ${state.join(', ')}`);
  const crash = model.crashes.find((c) => c.step === cursor - 1);
  if (crash) parts.push(`Crash: ${crash.type} in ${crash.actor}: ${crash.message}`);
  for (const v of model.violations)
    if (v.boundary === cursor) parts.push(`Invariant ${v.invariant} broken: ${v.detail}`);
  return parts.join('. ');
}

/** Rows for the text alternative: steps [from, to), at most `limit` of them. */
export function stepRows(model: TimelineModel, from: number, to: number, limit: number): StepRow[] {
  const out: StepRow[] = [];
  const end = Math.min(to, model.steps.count, from + limit);
  for (let i = Math.max(0, from); i < end; i++) {
    const m = stepMark(model, i);
    const events = (model.steps.events[i] ?? []).map(describeEvent);
    const what = [m.label !== m.at ? m.label : '', ...events].filter((s) => s !== '').join('; ');
    out.push({
      step: i,
      actor: m.actor,
      timeMs: m.startMs,
      durationMs: m.durationMs,
      at: m.at,
      what,
    });
  }
  return out;
}

/** One paragraph summarising the whole run, for the figure's caption. */
export function summarise(model: TimelineModel): string {
  const n = model.steps.count;
  const shared = model.lanes
    .filter((l) => l.kind === 'state' || l.kind === 'dict' || l.kind === 'lock')
    .map((l) => l.label);
  const parts = [`${n} steps by ${model.actors.join(', ')}`];
  if (shared.length > 0) parts.push(`shared state: ${shared.join(', ')}`);
  const crash = model.crash;
  parts.push(
    crash
      ? `crash at step ${stepOfRecord(crash.step)}: ${crash.type} in ${crash.actor}`
      : 'no crash',
  );
  if (model.violations.length > 0)
    parts.push(`invariants broken: ${model.violations.map((v) => v.invariant).join(', ')}`);
  if (model.arrows.length > 0)
    parts.push(`${model.arrows.length} conflicting write and read pairs`);
  return `${parts.join('; ')}.`;
}

/** Short words for the cursor, for the slider's aria-valuetext. */
export function cursorValueText(model: TimelineModel, cursor: number): string {
  const n = model.steps.count;
  if (cursor <= 0 || n === 0) return `step 0 of ${n}, the start`;
  const i = Math.min(cursor, n) - 1;
  const m = stepMark(model, i);
  const crash = model.crashes.some((c) => c.step === i) ? ', crash' : '';
  return `step ${stepOfRecord(i)} of ${n}: ${m.actor}, ${m.at}${crash}`;
}
