/**
 * The cached answers are what the explorer finds today: every exploration the
 * release table needs is run again and compared with reached.data.ts, and
 * every scenario of the catalogue has a release mapping.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.ts';
import { computeReached, reachRequests } from './compute.ts';
import { scenarioCode } from './reach.ts';
import { REACHED } from './reached.data.ts';
import { RELEASES } from './releases.ts';

describe('reached.data.ts', () => {
  const requests = reachRequests();

  it('holds exactly the explorations the release table needs', () => {
    expect(Object.keys(REACHED).sort()).toEqual(requests.map((r) => r.key));
  });

  it.each(requests.map((r) => [r.key, r] as const))(
    '%s matches a fresh exploration (regenerate with npx tsx src/releases/generate.ts)',
    (_key, request) => {
      const fresh = computeReached(request);
      expect(fresh.complete).toBe(true);
      expect(REACHED[request.key]).toEqual(fresh);
    },
  );

  it('maps every scenario of the catalogue for every release', () => {
    for (const release of RELEASES)
      for (const def of SCENARIOS)
        expect(scenarioCode(release, def.id).kind, `${release.version} ${def.id}`).not.toBe(
          'unmapped',
        );
  });
});
