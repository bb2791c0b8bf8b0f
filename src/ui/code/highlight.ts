/**
 * A tiny Python tokenizer for the code panels: keywords, strings, comments, numbers,
 * decorators and the rest, enough to colour a model listing. It reads a listing line
 * by line, carrying only whether a triple-quoted string is still open, and never fails:
 * anything it does not recognise is plain text, and the tokens of a line always join
 * back into exactly that line.
 */

export type TokenKind =
  'keyword' | 'string' | 'comment' | 'number' | 'builtin' | 'decorator' | 'text';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield'
  ).split(' '),
);

const BUILTINS = new Set(
  'self len list dict set tuple int str range print isinstance super sorted min max'.split(' '),
);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER = /^(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)/;
const STRING_PREFIX = /^(?:[rRbBuUfF]{1,2})?(?:'''|"""|'|")/;

/** Tokenizes every line of a listing; a triple-quoted string may span lines. */
export function tokenizeLines(lines: readonly string[]): Token[][] {
  let open: string | null = null;
  return lines.map((line) => {
    const result = tokenizeLine(line, open);
    open = result.open;
    return result.tokens;
  });
}

/** Tokenizes one line; `open` is the quote of a triple-quoted string left open above. */
export function tokenizeLine(
  line: string,
  open: string | null = null,
): { tokens: Token[]; open: string | null } {
  const tokens: Token[] = [];
  let i = 0;
  if (open !== null) {
    const end = line.indexOf(open);
    if (end < 0) return { tokens: push(tokens, 'string', line), open };
    push(tokens, 'string', line.slice(0, end + 3));
    i = end + 3;
  }
  while (i < line.length) {
    const rest = line.slice(i);
    const ch = rest[0] as string;
    if (ch === '#') {
      push(tokens, 'comment', rest);
      break;
    }
    const quote = STRING_PREFIX.exec(rest);
    if (quote && (quote[0].length > 1 || !/[A-Za-z_]/.test(ch) || isPrefixOnly(rest))) {
      const delimiter = quote[0].replace(/^[rRbBuUfF]+/, '');
      const bodyStart = quote[0].length;
      const end = findClose(rest, bodyStart, delimiter);
      if (end < 0 && delimiter.length === 3) {
        push(tokens, 'string', rest);
        return { tokens, open: delimiter };
      }
      const stop = end < 0 ? rest.length : end + delimiter.length;
      push(tokens, 'string', rest.slice(0, stop));
      i += stop;
      continue;
    }
    if (ch === '@' && tokens.every((t) => t.text.trim() === '')) {
      const name = /^@[\w.]+/.exec(rest)?.[0] ?? '@';
      push(tokens, 'decorator', name);
      i += name.length;
      continue;
    }
    const word = IDENT.exec(rest);
    if (word) {
      const kind = KEYWORDS.has(word[0]) ? 'keyword' : BUILTINS.has(word[0]) ? 'builtin' : 'text';
      push(tokens, kind, word[0]);
      i += word[0].length;
      continue;
    }
    const number =
      /[0-9]/.test(ch) || (ch === '.' && /^\.\d/.test(rest)) ? NUMBER.exec(rest) : null;
    if (number) {
      push(tokens, 'number', number[0]);
      i += number[0].length;
      continue;
    }
    push(tokens, 'text', ch);
    i += 1;
  }
  return { tokens, open: null };
}

/** A prefix letter followed directly by a quote (`f"..."`), not an identifier like `foo`. */
function isPrefixOnly(rest: string): boolean {
  return /^[rRbBuUfF]{1,2}['"]/.test(rest);
}

function findClose(text: string, from: number, delimiter: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text.startsWith(delimiter, j)) return j;
  }
  return -1;
}

/** Appends a token, merging it into the previous one when both are plain text. */
function push(tokens: Token[], kind: TokenKind, text: string): Token[] {
  if (text === '') return tokens;
  const last = tokens[tokens.length - 1];
  if (last && last.kind === kind && kind === 'text') {
    tokens[tokens.length - 1] = { kind, text: last.text + text };
  } else {
    tokens.push({ kind, text });
  }
  return tokens;
}
