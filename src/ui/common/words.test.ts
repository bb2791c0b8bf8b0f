import { describe, expect, it } from 'vitest';
import { outcomeWords, plainWords } from './words.ts';

describe('plain words', () => {
  it('rewords the model authors’ references so no jargon reaches the reader', () => {
    const cases = [
      'Scenario 3, partial resume',
      'What-if from the original bug report: not reachable with the real SynchronizedConsumer.',
      'AssertionError reachable: the paused poll returns P0@10 (the V1c pre-check ran before the poll).',
      "The seed's fix",
      "It keeps the seed's four scenarios.",
    ];
    for (const text of cases) {
      const plain = plainWords(text);
      expect(plain).not.toMatch(/seed|V1c|what-if/i);
      expect(plain.length).toBeGreaterThan(0);
    }
    expect(plainWords("The seed's fix")).toBe('The fix first proposed');
    expect(plainWords('Hold P0 in SC and scenario 2, partial')).toBe(
      'Hold P0 in the SynchronizedConsumer and case 2, partial',
    );
  });

  it('leaves plain sentences alone', () => {
    const text = 'Never raises; counts always conserved.';
    expect(plainWords(text)).toBe(text);
  });
});

describe('outcome words', () => {
  it('reads the explorer’s outcome keys as sentences', () => {
    expect(outcomeWords('crash:RuntimeError@stuck')).toBe('stuck dies with RuntimeError');
    expect(outcomeWords('violation:metrics-conservation')).toBe(
      'metrics-conservation breaks (no crash)',
    );
    expect(outcomeWords('ok')).toBe('works');
    expect(outcomeWords('something-else')).toBe('something-else');
  });
});
