/**
 * What each release reaches, computed: for every release row and every
 * scenario of the catalogue whose code the release has, the explorer's
 * default exploration of the variant and parameters that stand for that
 * release's code (reach.ts). The generator (generate.ts) caches the result in
 * reached.data.ts at build time; the tests recompute it and compare.
 */
import { exploreScenario } from '../explorer/report.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { reachKey, scenarioCode } from './reach.ts';
import { RELEASES } from './releases.ts';

export interface ScheduleAt {
  readonly schedule: string;
  readonly preemptions: number;
  readonly steps: number;
}

/** One exploration as the release page needs it. */
export interface Reached {
  readonly complete: boolean;
  readonly schedules: number;
  readonly byOutcome: Readonly<Record<string, number>>;
  readonly minimal: (ScheduleAt & { readonly outcome: string }) | null;
  readonly minimalByOutcome: Readonly<Record<string, ScheduleAt>>;
}

export interface ReachRequest {
  readonly key: string;
  readonly scenario: string;
  readonly variant: string;
  readonly params: Readonly<Record<string, number>>;
}

/** The distinct explorations the release table needs, in a stable order. */
export function reachRequests(): ReachRequest[] {
  const out = new Map<string, ReachRequest>();
  for (const release of RELEASES) {
    for (const def of SCENARIOS) {
      const code = scenarioCode(release, def.id);
      if (code.kind !== 'modelled') continue;
      const key = reachKey(def.id, code.variant, code.params);
      if (!out.has(key))
        out.set(key, { key, scenario: def.id, variant: code.variant, params: code.params });
    }
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function computeReached(request: ReachRequest): Reached {
  const report = exploreScenario({
    scenario: request.scenario,
    variant: request.variant,
    params: request.params,
  });
  if (!report.ok) throw new Error(`${request.key}: ${report.error}`);
  const r = report.value;
  return {
    complete: r.complete,
    schedules: r.schedules,
    byOutcome: r.byOutcome,
    minimal: r.minimal,
    minimalByOutcome: r.minimalByOutcome,
  };
}

export function computeAll(): Record<string, Reached> {
  const out: Record<string, Reached> = {};
  for (const request of reachRequests()) out[request.key] = computeReached(request);
  return out;
}
