/**
 * Proves the engine purity rules in eslint.config.js fire: the same impure code is
 * rejected under src/engine and accepted elsewhere, so a config change that silently
 * drops the rules fails here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const IMPURE_CODE = [
  "import React from 'react';",
  "import { scaleLinear } from 'd3-scale';",
  "import { useRun } from '../store/run';",
  'export const probe = [React, scaleLinear, useRun, Math.random(), Date.now(), new Date()];',
  'setTimeout(() => undefined, 1);',
  'export const width = window.innerWidth + performance.now();',
  '',
].join('\n');

const PURITY_RULES = [
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-properties',
  'no-restricted-syntax',
] as const;

async function ruleIdsFor(filePath: string): Promise<ReadonlySet<string>> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(IMPURE_CODE, { filePath });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  return new Set(result.messages.map((message) => message.ruleId ?? 'fatal'));
}

describe('engine purity lint rules', () => {
  it('reject React, d3, store imports, wall clock, randomness and timers in src/engine', async () => {
    const ruleIds = await ruleIdsFor('src/engine/__probe__.ts');
    expect([...ruleIds].sort()).toEqual([...PURITY_RULES].sort());
  }, 60_000);

  it('count each offence', async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText(IMPURE_CODE, { filePath: 'src/engine/__probe__.ts' });
    const count = (ruleId: string): number =>
      result?.messages.filter((message) => message.ruleId === ruleId).length ?? 0;
    expect(count('no-restricted-imports')).toBe(3);
    expect(count('no-restricted-properties')).toBe(2);
    expect(count('no-restricted-syntax')).toBe(1);
    expect(count('no-restricted-globals')).toBe(3);
  }, 60_000);

  it('leave the same code alone outside src/engine', async () => {
    const ruleIds = await ruleIdsFor('src/ui/x.ts');
    for (const rule of PURITY_RULES) expect(ruleIds).not.toContain(rule);
    expect(ruleIds).not.toContain('fatal');
  }, 60_000);

  it('let engine tests use timers and the clock but not the views', async () => {
    const ruleIds = await ruleIdsFor('src/engine/__probe__.test.ts');
    expect([...ruleIds]).toEqual(['no-restricted-imports']);
  }, 60_000);
});
