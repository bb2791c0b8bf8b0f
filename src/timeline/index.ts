/**
 * The timeline's public surface, without the component: building the model
 * and the words and exports drawn from it are free of React and d3 (except
 * the SVG and PNG exports' scales), so a page can build the model eagerly and
 * load the component lazily:
 *
 *   const Timeline = lazy(() => import('./timeline/Timeline.tsx'));
 *   const model = buildTimelineModel({ actors: program.actors, steps: run.records(0, run.length),
 *                                      crashes: run.last.crashes, violations: run.last.violations });
 *   <Timeline model={model} cursor={cursor} onSeek={setCursor} />
 *
 * `cursor` is a step boundary: the world after `cursor` steps (`run.worldAt(cursor)`).
 */
export {
  buildTimelineModel,
  laneMarks,
  stepMark,
  STEP_CRASH,
  STEP_EXCEPTION,
  STEP_OUTSIDE,
  type ActorLane,
  type ConflictArrow,
  type CrashInput,
  type CrashMark,
  type DictLane,
  type DictPoint,
  type IterSpan,
  type Lane,
  type LockHold,
  type LockLane,
  type OutsideLane,
  type OutsideMark,
  type StateInterval,
  type StateLane,
  type StateLaneSpec,
  type StepColumns,
  type StepMark,
  type TimelineInput,
  type TimelineModel,
  type ViolationInput,
  type ViolationMark,
  type XMode,
} from './model.ts';
export { intervalAt } from '../analysis/state-lanes.ts';
export { boundaryAtX, boundaryX, domainOf, stepAtX, stepEndX, stepStartX } from './xmap.ts';
export {
  cursorValueText,
  describeCursor,
  describeHit,
  describeStep,
  stepRows,
  summarise,
} from './details.ts';
export type { TimelineView } from './export-frame.ts';
export type { TimelineProps } from './Timeline.tsx';
export type { Hit } from './hit.ts';
export { timelineToSvg } from './svg.ts';
export { downloadBlob, renderTimelineCanvas, timelineToPngBlob } from './png.ts';
