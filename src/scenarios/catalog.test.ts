import { describe, expect, it } from 'vitest';
import { SCENARIO_CATALOG } from './catalog.ts';
import { SCENARIOS } from './index.ts';

describe('the scenario catalogue without the worlds', () => {
  it('lists every scenario of the full catalogue, in order, with the same metadata', () => {
    expect(SCENARIO_CATALOG.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    SCENARIOS.forEach((def, i) => {
      const { build: _build, ...meta } = def;
      expect(SCENARIO_CATALOG[i]).toEqual(meta);
    });
  });
});
