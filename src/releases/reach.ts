/**
 * Which modelled code a release runs in each scenario: the variant (and any
 * parameter that stands for release-specific code), or that the scenario's
 * code does not exist in that release (it then reaches nothing), or that the
 * release's code is not modelled. Derived from the release table only; what
 * the code then reaches is the explorer's business (reached.data.ts).
 */
import type { VariantId } from '../scenarios/types.ts';
import type { Release } from './releases.ts';

export type ScenarioCode =
  | {
      readonly kind: 'modelled';
      readonly variant: VariantId;
      /** Parameters that stand for this release's code (the rest keep their defaults). */
      readonly params: Readonly<Record<string, number>>;
      /** The configuration the scenario presupposes, when it is not arroyo's default. */
      readonly needs: string | null;
      readonly note: string | null;
    }
  | { readonly kind: 'absent'; readonly reason: string }
  | { readonly kind: 'not-modelled'; readonly reason: string }
  | { readonly kind: 'unmapped' };

const COOPERATIVE = new Set(['pause-rebalance-cooperative', 'pause-revoke-cooperative']);
const PAUSED_BRANCH = new Set([
  'pause-rebalance-eager',
  'pause-external-resume',
  'pause-ready-to-continue',
  'pause-invalid-message-stuck',
  ...COOPERATIVE,
]);

export function scenarioCode(release: Release, scenarioId: string): ScenarioCode {
  const code = release.code;
  if (scenarioId === 'metrics-stuck-flush') {
    if (code.stuckDetector === null)
      return {
        kind: 'absent',
        reason: `${release.version} has no stuck detector (it arrived in 2.34.0), so nothing but the main thread touches the MetricsBuffer.`,
      };
    return {
      kind: 'modelled',
      variant: code.stuckDetector,
      params: {},
      needs: 'stuck_detector_timeout set (the detector is off by default)',
      note: null,
    };
  }
  if (!PAUSED_BRANCH.has(scenarioId)) return { kind: 'unmapped' };
  if (COOPERATIVE.has(scenarioId) && code.incrementalWith === null)
    return {
      kind: 'absent',
      reason: `${release.version} supports only the eager protocol: there is no incremental rebalance.`,
    };
  const branch = code.pausedBranch;
  if (branch.variant === null) return { kind: 'not-modelled', reason: branch.reason };
  const params: Record<string, number> =
    scenarioId === 'pause-invalid-message-stuck'
      ? { resumeOnInvalid: code.invalidMessageResumes ? 1 : 0 }
      : {};
  return {
    kind: 'modelled',
    variant: branch.variant,
    params,
    needs: COOPERATIVE.has(scenarioId) ? code.incrementalWith : null,
    note: branch.note,
  };
}

/** The key a computed exploration is cached under: scenario, variant and the parameters that differ. */
export function reachKey(
  scenario: string,
  variant: VariantId,
  params: Readonly<Record<string, number>>,
): string {
  const named = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join(',');
  return `${scenario}|${variant}|${named}`;
}
