/**
 * How a scenario's origin is named everywhere it appears, in plain words. A production
 * crash and a hypothetical case must never be confused.
 */
import type { Provenance } from '../../scenarios/index.ts';

export const PROVENANCE_BADGES: Readonly<Record<Provenance['kind'], string>> = {
  production: 'Production crash',
  'what-if': 'Hypothetical',
  'seed-scenario': 'From the bug report',
};

/** What each badge means, for its tooltip. */
export const PROVENANCE_HELP: Readonly<Record<Provenance['kind'], string>> = {
  production: 'This interleaving crashed real consumers in production.',
  'what-if':
    'A case someone proposed that the real code cannot reach; kept to show why the story does not hold.',
  'seed-scenario': 'A case from the original bug report, run on the real components.',
};

export const RACE_NAMES: Readonly<Record<'A' | 'B', string>> = {
  A: 'The pause race',
  B: 'The metrics race',
};
