/**
 * What a scenario is: an initial world and its parameters, built for one
 * implementation variant and one thread-switch mode, plus where it comes from.
 * The catalogue and the expected outcomes are in docs/scenarios.md.
 */
import type { SwitchMode, Program } from '../engine/index.ts';
import type { VariantId } from '../worlds/variants.ts';

export { VARIANT_IDS, type VariantId } from '../worlds/variants.ts';

export const VARIANT_LABELS: Readonly<Record<VariantId, string>> = {
  buggy: 'Buggy (as shipped)',
  'seed-fix': "The first write-up's fix",
  upstream: "arroyo's real fix",
  correct: 'A correct fix',
};

export interface ParamSpec {
  readonly id: string;
  readonly label: string;
  /** Unit shown after the value: 'ms', 'messages', ... */
  readonly unit: string;
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
  readonly description: string;
}

export type Params = Readonly<Record<string, number>>;

export interface Provenance {
  /** A real production crash, or a what-if from an incident write-up: never mix the two up. */
  readonly kind: 'production' | 'what-if' | 'seed-scenario';
  /** One sentence, shown beside the scenario everywhere. */
  readonly text: string;
  /** Sections of docs/real-code.md and commits of arroyo this follows. */
  readonly refs: readonly string[];
}

/** Everything about a scenario but how to build it: what the landing page and links need. */
export interface ScenarioMeta {
  readonly id: string;
  /** Bump when the model changes so old schedule strings are refused, not misread. */
  readonly version: number;
  readonly race: 'A' | 'B';
  readonly title: string;
  readonly summary: string;
  readonly provenance: Provenance;
  /** Which of the verification plan's four scenarios this stands for, if any. */
  readonly seedScenario: string | null;
  readonly actors: readonly { readonly id: string; readonly label: string }[];
  readonly params: readonly ParamSpec[];
  /** The outcome docs/scenarios.md gives, per variant, in words. */
  readonly expected: Readonly<Record<VariantId, string>>;
}

/** A scenario: its metadata and the function that builds its program. */
export interface ScenarioDef extends ScenarioMeta {
  /** Builds the program; `params` are already validated and complete. */
  readonly build: (variant: VariantId, params: Params, gil: SwitchMode) => Program<unknown>;
}
