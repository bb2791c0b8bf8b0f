/**
 * Default exploration bounds per scenario, chosen so that the default
 * exploration of every variant is complete and quick (the README's
 * performance budgets: metrics-stuck-flush within 1 s, pause-rebalance-eager within 5 s), in every
 * switch mode. Raising the bound is always allowed; the result then says
 * whether it finished.
 *
 * Measured (CPU time per variant, on the 2-core build machine): the pause scenarios
 * have at most ~1,100 distinct states even unbounded, so they are explored
 * completely (every schedule, no preemption bound): 0.05-0.35 s for
 * pause-rebalance-eager, up to ~2.2 s for pause-external-resume's correct
 * variant. metrics-stuck-flush grows ~20x per extra preemption (py311 buggy:
 * 100 states at 1, 2,229 at 2, 48,478 at 3); 2 preemptions already reach
 * every outcome docs/scenarios.md lists (RuntimeError in `stuck` and in `main`,
 * lost and double-counted increments) in 0.2-0.6 s.
 */

export interface Bounds {
  /** Most deviations from the natural schedule; Infinity explores every schedule. */
  readonly preemptions: number;
  /** Most distinct states before the search stops incomplete. */
  readonly maxStates: number;
}

export const FALLBACK_BOUNDS: Bounds = { preemptions: 2, maxStates: 2_000_000 };

const BY_SCENARIO: Readonly<Record<string, Partial<Bounds>>> = {
  'metrics-stuck-flush': { preemptions: 2 },
  'pause-rebalance-eager': { preemptions: Infinity },
  'pause-rebalance-cooperative': { preemptions: Infinity },
  'pause-revoke-cooperative': { preemptions: Infinity },
  'pause-external-resume': { preemptions: Infinity },
  'pause-ready-to-continue': { preemptions: Infinity },
  'pause-invalid-message-stuck': { preemptions: Infinity },
};

export function defaultBounds(scenarioId: string): Bounds {
  return { ...FALLBACK_BOUNDS, ...BY_SCENARIO[scenarioId] };
}
