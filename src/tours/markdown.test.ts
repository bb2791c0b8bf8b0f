import { describe, expect, it } from 'vitest';
import { isSafeHref, parseInline, parseMarkdownLite, plainText } from './markdown.ts';

describe('Markdown-lite', () => {
  it('reads paragraphs and bullet lists', () => {
    const blocks = parseMarkdownLite('First line\ncontinues.\n\n- one\n- two\n\nLast.');
    expect(blocks.map((b) => b.kind)).toEqual(['p', 'ul', 'p']);
    expect(blocks[0]).toEqual({
      kind: 'p',
      children: [{ kind: 'text', text: 'First line continues.' }],
    });
  });

  it('reads bold, emphasis, code and escapes', () => {
    expect(parseInline('a **b *c*** `d*e` \\*f\\*')).toEqual([
      { kind: 'text', text: 'a ' },
      {
        kind: 'strong',
        children: [
          { kind: 'text', text: 'b ' },
          { kind: 'em', children: [{ kind: 'text', text: 'c' }] },
        ],
      },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd*e' },
      { kind: 'text', text: ' *f*' },
    ]);
  });

  it('keeps a lone star and HTML as text', () => {
    expect(parseInline('2 * 3 <script>alert(1)</script>')).toEqual([
      { kind: 'text', text: '2 * 3 <script>alert(1)</script>' },
    ]);
  });

  it('links only to the app or to https', () => {
    expect(parseInline('[lab](#/lab/x)')).toEqual([
      { kind: 'link', href: '#/lab/x', children: [{ kind: 'text', text: 'lab' }] },
    ]);
    expect(parseInline('[bad](javascript:alert(1))')).toEqual([
      { kind: 'text', text: '[bad](javascript:alert(1))' },
    ]);
    expect(parseInline('[bad](javascript:x)')).toEqual([{ kind: 'text', text: 'bad' }]);
    expect(isSafeHref('https://github.com/getsentry/arroyo')).toBe(true);
    expect(isSafeHref('http://example.com')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
  });

  it('gives plain text for labels and documents', () => {
    expect(plainText('**P0@10** is `carried`.\n\n- a *b*')).toBe('P0@10 is carried.\n\n- a b');
  });
});
