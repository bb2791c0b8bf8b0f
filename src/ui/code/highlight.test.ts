import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeLine, tokenizeLines, type Token } from './highlight.ts';

const kinds = (tokens: readonly Token[]) =>
  tokens.filter((t) => t.kind !== 'text').map((t) => `${t.kind}:${t.text}`);

describe('the Python tokenizer', () => {
  it('colours keywords, builtins, numbers, strings and comments', () => {
    const { tokens } = tokenizeLine('    assert self.__consumer.poll(0.1) is None  # must be None');
    expect(kinds(tokens)).toEqual([
      'keyword:assert',
      'builtin:self',
      'number:0.1',
      'keyword:is',
      'keyword:None',
      'comment:# must be None',
    ]);
  });

  it('reads strings with escapes, prefixes and a hash inside', () => {
    const { tokens } = tokenizeLine(`x = f"a \\" # b" + 'c'  # real`);
    expect(kinds(tokens)).toEqual([`string:f"a \\" # b"`, `string:'c'`, 'comment:# real']);
  });

  it('does not take identifiers that start like string prefixes for strings', () => {
    expect(kinds(tokenizeLine('for b in buffer: rb = fb').tokens)).toEqual([
      'keyword:for',
      'keyword:in',
    ]);
  });

  it('carries a triple-quoted string across lines', () => {
    const lines = tokenizeLines(['def f():', '    """Doc', '    more', '    end"""', '    pass']);
    expect(kinds(lines[1] ?? [])).toEqual(['string:"""Doc']);
    expect(kinds(lines[2] ?? [])).toEqual(['string:    more']);
    expect(kinds(lines[3] ?? [])).toEqual(['string:    end"""']);
    expect(kinds(lines[4] ?? [])).toEqual(['keyword:pass']);
  });

  it('marks decorators at the start of a line', () => {
    expect(kinds(tokenizeLine('  @property').tokens)).toEqual(['decorator:@property']);
  });

  it('always joins back into the line it read', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (line) => {
        const { tokens } = tokenizeLine(line);
        expect(tokens.map((t) => t.text).join('')).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});
