/**
 * "Is my release affected?": for a version, the release row that answers it
 * and, per scenario, the outcomes the explorer reaches on that release's
 * code (from the cached reached.data.ts), what kind of failure they are,
 * and since and until which release that has been so. Pure: the command
 * line and the page both answer from here.
 */
import type { Result } from '../engine/index.ts';
import { isCrashKey } from '../explorer/outcomes.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import type { ScenarioDef, VariantId } from '../scenarios/types.ts';
import type { Reached, ScheduleAt } from './compute.ts';
import { reachKey, scenarioCode, type ScenarioCode } from './reach.ts';
import { REACHED } from './reached.data.ts';
import { RELEASES, type Release } from './releases.ts';
import { compareVersions, RELEASE_TAGS, resolveRelease } from './versions.ts';

export type Verdict = 'crashes' | 'loses' | 'hangs' | 'inconsistent' | 'clean';

export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  crashes: 'crashes',
  loses: 'loses messages or increments',
  hangs: 'hangs',
  inconsistent: 'breaks an invariant',
  clean: 'clean',
};

const LOSS = new Set(['violation:message-loss', 'violation:metrics-conservation']);
const HANG = new Set(['violation:paused-forever', 'violation:liveness']);

/** The words for a verdict: race A loses messages, race B loses (or double-counts) increments. */
export function verdictWords(v: Verdict, race: 'A' | 'B'): string {
  if (v !== 'loses') return VERDICT_WORDS[v];
  return race === 'A' ? 'loses messages' : 'loses or double-counts increments';
}

/** The kinds of failure a set of reached outcome keys amounts to, worst first; `clean` if none. */
export function verdictsOf(reachable: readonly string[]): Verdict[] {
  const out = new Set<Verdict>();
  for (const key of reachable) {
    if (key === 'ok') continue;
    if (isCrashKey(key)) out.add('crashes');
    else if (LOSS.has(key)) out.add('loses');
    else if (HANG.has(key)) out.add('hangs');
    else out.add('inconsistent');
  }
  const order: Verdict[] = ['crashes', 'loses', 'hangs', 'inconsistent'];
  const found = order.filter((v) => out.has(v));
  return found.length > 0 ? found : ['clean'];
}

export interface Counterexample extends ScheduleAt {
  readonly outcome: string;
  readonly variant: VariantId;
  readonly params: Readonly<Record<string, number>>;
}

export interface ScenarioAnswer {
  readonly def: ScenarioDef;
  readonly code: ScenarioCode;
  /** Outcome keys with a count above zero; empty when the code is absent; null when not modelled. */
  readonly reachable: readonly string[] | null;
  readonly verdicts: readonly Verdict[];
  /** The first and last release with the same answer, and the row where it changes (null: still so in the newest). */
  readonly since: string;
  readonly until: string;
  readonly changesIn: string | null;
  /** A release just before `since` whose code is not modelled, which is why the span starts there. */
  readonly gapBefore: string | null;
  /** The explorer's minimal counterexample on this release's code, a crash preferred. */
  readonly counterexample: Counterexample | null;
  readonly complete: boolean;
}

export interface AffectedAnswer {
  readonly version: string;
  readonly answeredAs: string | null;
  readonly release: Release;
  readonly scenarios: readonly ScenarioAnswer[];
}

function reachedFor(def: ScenarioDef, code: ScenarioCode): Reached | null {
  if (code.kind !== 'modelled') return null;
  const reached = REACHED[reachKey(def.id, code.variant, code.params)];
  if (!reached)
    throw new Error(
      `No cached exploration for ${def.id} on ${code.variant}: run npx tsx src/releases/generate.ts.`,
    );
  return reached;
}

function reachableOf(def: ScenarioDef, code: ScenarioCode): readonly string[] | null {
  if (code.kind === 'absent') return [];
  const reached = reachedFor(def, code);
  if (!reached) return null;
  return Object.keys(reached.byOutcome).filter((k) => (reached.byOutcome[k] ?? 0) > 0);
}

function signature(def: ScenarioDef, release: Release): string {
  const code = scenarioCode(release, def.id);
  return `${code.kind}:${JSON.stringify(reachableOf(def, code))}`;
}

/** The contiguous run of rows around `index` with the same answer, as versions. */
function span(
  def: ScenarioDef,
  index: number,
): Pick<ScenarioAnswer, 'since' | 'until' | 'changesIn' | 'gapBefore'> {
  const mine = signature(def, RELEASES[index] as Release);
  let first = index;
  while (first > 0 && signature(def, RELEASES[first - 1] as Release) === mine) first--;
  let last = index;
  while (last < RELEASES.length - 1 && signature(def, RELEASES[last + 1] as Release) === mine)
    last++;
  const next = RELEASES[last + 1];
  const until = next
    ? (RELEASE_TAGS.filter((t) => compareVersions(t, next.version) < 0).pop() ?? next.version)
    : (RELEASES[last] as Release).version;
  const before = RELEASES[first - 1];
  const gapBefore =
    before && scenarioCode(before, def.id).kind === 'not-modelled' ? before.version : null;
  return {
    since: (RELEASES[first] as Release).version,
    until,
    changesIn: next?.version ?? null,
    gapBefore,
  };
}

function counterexampleOf(def: ScenarioDef, code: ScenarioCode): Counterexample | null {
  const reached = reachedFor(def, code);
  if (!reached?.minimal || code.kind !== 'modelled') return null;
  const { outcome, schedule, preemptions, steps } = reached.minimal;
  return { outcome, schedule, preemptions, steps, variant: code.variant, params: code.params };
}

export function answerScenario(release: Release, def: ScenarioDef): ScenarioAnswer {
  const code = scenarioCode(release, def.id);
  const reachable = reachableOf(def, code);
  const index = RELEASES.indexOf(release);
  return {
    def,
    code,
    reachable,
    verdicts: reachable === null ? [] : verdictsOf(reachable),
    ...span(def, index),
    counterexample: counterexampleOf(def, code),
    complete: reachedFor(def, code)?.complete ?? true,
  };
}

export function affected(
  versionText: string,
  scenarios: readonly ScenarioDef[] = SCENARIOS,
): Result<AffectedAnswer> {
  const resolved = resolveRelease(versionText);
  if (!resolved.ok) return resolved;
  const { version, release, answeredAs } = resolved.value;
  return {
    ok: true,
    value: {
      version,
      answeredAs,
      release,
      scenarios: scenarios.map((def) => answerScenario(release, def)),
    },
  };
}

/** The sentence that says a version was answered by an older row. */
export function answeredAsSentence(a: Pick<AffectedAnswer, 'version' | 'answeredAs'>): string {
  return a.answeredAs === null
    ? ''
    : `${a.version} is answered as ${a.answeredAs}: no modelled code changed between them.`;
}

/** One sentence over all scenarios: how many crash, lose, hang, are clean, lack the code. */
export function summarySentence(a: AffectedAnswer): string {
  const count = (test: (s: ScenarioAnswer) => boolean): number => a.scenarios.filter(test).length;
  const has = (v: Verdict) => (s: ScenarioAnswer) =>
    s.code.kind === 'modelled' && s.verdicts.includes(v);
  const parts: [number, string, string][] = [
    [count(has('crashes')), 'crashes', 'crash'],
    [count(has('loses')), 'loses messages or increments', 'lose messages or increments'],
    [count(has('hangs')), 'hangs', 'hang'],
    [count(has('clean')), 'is clean', 'are clean'],
    [
      count((s) => s.code.kind === 'absent'),
      'does not exist in this release',
      'do not exist in this release',
    ],
    [count((s) => s.code.kind === 'not-modelled'), 'is not modelled', 'are not modelled'],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return `Of ${a.scenarios.length} scenarios on ${a.release.version}: ${said.join('; ')}.`;
}
