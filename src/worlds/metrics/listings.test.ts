import { describe, expect, it } from 'vitest';
import { resolveAt } from '../../engine/listing.ts';
import { SWITCH_MODES } from '../../engine/types.ts';
import { VARIANT_IDS, type VariantId } from '../variants.ts';
import { BUFFER, DETECTOR, metricsListings, PROCESSOR } from './listings.ts';
import { buildMetricsProgram, DEFAULT_METRICS_PARAMS } from './program.ts';

function changedLines(a: readonly string[], b: readonly string[]): string[] {
  const inA = new Set(a);
  const inB = new Set(b);
  return [...a.filter((l) => !inB.has(l)), ...b.filter((l) => !inA.has(l))].map((l) => l.trim());
}

describe('metrics listings', () => {
  for (const variant of VARIANT_IDS) {
    for (const gil of SWITCH_MODES) {
      it(`${variant} / ${gil}: every step's line resolves and every anchor is used`, () => {
        const program = buildMetricsProgram(variant, DEFAULT_METRICS_PARAMS, gil);
        const used = new Set<string>();
        for (const [pc, instr] of Object.entries(program.instrs)) {
          expect(() => resolveAt(program.listings, instr.at), pc).not.toThrow();
          used.add(instr.at);
        }
        for (const listing of Object.values(program.listings)) {
          for (const anchor of Object.keys(listing.anchors)) {
            expect(used.has(`${listing.id}:${anchor}`), `${listing.id}:${anchor} unused`).toBe(
              true,
            );
          }
        }
      });
    }
  }

  it('shows no anchor comments in the displayed text', () => {
    for (const variant of VARIANT_IDS) {
      for (const listing of Object.values(metricsListings(variant))) {
        for (const line of listing.lines) expect(line).not.toMatch(/#@/);
      }
    }
  });

  it('gives main the same code in every variant', () => {
    const texts = VARIANT_IDS.map((v) => metricsListings(v)[PROCESSOR]?.lines.join('\n'));
    expect(new Set(texts).size).toBe(1);
  });

  it('differs between variants only where the implementations differ', () => {
    const lines = (v: VariantId, id: string): readonly string[] =>
      metricsListings(v)[id]?.lines ?? [];
    // The detector: only arroyo's own fix changes it, replacing incr_counter + flush by one backend call.
    expect(changedLines(lines('buggy', DETECTOR), lines('seed-fix', DETECTOR))).toEqual([]);
    expect(changedLines(lines('buggy', DETECTOR), lines('correct', DETECTOR))).toEqual([]);
    expect(changedLines(lines('buggy', DETECTOR), lines('upstream', DETECTOR))).toEqual([
      'self.__metrics_buffer.incr_counter("arroyo.consumer.stuck", 1)',
      'self.__metrics_buffer.flush()',
      '# straight to the backend: only main touches the buffer',
      'self.__metrics_buffer.metrics.increment("arroyo.consumer.stuck", 1)',
    ]);
    // The buffer: upstream leaves it alone; the seed's fix changes flush() only.
    expect(changedLines(lines('buggy', BUFFER), lines('upstream', BUFFER))).toEqual([]);
    const seedDiff = changedLines(lines('buggy', BUFFER), lines('seed-fix', BUFFER));
    expect(seedDiff).toContain('timers = list(self.__timers.items())');
    expect(seedDiff.some((l) => l.includes('incr_') || l.includes('__throttled_record'))).toBe(
      false,
    );
    // The lock: every incr_* and the whole flush hold it.
    const acquires = (v: VariantId): number =>
      lines(v, BUFFER).filter((l) => l.trim() === 'self.__lock.acquire()').length;
    expect(acquires('buggy')).toBe(0);
    expect(acquires('correct')).toBe(3);
  });
});
