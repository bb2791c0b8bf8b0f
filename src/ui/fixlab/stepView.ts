/**
 * What the step-through shows at one step of a recorded schedule, derived from the
 * trace alone: where each thread is, which of the buffer's dicts the step changed.
 * Pure functions of the trace, tested without a browser.
 */
import type { RunReport, ScheduleTrace, ThreadName, TraceStep } from '../../fixlab/protocol.ts';

export interface ThreadPlace {
  readonly thread: ThreadName;
  /** The step this thread ran last, at or before the shown step; null if it has not run. */
  readonly step: number | null;
  /** Its line in the user's code then; null when it was in the harness or has not run. */
  readonly line: number | null;
  readonly harnessLine: number | null;
  readonly ended: boolean;
  /** The exception it died of, when it raised at or before the shown step. */
  readonly raised: string | null;
  /** It ran the shown step. */
  readonly running: boolean;
}

/** The threads that appear in a trace, main and stuck first. */
export function traceThreads(trace: ScheduleTrace): ThreadName[] {
  const seen = new Set<ThreadName>(['main', 'stuck']);
  for (const step of trace.steps) seen.add(step.thread);
  return [...seen];
}

export function threadPlaces(trace: ScheduleTrace, at: number): ThreadPlace[] {
  return traceThreads(trace).map((thread) => {
    const place = placeOf(trace.steps, thread, at);
    // A step starts at a statement; the exception can come from a later line of it
    // (a loop's next iteration, say), which the traceback names.
    const raisedAt = place.raised === null ? null : crashLine(trace.report, thread);
    return raisedAt === null ? place : { ...place, line: raisedAt };
  });
}

/** The line of the person's code where a thread's exception was raised, if it was there. */
export function crashLine(report: RunReport, thread: ThreadName): number | null {
  const crash = report.crashes.find((c) => c.thread === thread);
  const frames = crash?.traceback.filter((f) => f.file === 'user') ?? [];
  return frames.at(-1)?.line ?? null;
}

function placeOf(steps: readonly TraceStep[], thread: ThreadName, at: number): ThreadPlace {
  let last: TraceStep | null = null;
  let ended = false;
  let raised: string | null = null;
  for (let i = 0; i <= at && i < steps.length; i++) {
    const step = steps[i] as TraceStep;
    if (step.thread !== thread) continue;
    last = step;
    for (const event of step.events) {
      if (event.kind === 'end') ended = true;
      if (event.kind === 'raise') {
        raised = event.type;
        ended = true;
      }
    }
  }
  return {
    thread,
    step: last?.index ?? null,
    line: last?.line ?? null,
    harnessLine: last?.harnessLine ?? null,
    ended,
    raised,
    running: last !== null && last.index === at,
  };
}

/** The names of the buffer's dicts whose contents differ between two steps. */
export function changedDicts(before: TraceStep | undefined, after: TraceStep): string[] {
  const names = new Set([...Object.keys(before?.buffer ?? {}), ...Object.keys(after.buffer)]);
  return [...names].filter(
    (name) =>
      JSON.stringify(before?.buffer[name] ?? {}) !== JSON.stringify(after.buffer[name] ?? {}),
  );
}

/** The keys of one dict that the step added, removed or changed. */
export function changedKeys(
  before: TraceStep | undefined,
  after: TraceStep,
  dict: string,
): Set<string> {
  const old = before?.buffer[dict] ?? {};
  const now = after.buffer[dict] ?? {};
  const keys = new Set([...Object.keys(old), ...Object.keys(now)]);
  return new Set([...keys].filter((k) => old[k] !== now[k]));
}
