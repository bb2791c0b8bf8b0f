/**
 * The outcome table of docs/scenarios.md, established by exploring every schedule
 * within the explorer's default bound (2 deviations from the natural
 * schedule), for every race-A scenario and variant. A reachable outcome is
 * found, its minimal schedule is the string named here, and replaying that
 * string through simulate() ends in the same outcome. A "never" is a complete
 * exploration without that outcome key. The fixes' "never" claims are also
 * checked without any bound where that stays cheap.
 */
import { describe, expect, it } from 'vitest';
import { encodeSchedule, outcomeKeys } from '../../engine/index.ts';
import { explore, type ExploreResult } from '../../explorer/explore.ts';
import { findScenario } from '../../scenarios/index.ts';
import { resolveSetup, simulate } from '../../scenarios/simulate.ts';
import type { VariantId } from '../variants.ts';

interface Row {
  readonly scenario: string;
  readonly variant: VariantId;
  /** Outcome keys that must be reachable, each with its minimal schedule string. */
  readonly reach: Readonly<Record<string, string>>;
  /** Outcome key prefixes that no schedule may reach ('crash:' is any crash, 'violation:' any invariant). */
  readonly never: readonly string[];
  readonly crashMessage?: string;
}

const TABLE: readonly Row[] = [
  {
    scenario: 'pause-rebalance-eager',
    variant: 'buggy',
    reach: {
      'crash:AssertionError@main': 's1.1.nx8nly.xBA',
    },
    never: [],
    crashMessage: 'assert polled is None',
  },
  {
    scenario: 'pause-rebalance-eager',
    variant: 'seed-fix',
    reach: {
      ok: 's1.1.nx8nly.5TA',
    },
    never: ['crash:', 'violation:message-loss'],
  },
  {
    scenario: 'pause-rebalance-eager',
    variant: 'upstream',
    reach: {
      'violation:message-loss': 's1.1.nx8nly.yBA',
    },
    never: ['crash:'],
  },
  {
    scenario: 'pause-rebalance-eager',
    variant: 'correct',
    reach: {
      ok: 's1.1.nx8nly.5TA',
    },
    never: ['crash:', 'violation:'],
  },
  {
    scenario: 'pause-rebalance-cooperative',
    variant: 'buggy',
    reach: {
      'crash:AssertionError@main': 's1.1.d84par.qBA',
    },
    never: [],
    crashMessage: 'assert polled is None',
  },
  {
    scenario: 'pause-rebalance-cooperative',
    variant: 'seed-fix',
    reach: {
      'violation:flag-consistency': 's1.1.d84par.sBA',
      'violation:message-loss': 's1.1.d84par.sBA',
      'violation:liveness': 's1.1.d84par.oEA',
      'violation:paused-forever': 's1.1.d84par.qSA',
    },
    never: ['crash:'],
  },
  {
    scenario: 'pause-rebalance-cooperative',
    variant: 'upstream',
    reach: {
      'violation:flag-consistency': 's1.1.d84par.rBA',
      'violation:message-loss': 's1.1.d84par.rBA',
      'violation:liveness': 's1.1.d84par.gEA',
      'violation:paused-forever': 's1.1.d84par.iSA',
    },
    never: ['crash:'],
  },
  {
    scenario: 'pause-rebalance-cooperative',
    variant: 'correct',
    reach: {
      ok: 's1.1.d84par.mWA',
    },
    never: ['crash:', 'violation:'],
  },
  {
    scenario: 'pause-revoke-cooperative',
    variant: 'buggy',
    reach: {
      'violation:flag-consistency': 's1.1.y72w97.oBA',
      'violation:message-loss': 's1.1.y72w97.oBA',
      'violation:liveness': 's1.1.y72w97.hDA',
      'violation:paused-forever': 's1.1.y72w97.jRA',
    },
    never: ['crash:'],
  },
  {
    scenario: 'pause-revoke-cooperative',
    variant: 'seed-fix',
    reach: {
      'violation:flag-consistency': 's1.1.y72w97.pBA',
      'violation:message-loss': 's1.1.y72w97.pBA',
      'violation:liveness': 's1.1.y72w97.iDA',
      'violation:paused-forever': 's1.1.y72w97.kRA',
    },
    never: ['crash:'],
  },
  {
    scenario: 'pause-revoke-cooperative',
    variant: 'upstream',
    reach: {
      'violation:flag-consistency': 's1.1.y72w97.nBA',
      'violation:message-loss': 's1.1.y72w97.nBA',
      'violation:liveness': 's1.1.y72w97.gDA',
      'violation:paused-forever': 's1.1.y72w97.iRA',
    },
    never: ['crash:'],
  },
  {
    scenario: 'pause-revoke-cooperative',
    variant: 'correct',
    reach: {
      ok: 's1.1.y72w97.2TA',
    },
    never: ['crash:', 'violation:'],
  },
  {
    scenario: 'pause-external-resume',
    variant: 'buggy',
    reach: {
      'crash:AssertionError@main': 's1.1.wq8o8l.tBA',
    },
    never: [],
    crashMessage: 'assert polled is None',
  },
  {
    scenario: 'pause-external-resume',
    variant: 'seed-fix',
    reach: {
      'violation:flag-consistency': 's1.1.wq8o8l.vBA',
      'violation:message-loss': 's1.1.wq8o8l.vBA',
    },
    never: ['crash:'],
  },
  {
    scenario: 'pause-external-resume',
    variant: 'upstream',
    reach: {
      'crash:AssertionError@main': 's1.1.wq8o8l.sBA',
    },
    never: [],
    crashMessage: 'consumer unpaused itself without rebalancing',
  },
  {
    scenario: 'pause-external-resume',
    variant: 'correct',
    reach: {
      ok: 's1.1.wq8o8l.i9BA',
    },
    never: ['crash:', 'violation:'],
  },
  {
    scenario: 'pause-ready-to-continue',
    variant: 'buggy',
    reach: {
      ok: 's1.1.tzp5zh.vVA',
    },
    never: ['crash:', 'violation:'],
  },
  {
    scenario: 'pause-ready-to-continue',
    variant: 'seed-fix',
    reach: {
      ok: 's1.1.tzp5zh.wVA',
    },
    never: ['crash:', 'violation:'],
  },
  {
    scenario: 'pause-ready-to-continue',
    variant: 'upstream',
    reach: {
      ok: 's1.1.tzp5zh.sVA',
    },
    never: ['crash:', 'violation:'],
  },
  {
    scenario: 'pause-ready-to-continue',
    variant: 'correct',
    reach: {
      ok: 's1.1.tzp5zh.vVA',
    },
    never: ['crash:', 'violation:'],
  },
];

function setupOf(row: Row) {
  const setup = resolveSetup({ scenario: row.scenario, variant: row.variant });
  if (!setup.ok) throw new Error(setup.error);
  return setup.value;
}

const explored = new Map<Row, ExploreResult>();
function exploration(row: Row): ExploreResult {
  let r = explored.get(row);
  if (!r) {
    r = explore(setupOf(row).program, 'py311');
    explored.set(row, r);
  }
  return r;
}

describe('race A outcomes per scenario and variant (default exploration)', () => {
  for (const row of TABLE) {
    describe(`${row.scenario} / ${row.variant}`, () => {
      it('explores completely', () => {
        const r = exploration(row);
        expect(r.complete).toBe(true);
        expect(r.schedules).toBeGreaterThan(0);
      });

      for (const [key, schedule] of Object.entries(row.reach)) {
        it(`${key} is reachable; minimal schedule ${schedule} replays to it`, () => {
          const r = exploration(row);
          expect(r.byOutcome[key] ?? 0).toBeGreaterThan(0);
          const minimal = r.minimal[key];
          if (!minimal) throw new Error(`no minimal schedule for ${key}`);
          const def = findScenario(row.scenario);
          if (!def) throw new Error(row.scenario);
          const encoded = encodeSchedule({
            scenarioVersion: def.version,
            tag: setupOf(row).tag,
            steps: minimal.steps,
            deviations: minimal.deviations,
          });
          expect(encoded).toBe(schedule);
          const sim = simulate({ scenario: row.scenario, variant: row.variant, schedule });
          if (!sim.ok) throw new Error(sim.error);
          expect(sim.value.divergences).toEqual([]);
          expect(outcomeKeys(sim.value.run.last)).toContain(key);
          if (key.startsWith('crash:') && row.crashMessage) {
            expect(sim.value.run.last.crashes[0]?.message).toBe(row.crashMessage);
          }
        });
      }

      for (const prefix of row.never) {
        it(`never reaches ${prefix}*`, () => {
          const r = exploration(row);
          expect(r.complete).toBe(true);
          expect(Object.keys(r.byOutcome).filter((k) => k.startsWith(prefix))).toEqual([]);
        });
      }
    });
  }
});

describe('the fixes never lose, with no bound on deviations', () => {
  const cases: readonly [string, VariantId][] = [
    ['pause-rebalance-eager', 'seed-fix'],
    ['pause-rebalance-eager', 'correct'],
    ['pause-rebalance-cooperative', 'correct'],
    ['pause-revoke-cooperative', 'correct'],
  ];
  for (const [scenario, variant] of cases) {
    it(`${scenario} / ${variant}`, () => {
      const setup = resolveSetup({ scenario, variant });
      if (!setup.ok) throw new Error(setup.error);
      const r = explore(setup.value.program, 'py311', { preemptions: Infinity });
      expect(r.complete).toBe(true);
      expect(Object.keys(r.byOutcome)).toEqual(['ok']);
    }, 20_000);
  }
});
