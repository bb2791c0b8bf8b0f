/**
 * Building and writing one side of a collision: the step a thread took, the
 * line of the model listing it ran, and what it did in words.
 */
import { resolveAt, type SimEvent, type StepRecord } from '../engine/index.ts';
import { stepOfRecord, stepWords } from './steps.ts';
import type { CodeRef, CollisionInput, CollisionSide } from './types.ts';

export function codeOf(input: CollisionInput, record: StepRecord): CodeRef | null {
  try {
    const line = resolveAt(input.program.listings, record.at);
    return { listing: line.listing, line: line.line, text: line.text, fn: line.fn };
  } catch {
    return null;
  }
}

/** The side for the step recorded at `index`, with `action` in words. */
export function sideAt(input: CollisionInput, index: number, action: string): CollisionSide | null {
  const record = input.records[index];
  if (!record) return null;
  return { actor: record.actor, step: stepOfRecord(index), code: codeOf(input, record), action };
}

/** "flush line 28", or "line 28" at module level. */
export function lineWords(code: CodeRef | null): string {
  if (!code) return 'an unknown line';
  return code.fn === '' || code.fn === '<module>'
    ? `line ${code.line}`
    : `${code.fn} line ${code.line}`;
}

/** "stuck asks the counters iterator for its next item, flush line 28, step 140". */
export function describeSide(side: CollisionSide): string {
  return `${side.action}, ${lineWords(side.code)}, ${stepWords(side.step)}`;
}

/** Events of one kind in the record at `index`. */
export function eventsOf<K extends SimEvent['kind']>(
  input: CollisionInput,
  index: number,
  kind: K,
): Extract<SimEvent, { kind: K }>[] {
  const record = input.records[index];
  if (!record) return [];
  return record.events.filter((e): e is Extract<SimEvent, { kind: K }> => e.kind === kind);
}

/** The last record index in [from, to) whose events satisfy `test`, or -1. */
export function lastIndex(
  input: CollisionInput,
  from: number,
  to: number,
  test: (e: SimEvent, record: StepRecord) => boolean,
): number {
  for (let i = Math.min(to, input.records.length) - 1; i >= Math.max(0, from); i--) {
    const r = input.records[i] as StepRecord;
    if (r.events.some((e) => test(e, r))) return i;
  }
  return -1;
}

/** The first record index in [from, to) whose events satisfy `test`, or -1. */
export function firstIndexOf(
  input: CollisionInput,
  from: number,
  to: number,
  test: (e: SimEvent, record: StepRecord) => boolean,
): number {
  for (let i = Math.max(0, from); i < Math.min(to, input.records.length); i++) {
    const r = input.records[i] as StepRecord;
    if (r.events.some((e) => test(e, r))) return i;
  }
  return -1;
}

/** "[P0, P1]" */
export function partitionsWords(partitions: readonly string[]): string {
  return `[${partitions.join(', ')}]`;
}

/**
 * The collision in one sentence for the live region, at the steps where it matters
 * (the outcome's and each side's), or null elsewhere.
 */
export function whyWords(
  c: {
    readonly outcomeStep: number;
    readonly roles: { readonly victim: string; readonly culprit: string };
    readonly victim: CollisionSide;
    readonly culprit: CollisionSide;
  },
  step: number,
): string | null {
  if (step !== c.outcomeStep && step !== c.victim.step && step !== c.culprit.step) return null;
  return `Why: ${c.roles.culprit}: ${describeSide(c.culprit)}. ${c.roles.victim}: ${describeSide(c.victim)}.`;
}
