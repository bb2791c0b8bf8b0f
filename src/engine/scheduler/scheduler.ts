/**
 * The scheduler is a swappable strategy (after Shuttle's scheduler/mod.rs): given the world and the threads that may step, it picks one. Every
 * strategy is deterministic for a given seed; replay is just another strategy.
 */
import type { Program, World } from '../types.ts';

export type SchedulerKind = 'natural' | 'manual' | 'random' | 'pct' | 'replay';

export interface Scheduler {
  readonly kind: SchedulerKind;
  /** Picks one of `enabled` (never empty); returns a thread index. */
  choose<S>(program: Program<S>, world: World<S>, enabled: readonly number[]): number;
}
