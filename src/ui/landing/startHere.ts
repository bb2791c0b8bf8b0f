/**
 * Where "Start here" on the landing page leads: each race at its crash, in one click.
 * The links name the simplest crashing schedule the explorer finds (one preemption for
 * the metrics race; the natural schedule already crashes the pause race) and the step
 * where the crash shows, so the lab opens with the crash on screen. startHere.test.ts
 * replays each link and fails if a change to a model moves or removes its crash.
 */
import { labLinkHash, type LabLink } from '../../routes/link.ts';

export interface Entry {
  readonly scenario: string;
  readonly schedule: string | null;
  readonly at: number;
  /** The exception the run ends in, shown beside the link. */
  readonly error: string;
}

export const METRICS_CRASH: Entry = {
  scenario: 'metrics-stuck-flush',
  schedule: 's1.1.xzh0vi.sEBlBA',
  at: 140,
  error: 'RuntimeError: dictionary changed size during iteration',
};

export const PAUSE_CRASH: Entry = {
  scenario: 'pause-rebalance-eager',
  schedule: null,
  at: 49,
  error: 'AssertionError',
};

/** The lab link of an entry: the scenario's defaults, the schedule and the crash step. */
export function entryHash(entry: Entry): string {
  const link: LabLink = {
    scenario: entry.scenario,
    variant: 'buggy',
    gil: 'py311',
    params: {},
    schedule: entry.schedule,
    step: entry.at,
  };
  return labLinkHash(link);
}
