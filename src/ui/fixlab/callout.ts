/**
 * The collision callout: the two sides of a counterexample, named by thread, step and
 * line. For a crash, the victim is the step that raised and the other side is the last
 * step of another thread that changed one of the buffer's dicts before it. For lost or
 * double-counted increments, the victim is the thread switched out at a preemption, the
 * other side the first change another thread made to a dict before the victim ran
 * again, and the victim's step the first one afterwards that touched the same dict.
 * A deadlock names who waits for which lock held by whom; a runaway, where it ran.
 */
import type { ScheduleTrace, ThreadName, TraceStep } from '../../fixlab/protocol.ts';
import { changedDicts, crashLine } from './stepView.ts';

export interface CalloutSide {
  readonly thread: ThreadName;
  /** 0-based step index in the trace. */
  readonly step: number;
  readonly line: number | null;
  /** What this side did, in a few words. */
  readonly did: string;
}

export interface Callout {
  readonly kind: 'crash' | 'conservation' | 'deadlock' | 'step-limit' | 'none';
  readonly headline: string;
  readonly victim: CalloutSide | null;
  readonly other: CalloutSide | null;
}

export function explain(trace: ScheduleTrace): Callout {
  const { report, steps } = trace;
  if (report.deadlock !== null) return deadlockCallout(trace);
  const raising = steps.find((s) => s.events.some((e) => e.kind === 'raise'));
  if (raising) return crashCallout(trace, raising);
  if (report.conservation.length > 0) return conservationCallout(trace);
  if (report.stepLimit !== null) {
    const last = steps.at(-1);
    const { thread, line, limit } = report.stepLimit;
    return {
      kind: 'step-limit',
      headline: `${thread} passed ${limit.toLocaleString('en-US')} switch points without ending.`,
      victim: last ? { thread, step: last.index, line, did: 'was still running here' } : null,
      other: null,
    };
  }
  return { kind: 'none', headline: 'This schedule ends cleanly.', victim: null, other: null };
}

function crashCallout(trace: ScheduleTrace, raising: TraceStep): Callout {
  const { steps } = trace;
  const raise = raising.events.find((e) => e.kind === 'raise');
  const type = raise?.kind === 'raise' ? raise.type : 'an exception';
  const victim: CalloutSide = {
    thread: raising.thread,
    step: raising.index,
    line: crashLine(trace.report, raising.thread) ?? raising.line,
    did: `raised ${type}`,
  };
  const other = lastChangeBefore(steps, raising.index, raising.thread);
  const headline =
    other === null
      ? `${raising.thread} raised ${type}.`
      : `${raising.thread} raised ${type} after ${other.side.thread} changed ${other.dicts.join(', ')}.`;
  return { kind: 'crash', headline, victim, other: other?.side ?? null };
}

function conservationCallout(trace: ScheduleTrace): Callout {
  const { steps, report } = trace;
  const lost = report.conservation.map(
    (d) => `${d.key} ${d.diff < 0 ? `lost ${-d.diff}` : `counted ${d.diff} twice`}`,
  );
  const headline = `Increments do not add up: ${lost.join('; ')}.`;
  for (const switched of steps.filter((s) => s.preempted && s.index > 0)) {
    const victimThread = (steps[switched.index - 1] as TraceStep).thread;
    const change = firstChangeFrom(steps, switched.index, victimThread);
    if (change === null) continue;
    const back = steps.find(
      (s) =>
        s.index > change.side.step &&
        s.thread === victimThread &&
        changedDicts(steps[s.index - 1], s).some((d) => change.dicts.includes(d)),
    );
    const resumed =
      back ?? steps.find((s) => s.index > change.side.step && s.thread === victimThread);
    if (!resumed) continue;
    return {
      kind: 'conservation',
      headline,
      victim: {
        thread: victimThread,
        step: resumed.index,
        line: resumed.line,
        did: `went on with ${change.dicts.join(', ')} as it was before the switch`,
      },
      other: change.side,
    };
  }
  return { kind: 'conservation', headline, victim: null, other: null };
}

function deadlockCallout(trace: ScheduleTrace): Callout {
  const waiting = trace.report.deadlock?.waiting ?? [];
  const sides = waiting.map((w): CalloutSide => {
    const last = [...trace.steps].reverse().find((s) => s.thread === w.thread);
    const holder = w.heldBy === null ? 'held by nobody' : `held by ${w.heldBy}`;
    return {
      thread: w.thread,
      step: last?.index ?? 0,
      line: w.line,
      did: `waits for ${w.lock}, ${holder}${w.holderEnded ? ' (which has ended)' : ''}`,
    };
  });
  const headline =
    sides.length === 0
      ? 'No thread can go on.'
      : `No thread can go on: ${sides.map((s) => `${s.thread} ${s.did}`).join('; ')}.`;
  return { kind: 'deadlock', headline, victim: sides[0] ?? null, other: sides[1] ?? null };
}

interface Change {
  readonly side: CalloutSide;
  readonly dicts: readonly string[];
}

function changeAt(steps: readonly TraceStep[], step: TraceStep): Change | null {
  const dicts = changedDicts(steps[step.index - 1], step);
  if (dicts.length === 0) return null;
  return {
    dicts,
    side: {
      thread: step.thread,
      step: step.index,
      line: step.line,
      did: `changed ${dicts.join(', ')}`,
    },
  };
}

function lastChangeBefore(
  steps: readonly TraceStep[],
  before: number,
  not: ThreadName,
): Change | null {
  for (let i = before - 1; i >= 0; i--) {
    const step = steps[i] as TraceStep;
    if (step.thread === not) continue;
    const change = changeAt(steps, step);
    if (change) return change;
  }
  return null;
}

/** The first dict change by a thread other than `not`, from `from` until `not` runs again. */
function firstChangeFrom(
  steps: readonly TraceStep[],
  from: number,
  not: ThreadName,
): Change | null {
  for (let i = from; i < steps.length; i++) {
    const step = steps[i] as TraceStep;
    if (step.thread === not) return null;
    const change = changeAt(steps, step);
    if (change) return change;
  }
  return null;
}
