/**
 * Small hand-written traces for the Fix lab's view tests: each step names its thread,
 * line and the buffer after it, the rest is filled in.
 */
import type {
  BufferSnapshot,
  RunReport,
  ScheduleTrace,
  ThreadName,
  TraceEvent,
  TraceStep,
} from '../../fixlab/protocol.ts';

export interface StepSketch {
  readonly thread: ThreadName;
  readonly line: number | null;
  readonly buffer: BufferSnapshot;
  readonly preempted?: boolean;
  readonly events?: readonly TraceEvent[];
}

export const CLEAN_REPORT: RunReport = {
  outcomes: ['ok'],
  crashes: [],
  conservation: [],
  deadlock: null,
  stepLimit: null,
  output: '',
  outputTruncated: false,
};

export function sketchTrace(
  sketches: readonly StepSketch[],
  report: Partial<RunReport> = {},
): ScheduleTrace {
  const steps: TraceStep[] = sketches.map((s, index) => ({
    index,
    thread: s.thread,
    preempted: s.preempted ?? false,
    line: s.line,
    harnessLine: s.line === null ? 1 : null,
    stack: [],
    timeS: index,
    what: `${s.thread} ran line ${s.line ?? '?'}`,
    events: s.events ?? [],
    buffer: s.buffer,
    locks: {},
  }));
  return {
    schedule: 'f1',
    steps,
    report: { ...CLEAN_REPORT, ...report },
    harnessSource: 'def main():\n    pass\n',
  };
}
