/**
 * Proves the function-length rule in eslint.config.js fires: a 71-line function is
 * rejected in production code and accepted in tests and in the worlds' step tables,
 * and blank lines and comments do not count towards the limit.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** A function whose body has `statements` lines, each followed by `padding` blank and comment lines. */
function functionOf(statements: number, padding = 0): string {
  const body = Array.from({ length: statements }, (_, i) =>
    [`  total += ${i};`, ...Array.from({ length: padding }, () => '\n  // why\n')].join(''),
  );
  return [
    'export function long(): number {',
    '  let total = 0;',
    ...body,
    '  return total;',
    '}',
    '',
  ].join('\n');
}

async function lengthErrors(code: string, filePath: string): Promise<number> {
  const [result] = await new ESLint().lintText(code, { filePath });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages.filter((m) => m.ruleId === 'max-lines-per-function').length;
}

describe('function length lint rule', () => {
  // 4 lines of frame (signature, declaration, return, brace) plus the statements.
  it('rejects a 71-line function and accepts a 70-line one in production code', async () => {
    expect(await lengthErrors(functionOf(67), 'src/ui/__probe__.ts')).toBe(1);
    expect(await lengthErrors(functionOf(66), 'src/ui/__probe__.ts')).toBe(0);
  }, 60_000);

  it('does not count blank lines and comments', async () => {
    expect(await lengthErrors(functionOf(60, 2), 'src/analysis/__probe__.ts')).toBe(0);
  }, 60_000);

  it('leaves tests and the declarative step tables alone', async () => {
    expect(await lengthErrors(functionOf(100), 'src/ui/__probe__.test.ts')).toBe(0);
    expect(await lengthErrors(functionOf(100), 'src/worlds/pause/processor-run.ts')).toBe(0);
    expect(await lengthErrors(functionOf(100), 'src/worlds/pause/outside.ts')).toBe(1);
  }, 60_000);
});
