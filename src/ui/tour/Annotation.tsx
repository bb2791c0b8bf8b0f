/**
 * A tour annotation: Markdown-lite (src/tours/markdown.ts) rendered as React
 * elements, so the text can never become markup.
 */
import type { ReactNode } from 'react';
import { parseInline, parseMarkdownLite, type Inline } from '../../tours/markdown.ts';

export function Annotation({
  text,
  className,
}: {
  readonly text: string;
  readonly className?: string;
}) {
  const blocks = parseMarkdownLite(text);
  return (
    <div className={`annotation ${className ?? ''}`}>
      {blocks.map((b, i) =>
        b.kind === 'p' ? (
          <p key={i}>{inline(b.children)}</p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

/** One line of Markdown-lite inline text (a question, a choice, a hint). */
export function InlineText({ text }: { readonly text: string }) {
  return <>{inline(parseInline(text))}</>;
}

function inline(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'link':
        return (
          <a
            key={i}
            href={n.href}
            {...(n.href.startsWith('https://')
              ? { rel: 'noopener noreferrer', target: '_blank' }
              : {})}
          >
            {inline(n.children)}
          </a>
        );
    }
  });
}
