import { describe, expect, it } from 'vitest';
import { parseLabLink } from '../../routes/link.ts';
import { parseRoute } from '../../routes/router.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { crashCursor } from '../../store/navigation.ts';
import { entryHash, METRICS_CRASH, PAUSE_CRASH } from './startHere.ts';

describe('the Start here links', () => {
  for (const entry of [METRICS_CRASH, PAUSE_CRASH]) {
    it(`open ${entry.scenario} exactly at its ${entry.error.split(':')[0]}`, () => {
      const route = parseRoute(entryHash(entry));
      expect(route.kind).toBe('lab');
      if (route.kind !== 'lab') return;
      const link = parseLabLink(route.id, route.query);
      expect(link.ok).toBe(true);
      if (!link.ok) return;
      const run = simulate({
        scenario: link.value.scenario,
        variant: link.value.variant,
        gil: link.value.gil,
        params: link.value.params,
        ...(link.value.schedule === null
          ? { maxSteps: 200_000 }
          : { schedule: link.value.schedule }),
      });
      expect(run.ok).toBe(true);
      if (!run.ok) return;
      const crash = run.value.run.last.crashes[0];
      expect(crash, 'the linked run crashes').toBeDefined();
      expect(`${crash?.type}: ${crash?.message}`.startsWith(entry.error)).toBe(true);
      expect(crashCursor(crash ?? { step: -2 })).toBe(link.value.step);
    });
  }
});
