/** One line of highlighted Python: its tokens as spans, plain text without a class. */
import type { Token } from './highlight.ts';

export function Tokens({ tokens }: { readonly tokens: readonly Token[] }) {
  return tokens.map((t, i) =>
    t.kind === 'text' ? (
      <span key={i}>{t.text}</span>
    ) : (
      <span key={i} className={`tok-${t.kind}`}>
        {t.text}
      </span>
    ),
  );
}
