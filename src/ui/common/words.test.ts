import { describe, expect, it } from 'vitest';
import { outcomeWords, plainWords } from './words.ts';

describe('plain words', () => {
  it('rewords the model authors’ references so no jargon reaches the reader', () => {
    const cases = [
      'Seed 001 scenario 3, partial resume',
      "Seed 001's scenario 4, ready to continue, on the real components.",
      'What-if from the seed 000 narrative: not reachable with the real SynchronizedConsumer.',
      'AssertionError reachable: the paused poll returns P0@10 (the V1c pre-check ran before the poll).',
      'As reference-model 4.2 describes.',
      "The seed's fix",
    ];
    for (const text of cases) {
      const plain = plainWords(text);
      expect(plain).not.toMatch(/seed|V1c|reference-model|what-if/i);
      expect(plain.length).toBeGreaterThan(0);
    }
    expect(plainWords('Seed 001 scenario 3, partial resume')).toBe(
      'Case 3 of the original bug report, partial resume',
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
