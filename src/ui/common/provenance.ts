/**
 * How a scenario's origin is named everywhere it appears. A production crash and a
 * what-if from the seed narrative must never be confused (scenarios.md).
 */
import type { Provenance } from '../../scenarios/index.ts';

export const PROVENANCE_BADGES: Readonly<Record<Provenance['kind'], string>> = {
  production: 'Production crash',
  'what-if': 'What-if',
  'seed-scenario': 'Seed scenario',
};

export const RACE_NAMES: Readonly<Record<'A' | 'B', string>> = {
  A: 'The pause race',
  B: 'The metrics race',
};
