/**
 * Markdown-lite, the text format of tour annotations (docs/tours.md): paragraphs
 * separated by a blank line, "- " bullet lists, **bold**, *emphasis*, `code`, and
 * [links](#/lab/...) to the app's own hash routes or to https addresses. Nothing
 * else: no HTML, no headings, no images. The parser returns a small tree that the
 * view renders as React elements, so text is always text and never markup; a link
 * to anything but `#/` or `https://` stays plain text.
 */

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'em'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly kind: 'p'; readonly children: readonly Inline[] }
  | { readonly kind: 'ul'; readonly items: readonly (readonly Inline[])[] };

const BULLET = /^\s*[-*]\s+/;
const ESCAPABLE = '\\`*_[]()#-';
const LINK = /^\[([^\]\n]+)\]\(([^()\s]+)\)/;

export function isSafeHref(href: string): boolean {
  return href.startsWith('#/') || /^https:\/\/[^\s"'<>]+$/.test(href);
}

export function parseMarkdownLite(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => BULLET.test(l))) {
      blocks.push({ kind: 'ul', items: lines.map((l) => parseInline(l.replace(BULLET, ''))) });
    } else {
      blocks.push({ kind: 'p', children: parseInline(lines.map((l) => l.trim()).join(' ')) });
    }
  }
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer !== '') out.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && ESCAPABLE.includes(next)) {
      buffer += next;
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '*' && next === '*') {
      let end = text.indexOf('**', i + 2);
      // In '***', the strong closes on the last two stars ('**b *c***').
      while (end > 0 && text[end + 2] === '*') end++;
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (c === '*' && next !== '*' && next !== ' ' && next !== undefined) {
      const end = closingStar(text, i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const m = LINK.exec(text.slice(i));
      if (m) {
        const [whole, label, href] = m as unknown as [string, string, string];
        flush();
        if (isSafeHref(href)) out.push({ kind: 'link', href, children: parseInline(label) });
        else out.push({ kind: 'text', text: label });
        i += whole.length;
        continue;
      }
    }
    buffer += c;
    i++;
  }
  flush();
  return out;
}

/** The next single '*' (not part of '**') after `from`, or -1. */
function closingStar(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === '`') {
      const end = text.indexOf('`', j + 1);
      if (end > j) j = end;
      continue;
    }
    if (text[j] !== '*') continue;
    if (text[j + 1] === '*') {
      j++;
      continue;
    }
    return text[j - 1] === ' ' ? -1 : j;
  }
  return -1;
}

/** The plain text of a Markdown-lite string (for titles, aria labels and the postmortem). */
export function plainText(source: string): string {
  const inline = (items: readonly Inline[]): string =>
    items
      .map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : inline(n.children)))
      .join('');
  return parseMarkdownLite(source)
    .map((b) =>
      b.kind === 'p' ? inline(b.children) : b.items.map((i) => `- ${inline(i)}`).join('\n'),
    )
    .join('\n\n');
}
