import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generated, GENERATED_PATH } from './embed.ts';

describe('python.gen.ts', () => {
  it('matches the .py files it is generated from (run `npx tsx src/fixlab/embed.ts`)', async () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(await generated());
  });
});
