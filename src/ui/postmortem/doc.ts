/**
 * A document as data (sections of paragraphs, lists, tables, code and images), and
 * its two renderings: Markdown and HTML. The postmortem is written once as a
 * `Doc`; each renderer escapes every piece of text for its own format, so a note
 * that says `<script>` or `](javascript:` reads as those characters in both.
 * Links come only from the generator (never from user text), and only http(s) or
 * in-page addresses are written as links.
 */

export type Inline =
  | string
  | { readonly code: string }
  | { readonly strong: string }
  | { readonly link: string; readonly text: string };

export type Block =
  | { readonly kind: 'p'; readonly text: readonly Inline[] }
  | { readonly kind: 'quote'; readonly text: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      /** Right-aligned columns (numbers). */
      readonly numeric?: readonly boolean[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'image'; readonly alt: string; readonly svg: string; readonly name: string };

export interface Section {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface Doc {
  readonly title: string;
  readonly sections: readonly Section[];
}

// ---------- Markdown ----------

/** Backslash-escapes what Markdown would read as syntax; line breaks become spaces. */
export function mdText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/([\\`*_[\]<>|~&])/g, '\\$1')
    .replace(/^([-+=#>]|\d+[.)])/, '\\$1');
}

function mdCode(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').replace(/`/g, "'");
  return `\`${flat}\``;
}

function safeHref(href: string): string | null {
  return /^(https?:\/\/|#)/i.test(href) && !/[\s<>()]/.test(href) ? href : null;
}

function mdInline(parts: readonly Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return mdText(p);
      if ('code' in p) return mdCode(p.code);
      if ('strong' in p) return `**${mdText(p.strong)}**`;
      const href = safeHref(p.link);
      return href === null ? mdText(p.text) : `[${mdText(p.text)}](${href})`;
    })
    .join('');
}

function mdBlock(b: Block, images: string[]): string {
  switch (b.kind) {
    case 'p':
      return mdInline(b.text);
    case 'quote':
      return `> ${mdInline(b.text)}`;
    case 'list':
      return b.items.map((item) => `- ${mdInline(item)}`).join('\n');
    case 'table': {
      const head = `| ${b.head.map(mdText).join(' | ')} |`;
      const rule = `| ${b.head.map((_, i) => (b.numeric?.[i] ? '---:' : '---')).join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${r.map((c) => mdInline(c) || ' ').join(' | ')} |`);
      return [head, rule, ...rows].join('\n');
    }
    case 'code': {
      const fence = '`'.repeat(Math.max(3, longestRun(b.text, '`') + 1));
      return `${fence}text\n${b.text}\n${fence}`;
    }
    case 'image': {
      // Reference style, so the long data URI sits at the end and the text stays readable.
      images.push(`[${b.name}]: data:image/svg+xml;base64,${base64(b.svg)}`);
      return `![${mdText(b.alt)}][${b.name}]`;
    }
  }
}

function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

export function toMarkdown(doc: Doc): string {
  const images: string[] = [];
  const out: string[] = [`# ${mdText(doc.title)}`];
  for (const s of doc.sections) {
    out.push(`## ${mdText(s.title)}`);
    for (const b of s.blocks) out.push(mdBlock(b, images));
  }
  if (images.length > 0) out.push(...images);
  return `${out.join('\n\n')}\n`;
}

// ---------- HTML ----------

export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlInline(parts: readonly Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return htmlText(p);
      if ('code' in p) return `<code>${htmlText(p.code)}</code>`;
      if ('strong' in p) return `<strong>${htmlText(p.strong)}</strong>`;
      const href = safeHref(p.link);
      return href === null
        ? htmlText(p.text)
        : `<a href="${htmlText(href)}">${htmlText(p.text)}</a>`;
    })
    .join('');
}

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p>${htmlInline(b.text)}</p>`;
    case 'quote':
      return `<blockquote><p>${htmlInline(b.text)}</p></blockquote>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${htmlInline(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const align = (i: number): string => (b.numeric?.[i] ? ' align="right"' : '');
      const head = b.head.map((h, i) => `<th${align(i)}>${htmlText(h)}</th>`).join('');
      const rows = b.rows
        .map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${htmlInline(c)}</td>`).join('')}</tr>`)
        .join('');
      return `<table border="1" cellpadding="4"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'code':
      return `<pre><code>${htmlText(b.text)}</code></pre>`;
    case 'image':
      return `<figure>${b.svg}<figcaption>${htmlText(b.alt)}</figcaption></figure>`;
  }
}

/** The document as an HTML fragment (for the clipboard: a heading, sections, no page chrome). */
export function toHtml(doc: Doc): string {
  const out = [`<h1>${htmlText(doc.title)}</h1>`];
  for (const s of doc.sections) {
    out.push(`<h2>${htmlText(s.title)}</h2>`);
    for (const b of s.blocks) out.push(htmlBlock(b));
  }
  return `${out.join('\n')}\n`;
}

/** UTF-8 safe base64, in Node and the browser alike. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
