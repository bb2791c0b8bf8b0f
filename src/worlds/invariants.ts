/**
 * Every world's invariant ids, in the order the catalogue lists them (the
 * scenarios command, the tour schema). Each world declares its own ids beside
 * its invariants; importing those modules here makes the list complete, and the
 * record below fails to compile if an id is missing or unknown.
 */
import type { InvariantId } from '../engine/index.ts';
import './metrics/invariant.ts';
import './pause/invariants.ts';

export type { InvariantId };

/** Every declared id, each once (a Record must name them all), in catalogue order. */
const LISTED: Readonly<Record<InvariantId, true>> = {
  'flag-consistency': true,
  'message-loss': true,
  duplicate: true,
  'paused-forever': true,
  'carried-message': true,
  'metrics-conservation': true,
  liveness: true,
};

export const INVARIANT_IDS: readonly InvariantId[] = Object.keys(LISTED) as InvariantId[];
