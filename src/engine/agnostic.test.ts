/**
 * The engine knows no world: no line of src/engine outside its tests names
 * Kafka, the race's libraries, or any event kind or invariant a world declares
 * (the worlds add those to the engine's registries, events.ts and types.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INVARIANT_IDS } from '../worlds/invariants.ts';

const ENGINE = dirname(fileURLToPath(import.meta.url));

const WORLD_WORDS = [
  'kafka',
  'arroyo',
  'consumer',
  'rebalanc',
  'metric',
  'partition',
  'broker',
  'processor',
  // The worlds' event kinds (src/worlds/kafka/events.ts, src/worlds/metrics/events.ts).
  'produce',
  'commit',
  ...INVARIANT_IDS,
];

function productionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return productionFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the engine', () => {
  it('names no world in any line outside its tests', () => {
    const found: string[] = [];
    for (const file of productionFiles(ENGINE)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const word = WORLD_WORDS.find((w) => line.toLowerCase().includes(w));
          if (word) found.push(`${relative(ENGINE, file)}:${i + 1}: ${word}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('would notice a world word (the check itself works)', () => {
    expect(WORLD_WORDS.some((w) => 'emit a rebalance event'.includes(w))).toBe(true);
  });
});
