/**
 * Values derived from a run that are expensive enough to cache: the world at a step
 * (a checkpoint replayed forward) and the step records (a replay with events and
 * narration). Runs change in place, so the caches are keyed by the run object and the
 * store's `epoch`: the store bumps it whenever recorded steps may have changed (a new
 * run, a fork). Appending steps keeps the epoch, because it changes no recorded step:
 * the record cache then only replays the new steps. Cached values are returned as the
 * same object while nothing changed, which keeps zustand selectors stable.
 */
import type { Run, StepRecord, World } from '../engine/index.ts';

interface WorldCache {
  epoch: number;
  entries: Map<number, World<unknown>>;
}

const WORLD_CACHE_SIZE = 8;
const worlds = new WeakMap<Run<unknown>, WorldCache>();

/** The world after `step` steps; shared, so never mutate it. */
export function worldAt(run: Run<unknown>, epoch: number, step: number): World<unknown> {
  let cache = worlds.get(run);
  if (!cache || cache.epoch !== epoch) {
    cache = { epoch, entries: new Map() };
    worlds.set(run, cache);
  }
  const hit = cache.entries.get(step);
  if (hit) {
    // Refresh its place in the insertion order (the least recently used goes first).
    cache.entries.delete(step);
    cache.entries.set(step, hit);
    return hit;
  }
  const world = run.worldAt(Math.max(0, Math.min(step, run.length)));
  cache.entries.set(step, world);
  if (cache.entries.size > WORLD_CACHE_SIZE) {
    const oldest = cache.entries.keys().next().value as number;
    cache.entries.delete(oldest);
  }
  return world;
}

interface RecordCache {
  epoch: number;
  records: readonly StepRecord[];
}

const records = new WeakMap<Run<unknown>, RecordCache>();
const NO_RECORDS: readonly StepRecord[] = Object.freeze([]);

/** Every step record of the run (events and narration), replaying only what is new. */
export function allRecords(run: Run<unknown> | null, epoch: number): readonly StepRecord[] {
  if (!run) return NO_RECORDS;
  const hit = records.get(run);
  if (hit && hit.epoch === epoch && hit.records.length === run.length) return hit.records;
  const kept = hit && hit.epoch === epoch && hit.records.length < run.length ? hit.records : [];
  const built = [...kept, ...run.records(kept.length, run.length)];
  records.set(run, { epoch, records: built });
  return built;
}

/** The record of step `index` (0-based), or null outside the history. */
export function recordAt(
  run: Run<unknown> | null,
  epoch: number,
  index: number,
): StepRecord | null {
  if (!run || index < 0 || index >= run.length) return null;
  return allRecords(run, epoch)[index] ?? null;
}
