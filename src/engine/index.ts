/**
 * The engine's public surface. Everything here is pure TypeScript: no DOM, no
 * wall clock, no unseeded randomness (enforced by the lint config). It runs in
 * Node, in the browser and in a Web Worker, and gives the same trace in each.
 */
export * from './types.ts';
export * from './events.ts';
export * from './assertUnreachable.ts';
export * from './listing.ts';
export * from './kernel.ts';
export { MAX_THREADS, MAX_MASKED_STEP_INVARIANTS } from './limits.ts';
export * from './plain.ts';
export * from './hash.ts';
export * from './random.ts';
export * from './schedule.ts';
export * from './run.ts';
export * from './outcome.ts';
export * from './trace.ts';
export type { Scheduler, SchedulerKind } from './scheduler/scheduler.ts';
export { naturalScheduler, naturalChoice } from './scheduler/natural.ts';
export { ManualScheduler } from './scheduler/manual.ts';
export { RandomScheduler } from './scheduler/random.ts';
export { PctScheduler } from './scheduler/pct.ts';
export { ReplayScheduler, LockstepScheduler } from './scheduler/replay.ts';
