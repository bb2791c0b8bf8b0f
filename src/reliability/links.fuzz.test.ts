/**
 * Fuzzing the share-link path: random hashes and mutated real links go through the
 * router, the link parser and the store's `open` (simulate). Every case must end in a
 * run that simulate() rebuilds from its own schedule string, a page, or a clear
 * message, and never throw; Object.prototype must come out untouched.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLabLink } from '../routes/link.ts';
import { parseRoute } from '../routes/router.ts';
import { simulate } from '../scenarios/simulate.ts';
import { LAB_DECK } from '../ui/presenter/deck.ts';
import { withoutNotes } from '../routes/notes.ts';
import { validLinkHashes } from './corpus.ts';
import { mutatedLinkArb, randomHashArb } from './hostileLinks.ts';
import { messageProblem } from './messages.ts';
import { openLink, type Outcome } from './pipeline.ts';
import { resolveAnyHash, tourLinkHashes } from './tourLinks.ts';
import { prototypeSnapshot } from './prototypes.ts';

export const RANDOM_LINK_CASES = 3_000;
export const MUTATED_LINK_CASES = 4_000;

/** Cases that once got through, kept as fixed examples. */
const KNOWN_CASES: readonly string[] = [
  '#/lab/pause-rebalance-eager?p.__proto__=0',
  `#/lab/pause-rebalance-eager?p.${'k'.repeat(5_000)}=1`,
  '#/present/lab/pause-rebalance-eager?__proto__=1&notes=%5B%5B1%2C%22a%22%5D%5D',
  '#/present/lab/pause-rebalance-eager?notes=%5B%5B1%2C%22%5Cud800%22%5D%5D',
];

const tally = { cases: 0, runs: 0, messages: 0, pages: 0, distinctRuns: 0 };
/** Opening the same link twice gives the same run (that is the determinism soak's job). */
const opened = new Map<string, Outcome>();
let bases: string[] = [];
let before = '';

beforeAll(() => {
  before = prototypeSnapshot();
  bases = [...validLinkHashes(), ...tourLinkHashes()];
});

afterAll(() => {
  console.info(`link fuzz: ${JSON.stringify(tally)}`);
});

/** Runs one hash to its end; returns what is wrong, or null. */
function verdict(hash: string): string | null {
  tally.cases++;
  let outcome: Outcome;
  try {
    const resolved = resolveAnyHash(hash);
    if (resolved.kind === 'link') {
      const unread = unreadField(hash, resolved.link.params);
      if (unread) return unread;
      const key = JSON.stringify(resolved.link);
      outcome = opened.get(key) ?? openLink(resolved.link);
      if (!opened.has(key)) {
        opened.set(key, outcome);
        if (outcome.kind === 'run') tally.distinctRuns++;
        const rebuilt = outcome.kind === 'run' ? rebuildProblem(outcome) : null;
        if (rebuilt) return rebuilt;
      }
    } else {
      outcome = resolved;
      const params = outcome.kind === 'page' ? presenterParams(hash) : null;
      const unread = params ? unreadField(hash, params) : null;
      if (unread) return unread;
    }
  } catch (error) {
    return `threw ${String(error)}`;
  }
  if (outcome.kind === 'run') tally.runs++;
  if (outcome.kind === 'page') tally.pages++;
  if (outcome.kind === 'other') return 'a tour or presenter address was not judged';
  if (outcome.kind !== 'message') return null;
  tally.messages++;
  const problem = messageProblem(outcome.text);
  return problem === null ? null : `unclear message (${problem})`;
}

/**
 * An accepted link must have used every field it carries: nothing may be dropped
 * silently (a lab link, or a presenter link for a lab run with its `notes`).
 */
function unreadField(hash: string, params: Readonly<Record<string, number>>): string | null {
  const route = parseRoute(hash);
  if (route.kind !== 'lab' && route.kind !== 'present') return 'accepted a link without fields';
  const known = route.kind === 'lab' ? ['v', 'gil', 's', 'at'] : ['v', 'gil', 's', 'at', 'notes'];
  for (const key of Object.keys(route.query)) {
    if (known.includes(key)) continue;
    const name = key.startsWith('p.') ? key.slice(2) : null;
    if (name === null || !Object.hasOwn(params, name)) return `accepted field "${key}" unread`;
  }
  return null;
}

/** The parameters a presenter link for a lab run was read with, or null for other pages. */
function presenterParams(hash: string): Readonly<Record<string, number>> | null {
  const route = parseRoute(hash);
  if (route.kind !== 'present' || route.tour !== LAB_DECK || route.chapter === null) return null;
  const link = parseLabLink(route.chapter, withoutNotes(route.query));
  return link.ok ? link.value.params : {};
}

/** A run must be one simulate() builds again from its own schedule string. */
function rebuildProblem(outcome: Extract<Outcome, { kind: 'run' }>): string | null {
  const { sim, cursor } = outcome;
  if (cursor < 0 || cursor > sim.run.length) return `cursor ${cursor} outside the run`;
  const again = simulate({
    scenario: sim.def.id,
    variant: sim.variant,
    params: sim.params,
    gil: sim.gil,
    schedule: sim.schedule,
  });
  if (!again.ok) return `its own schedule is refused: ${again.error}`;
  if (again.value.run.length !== sim.run.length) return 'its schedule rebuilds another run';
  return null;
}

const property = (hash: string): void => {
  const problem = verdict(hash);
  if (problem !== null) throw new Error(`${problem} for ${JSON.stringify(hash.slice(0, 300))}`);
};

describe('share links under fuzzing', () => {
  it(`${RANDOM_LINK_CASES} random hashes end in a page, a run or a clear message`, () => {
    fc.assert(fc.property(randomHashArb(), property), {
      numRuns: RANDOM_LINK_CASES,
      seed: 101,
    });
  }, 600_000);

  it(`${MUTATED_LINK_CASES} mutated real links end in a run or a clear message`, () => {
    expect(bases.length).toBeGreaterThan(20);
    for (const base of bases) property(base);
    fc.assert(fc.property(mutatedLinkArb(bases), property), {
      numRuns: MUTATED_LINK_CASES,
      seed: 202,
      examples: KNOWN_CASES.map((hash) => [hash]),
    });
    // Mutation must reach both ends: some links still open, most are refused.
    expect(tally.runs).toBeGreaterThan(100);
    expect(tally.messages).toBeGreaterThan(1_000);
  }, 600_000);

  it('leaves Object.prototype and Array.prototype as they were', () => {
    expect(tally.cases).toBeGreaterThanOrEqual(RANDOM_LINK_CASES + MUTATED_LINK_CASES);
    expect(prototypeSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
