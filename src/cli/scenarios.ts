/**
 * `npm run --silent scenarios -- [--json]`
 *
 * Lists the scenarios with their variants, actors, parameters and provenance
 * (docs/headless.md#scenarios). Provenance is always shown: a production crash is
 * never to be confused with a what-if from an incident write-up.
 */
import { SWITCH_MODES } from '../engine/index.ts';
import { INVARIANT_IDS } from '../worlds/invariants.ts';
import { defaultBounds } from '../explorer/defaults.ts';
import { SCENARIOS, VARIANT_IDS, VARIANT_LABELS, type ScenarioDef } from '../scenarios/index.ts';
import { json, ok, runCommand, type CommandResult, type CommandSpec } from './args.ts';
import { JSON_FLAG } from './flags.ts';
import { runIfMain } from './io.ts';

const LIST_SCENARIOS: CommandSpec = {
  name: 'scenarios',
  summary: 'Lists the scenarios.',
  flags: [JSON_FLAG],
};

const PROVENANCE_WORDS: Readonly<Record<ScenarioDef['provenance']['kind'], string>> = {
  production: 'reproduces a production crash',
  'what-if': 'what-if from an incident write-up',
  'seed-scenario': 'scenario from the verification plan',
};

export function main(argv: readonly string[]): CommandResult {
  return runCommand(LIST_SCENARIOS, argv, (args) =>
    args.booleans.has('json') ? json(catalogue()) : ok(readable()),
  );
}

export function catalogue(): unknown {
  return {
    scenarios: SCENARIOS.map((s) => ({
      id: s.id,
      version: s.version,
      race: s.race,
      title: s.title,
      summary: s.summary,
      provenance: s.provenance,
      seedScenario: s.seedScenario,
      actors: s.actors,
      params: s.params,
      variants: VARIANT_IDS.map((id) => ({
        id,
        label: VARIANT_LABELS[id],
        expected: s.expected[id],
      })),
      explore: boundsDocument(s.id),
    })),
    variants: VARIANT_IDS.map((id) => ({ id, label: VARIANT_LABELS[id] })),
    gilModes: SWITCH_MODES,
    invariants: INVARIANT_IDS,
  };
}

/** Default exploration bounds; `preemptions: null` means every schedule (as in explore's report). */
function boundsDocument(scenarioId: string): { preemptions: number | null; maxStates: number } {
  const b = defaultBounds(scenarioId);
  return { preemptions: b.preemptions === Infinity ? null : b.preemptions, maxStates: b.maxStates };
}

function readable(): string {
  if (SCENARIOS.length === 0) return 'No scenarios are defined yet.';
  const blocks = SCENARIOS.map((s) => {
    const lines = [
      `${s.id}  (race ${s.race}, version ${s.version})`,
      `  ${s.title}: ${s.summary}`,
      `  Provenance: ${PROVENANCE_WORDS[s.provenance.kind]}. ${s.provenance.text}${s.provenance.refs.length ? ` [${s.provenance.refs.join(', ')}]` : ''}`,
      `  Actors: ${s.actors.map((a) => `${a.id} (${a.label})`).join(', ')}`,
    ];
    if (s.params.length) {
      lines.push(
        `  Parameters: ${s.params.map((p) => `${p.id}=${p.defaultValue} ${p.unit} [${p.min}..${p.max}]`).join(', ')}`,
      );
    }
    lines.push('  Variants:');
    for (const v of VARIANT_IDS) lines.push(`    ${v.padEnd(9)} ${s.expected[v]}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n\nVariants: ${VARIANT_IDS.join(', ')}. Switch modes: ${SWITCH_MODES.join(', ')}.`;
}

runIfMain(import.meta.url, main);
