import { describe, expect, it } from 'vitest';
import { defaultParams, validateParams } from '../index.ts';
import { PAUSE_SCENARIOS } from '../pause.ts';
import { VARIANT_IDS } from '../types.ts';

const IDS = [
  'pause-rebalance-eager',
  'pause-rebalance-cooperative',
  'pause-revoke-cooperative',
  'pause-external-resume',
  'pause-ready-to-continue',
  'pause-invalid-message-stuck',
];

describe('race A scenario definitions', () => {
  it('are the five of docs/scenarios.md, in order, then the InvalidMessage hang', () => {
    expect(PAUSE_SCENARIOS.map((s) => s.id)).toEqual(IDS);
  });

  for (const def of PAUSE_SCENARIOS) {
    describe(def.id, () => {
      it('has version 1, race A, a summary, a seed mapping and an expectation per variant', () => {
        expect(def.version).toBe(1);
        expect(def.race).toBe('A');
        expect(def.summary.length).toBeGreaterThan(40);
        // The InvalidMessage hang is not one of the verification plan's scenarios.
        if (def.id === 'pause-invalid-message-stuck') expect(def.seedScenario).toBeNull();
        else expect(def.seedScenario).toMatch(/^Case [1-4] of the original bug report/);
        for (const v of VARIANT_IDS) expect(def.expected[v].length).toBeGreaterThan(5);
      });

      it('has valid defaults and rejects out-of-range values', () => {
        expect(validateParams(def, {}).ok).toBe(true);
        for (const p of def.params) {
          expect(p.defaultValue, p.id).toBeGreaterThanOrEqual(p.min);
          expect(p.defaultValue, p.id).toBeLessThanOrEqual(p.max);
          expect(validateParams(def, { [p.id]: p.max + 1 }).ok).toBe(false);
        }
      });

      it('labels exactly the actors its programs run', () => {
        for (const v of VARIANT_IDS) {
          const program = def.build(v, defaultParams(def), 'py311');
          expect(program.actors).toEqual(def.actors.map((a) => a.id));
          expect(program.fatalActors).toEqual(['main']);
        }
        for (const a of def.actors) expect(a.label.startsWith(`${a.id}:`)).toBe(true);
      });
    });
  }

  it('carries the real defaults: BACKPRESSURE_THRESHOLD 5 s, poll timeouts 1.0 s and 0.1 s', () => {
    for (const def of PAUSE_SCENARIOS) {
      const params = defaultParams(def);
      expect(params['thresholdMs']).toBe(5000);
      expect(params['topPollMs']).toBe(1000);
      expect(params['pausedPollMs']).toBe(100);
      expect(params['pausedForeverMs']).toBe(10 * 5000);
    }
  });

  it('says where each comes from, and never presents the what-if as production', () => {
    const kind = Object.fromEntries(PAUSE_SCENARIOS.map((s) => [s.id, s.provenance.kind]));
    expect(kind).toEqual({
      'pause-rebalance-eager': 'production',
      'pause-rebalance-cooperative': 'production',
      'pause-revoke-cooperative': 'production',
      'pause-external-resume': 'what-if',
      'pause-ready-to-continue': 'seed-scenario',
      'pause-invalid-message-stuck': 'production',
    });
    const whatIf = PAUSE_SCENARIOS.find((s) => s.id === 'pause-external-resume');
    expect(whatIf?.provenance.text).toContain('not reachable with the real SynchronizedConsumer');
    const eager = PAUSE_SCENARIOS.find((s) => s.id === 'pause-rebalance-eager');
    for (const commit of ['bb3aaf5', '37848d8', 'c5a035d'])
      expect(eager?.provenance.refs.join(' ')).toContain(commit);
    const hang = PAUSE_SCENARIOS.find((s) => s.id === 'pause-invalid-message-stuck');
    for (const ref of ['c8bdbb9', '#443', '#444', '#445'])
      expect(hang?.provenance.refs.join(' ')).toContain(ref);
  });
});
