/**
 * The timeline's data: a pure function from a run's step records (and its
 * crashes and violations) to lanes of marks, with no DOM, no d3 and no
 * drawing (timeline math apart from drawing, as d3-zoom and Perfetto do). It runs in Node
 * and is what the canvas renderer, the SVG export, the hit test and the text
 * alternative all read.
 *
 * Steps are kept as columns (typed arrays), not objects, so a 100,000-step run
 * costs a few megabytes and the renderer can binary-search them. Lanes are
 * derived generically from the event kinds of `src/engine/events.ts`: one lane
 * per actor, one lane of outside events (rebalance, produce), one lane per
 * `state` path, per `dict` and per `lock`; see `state-lanes.ts`,
 * `dict-lanes.ts` and `arrows.ts` for how each is read.
 *
 * Two x-axes: 'step' (x = step index; the default, because many steps take no
 * virtual time and would collapse on a time axis) and 'time' (x = virtual
 * milliseconds). A cursor `c` is a step boundary: the world after `c` steps,
 * as `run.worldAt(c)` gives it, drawn at x = c in step mode and at the virtual
 * time after step c - 1 in time mode.
 */
import type { ActorId, SimEvent, StepRecord } from '../engine/index.ts';
import { buildArrows, type ConflictArrow } from '../analysis/arrows.ts';
import {
  buildDictLanes,
  buildLockLanes,
  type DictLane,
  type LockLane,
} from '../analysis/dict-lanes.ts';
import { buildStateLanes, type StateLane, type StateLaneSpec } from '../analysis/state-lanes.ts';

export type { ConflictArrow } from '../analysis/arrows.ts';
export type { DictLane, DictPoint, IterSpan, LockHold, LockLane } from '../analysis/dict-lanes.ts';
export type { StateInterval, StateLane, StateLaneSpec } from '../analysis/state-lanes.ts';

export type XMode = 'step' | 'time';

/** Bits of `StepColumns.flags`. */
export const STEP_EXCEPTION = 1;
export const STEP_CRASH = 2;
export const STEP_OUTSIDE = 4;

export interface TimelineInput {
  /** Actor ids in lane order (Program.actors). */
  readonly actors: readonly ActorId[];
  readonly actorLabels?: Readonly<Record<ActorId, string>>;
  /** Every step of the run from step 0, as `run.records(0, run.length)` returns them. */
  readonly steps: readonly StepRecord[];
  /** `world.crashes`; when absent, read from uncaught `exception` events. `step` is the index of the step that raised. */
  readonly crashes?: readonly CrashInput[];
  /** `world.violations`; when absent, read from `violation` events. `step` is the number of steps taken when detected. */
  readonly violations?: readonly ViolationInput[];
  /** Order and labels of the shared-state lanes; paths not named here follow in order of appearance. */
  readonly stateLanes?: readonly StateLaneSpec[];
}

export interface CrashInput {
  readonly type: string;
  readonly message?: string;
  readonly actor: ActorId;
  readonly step: number;
}

export interface ViolationInput {
  readonly invariant: string;
  readonly detail?: string;
  readonly step: number;
}

/** Per-step columns, indexed by step. */
export interface StepColumns {
  readonly count: number;
  /** Index into `TimelineModel.actors`, or -1 for an actor not in the list. */
  readonly actor: Int32Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  readonly flags: Uint8Array;
  readonly at: readonly string[];
  readonly narration: readonly string[];
  readonly events: readonly (readonly SimEvent[])[];
}

export interface ActorLane {
  readonly kind: 'actor';
  readonly id: string;
  readonly label: string;
  readonly actor: ActorId;
  readonly actorIndex: number;
  /** Steps this actor took, ascending. */
  readonly steps: Int32Array;
  /** Steps of this actor that raised an exception (caught or not), ascending. */
  readonly exceptions: Int32Array;
}

export interface OutsideMark {
  readonly step: number;
  readonly actor: ActorId;
  readonly label: string;
  readonly event: Extract<SimEvent, { kind: 'rebalance' | 'produce' }>;
}

export interface OutsideLane {
  readonly kind: 'outside';
  readonly id: 'outside';
  readonly label: string;
  readonly marks: readonly OutsideMark[];
}

export type Lane = ActorLane | OutsideLane | StateLane | DictLane | LockLane;

export interface CrashMark {
  readonly step: number;
  readonly actor: ActorId;
  readonly type: string;
  readonly message: string;
}

export interface ViolationMark {
  /** Steps taken when the invariant was found broken (a boundary, like the cursor). */
  readonly boundary: number;
  readonly invariant: string;
  readonly detail: string;
}

export interface TimelineModel {
  readonly actors: readonly ActorId[];
  readonly steps: StepColumns;
  /** Virtual time after `c` steps, for c in [0, count]. */
  readonly boundaryMs: Float64Array;
  readonly lanes: readonly Lane[];
  readonly crashes: readonly CrashMark[];
  /** The first crash, or null. */
  readonly crash: CrashMark | null;
  readonly violations: readonly ViolationMark[];
  /** Conflicting write -> read pairs on shared state, ascending by `toStep`. */
  readonly arrows: readonly ConflictArrow[];
  /** The largest `toStep - fromStep` of any arrow (bounds the visible-arrow search). */
  readonly maxArrowSpan: number;
}

/** A step as an object, for details, tests and the text alternative. */
export interface StepMark {
  readonly step: number;
  readonly actor: ActorId;
  readonly startMs: number;
  readonly durationMs: number;
  readonly at: string;
  readonly label: string;
}

export function buildTimelineModel(input: TimelineInput): TimelineModel {
  const steps = buildColumns(input);
  const boundaryMs = new Float64Array(steps.count + 1);
  for (let i = 0; i < steps.count; i++) boundaryMs[i + 1] = steps.endMs[i] as number;
  const crashes = crashMarks(input);
  for (const c of crashes) {
    if (c.step >= 0 && c.step < steps.count)
      steps.flags[c.step] = (steps.flags[c.step] as number) | STEP_CRASH;
  }
  const stateLanes = buildStateLanes(input.steps, input.stateLanes ?? []);
  const dictLanes = buildDictLanes(input.steps);
  const arrows = buildArrows(stateLanes, dictLanes, crashes);
  const lanes: Lane[] = [
    ...actorLanes(input, steps),
    ...outsideLanes(input.steps),
    ...stateLanes,
    ...dictLanes,
    ...buildLockLanes(input.steps),
  ];
  let maxArrowSpan = 0;
  for (const a of arrows) maxArrowSpan = Math.max(maxArrowSpan, a.toStep - a.fromStep);
  return {
    actors: input.actors,
    steps,
    boundaryMs,
    lanes,
    crashes,
    crash: crashes[0] ?? null,
    violations: violationMarks(input),
    arrows,
    maxArrowSpan,
  };
}

function buildColumns(input: TimelineInput): StepColumns & { readonly flags: Uint8Array } {
  const n = input.steps.length;
  const actorIndex = new Map(input.actors.map((a, i) => [a, i]));
  const actor = new Int32Array(n);
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const flags = new Uint8Array(n);
  const at: string[] = new Array<string>(n);
  const narration: string[] = new Array<string>(n);
  const events: (readonly SimEvent[])[] = new Array<readonly SimEvent[]>(n);
  for (let i = 0; i < n; i++) {
    const r = input.steps[i] as StepRecord;
    if (r.step !== i)
      throw new Error(
        `timeline: step records must be the whole run from step 0 (record ${i} is step ${r.step})`,
      );
    actor[i] = actorIndex.get(r.actor) ?? -1;
    startMs[i] = r.timeMs;
    endMs[i] = r.timeMs + r.durationMs;
    at[i] = r.at;
    narration[i] = r.narration;
    events[i] = r.events;
    let f = 0;
    for (const e of r.events) {
      if (e.kind === 'exception') f |= STEP_EXCEPTION;
      if (e.kind === 'rebalance' || e.kind === 'produce') f |= STEP_OUTSIDE;
    }
    flags[i] = f;
  }
  return { count: n, actor, startMs, endMs, flags, at, narration, events };
}

function actorLanes(input: TimelineInput, steps: StepColumns): ActorLane[] {
  return input.actors.map((a, k) => {
    const mine: number[] = [];
    const raised: number[] = [];
    for (let i = 0; i < steps.count; i++) {
      if (steps.actor[i] !== k) continue;
      mine.push(i);
      if (((steps.flags[i] as number) & STEP_EXCEPTION) !== 0) raised.push(i);
    }
    return {
      kind: 'actor',
      id: `actor:${a}`,
      label: input.actorLabels?.[a] ?? a,
      actor: a,
      actorIndex: k,
      steps: Int32Array.from(mine),
      exceptions: Int32Array.from(raised),
    };
  });
}

function outsideLanes(records: readonly StepRecord[]): OutsideLane[] {
  const marks: OutsideMark[] = [];
  for (const r of records) {
    for (const e of r.events) {
      if (e.kind === 'rebalance') {
        const parts = e.partitions.length > 0 ? ` ${e.partitions.join(', ')}` : '';
        marks.push({ step: r.step, actor: r.actor, label: `${e.phase}${parts}`, event: e });
      } else if (e.kind === 'produce') {
        marks.push({
          step: r.step,
          actor: r.actor,
          label: `produce ${e.partition}@${e.offset}`,
          event: e,
        });
      }
    }
  }
  return marks.length === 0
    ? []
    : [{ kind: 'outside', id: 'outside', label: 'outside events', marks }];
}

function crashMarks(input: TimelineInput): CrashMark[] {
  if (input.crashes) {
    return input.crashes.map((c) => ({
      step: c.step,
      actor: c.actor,
      type: c.type,
      message: c.message ?? '',
    }));
  }
  const out: CrashMark[] = [];
  for (const r of input.steps) {
    for (const e of r.events) {
      if (e.kind === 'exception' && !e.caught)
        out.push({ step: r.step, actor: e.actor, type: e.type, message: e.message });
    }
  }
  return out;
}

function violationMarks(input: TimelineInput): ViolationMark[] {
  if (input.violations) {
    return input.violations.map((v) => ({
      boundary: v.step,
      invariant: v.invariant,
      detail: v.detail ?? '',
    }));
  }
  const out: ViolationMark[] = [];
  for (const r of input.steps) {
    for (const e of r.events) {
      if (e.kind === 'violation')
        out.push({ boundary: r.step + 1, invariant: e.invariant, detail: e.detail });
    }
  }
  return out;
}

/** Step `i` as an object. */
export function stepMark(model: TimelineModel, i: number): StepMark {
  const s = model.steps;
  const start = s.startMs[i] as number;
  return {
    step: i,
    actor: model.actors[s.actor[i] as number] ?? '?',
    startMs: start,
    durationMs: (s.endMs[i] as number) - start,
    at: s.at[i] ?? '',
    label: s.narration[i] || s.at[i] || '',
  };
}

/** The marks of one actor lane, as objects (for tests and details; the renderer reads columns). */
export function laneMarks(model: TimelineModel, lane: ActorLane): StepMark[] {
  return Array.from(lane.steps, (i) => stepMark(model, i));
}
