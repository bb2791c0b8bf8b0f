/**
 * The valid inputs the fuzzers start from: share links and trace files made the way
 * the app makes them (link.ts's serializer, the trace export of saveTrace.ts), from real
 * runs of every scenario. Mutating real artefacts reaches deep into the parsers,
 * where purely random text is refused at the first check. (Tour links are in
 * tourLinks.ts: the tours are JSON modules, which Playwright's loader cannot import.)
 */
import { labLinkHash, type LabLink } from '../routes/link.ts';
import { SWITCH_MODES } from '../engine/index.ts';
import { defaultParams, SCENARIOS, VARIANT_IDS } from '../scenarios/index.ts';
import { simulate, type Simulation } from '../scenarios/simulate.ts';
import { hashWithNotes } from '../routes/notes.ts';
import { serializeTrace, traceFileOf } from '../ui/export/traceFile.ts';

/** A link as the share panel builds it for `sim` at step `at`. */
export function linkOf(sim: Simulation, at: number | null): LabLink {
  return {
    scenario: sim.def.id,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    schedule: sim.schedule,
    step: at,
  };
}

/** A trace file's text as the share panel exports it for `sim` at step `at`. */
export function traceOf(sim: Simulation, at: number): string {
  return serializeTrace(traceFileOf(sim, at));
}

function mustSimulate(req: Parameters<typeof simulate>[0]): Simulation {
  const result = simulate(req);
  if (!result.ok) throw new Error(`corpus: ${result.error}`);
  return result.value;
}

/**
 * Share-link hashes for every scenario and variant: the natural run, seeded runs (real
 * schedule strings with deviations) in every switch mode, and one with every parameter
 * moved off its default. Deterministic.
 */
export function validLinkHashes(): string[] {
  const out: string[] = [];
  SCENARIOS.forEach((def, i) => {
    VARIANT_IDS.forEach((variant, j) => {
      const natural = mustSimulate({ scenario: def.id, variant });
      out.push(labLinkHash({ ...linkOf(natural, null), schedule: null }));
      const gil = SWITCH_MODES[(i + j) % SWITCH_MODES.length] ?? 'py311';
      const seeded = mustSimulate({ scenario: def.id, variant, gil, seed: 1000 * i + j });
      out.push(labLinkHash(linkOf(seeded, Math.floor(seeded.run.length / 2))));
    });
    const moved = Object.fromEntries(
      def.params.map((p) => [p.id, p.min + Math.floor((p.max - p.min) / 7)]),
    );
    const odd = mustSimulate({ scenario: def.id, variant: 'correct', params: moved, seed: i });
    out.push(labLinkHash(linkOf(odd, 3)));
    out.push(presenterHash(linkOf(odd, 3)));
  });
  return out;
}

/** A presenter-mode link for a lab run with two pinned notes, as the presenter builds it. */
function presenterHash(link: LabLink): string {
  const lab = labLinkHash(link).replace(/^#\/lab\//, '#/present/lab/');
  return hashWithNotes(lab, [
    { step: 1, text: 'First, the poll.' },
    { step: 3, text: 'Then the <b>rebalance</b>.' },
  ]);
}

/**
 * Trace files for every scenario: short seeded runs (cut at 30 to 90 steps, so a
 * fuzz case stays cheap) and, per scenario, one whole natural run. Deterministic.
 */
export function validTraceTexts(): string[] {
  const out: string[] = [];
  SCENARIOS.forEach((def, i) => {
    VARIANT_IDS.forEach((variant, j) => {
      const maxSteps = 30 + ((i * 4 + j) % 4) * 20;
      const sim = mustSimulate({ scenario: def.id, variant, seed: 77 * i + j, maxSteps });
      out.push(traceOf(sim, Math.min(sim.run.length, 12)));
    });
    const whole = mustSimulate({ scenario: def.id, variant: 'buggy' });
    out.push(traceOf(whole, whole.run.length));
  });
  return out;
}

/** The default link of the first scenario: what a hostile case is measured against. */
export function baselineLink(): LabLink {
  const def = SCENARIOS[0];
  if (!def) throw new Error('corpus: no scenarios');
  return {
    scenario: def.id,
    variant: 'buggy',
    gil: 'py311',
    params: defaultParams(def),
    schedule: null,
    step: null,
  };
}
