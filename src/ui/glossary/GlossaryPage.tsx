/**
 * The glossary: the words the lab uses, in plain language, from terms.ts (the same terms
 * as docs/glossary.md). Every term has an anchor, so any page can link to one:
 * `#/glossary?term=preemption` opens the page scrolled to that term, with focus on it so
 * that keyboard and screen-reader users land there too.
 */
import { useEffect } from 'react';
import { useHashRoute } from '../../routes/useHashRoute.ts';
import { glossaryHref, termElementId } from './links.ts';
import { GLOSSARY_TERMS, type GlossaryTerm } from './terms.ts';
import './glossary.css';

const TERMS_BY_ID: ReadonlyMap<string, GlossaryTerm> = new Map(
  GLOSSARY_TERMS.map((t) => [t.id, t]),
);

export function GlossaryPage() {
  const route = useHashRoute();
  const wanted = route.kind === 'glossary' ? (route.query['term'] ?? null) : null;
  const known = wanted !== null && TERMS_BY_ID.has(wanted);

  useEffect(() => {
    if (wanted === null || !known) return;
    // After the shell's own effect, which moves focus to the main landmark on every
    // change of address (a parent's effects run after its children's).
    const timer = window.setTimeout(() => {
      const element = document.getElementById(termElementId(wanted));
      // jsdom has no scrollIntoView; browsers do.
      element?.scrollIntoView?.({ block: 'start' });
      element?.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [wanted, known]);

  return (
    <section className="glossary" aria-labelledby="glossary-title">
      <title>Glossary · Arroyo Race Lab</title>
      <h1 id="glossary-title">Glossary</h1>
      <p>The words the lab uses, one name per idea.</p>
      {wanted !== null && !known ? (
        <p role="status" className="glossary-unknown">
          The glossary has no term “{wanted.slice(0, 40)}”; here are all of them.
        </p>
      ) : null}
      <nav aria-label="Terms" className="glossary-index">
        <ul>
          {GLOSSARY_TERMS.map((t) => (
            <li key={t.id}>
              <a href={glossaryHref(t.id)}>{t.term}</a>
            </li>
          ))}
        </ul>
      </nav>
      <dl className="glossary-terms">
        {GLOSSARY_TERMS.map((t) => (
          <TermEntry key={t.id} term={t} current={t.id === wanted} />
        ))}
      </dl>
    </section>
  );
}

function TermEntry({ term, current }: { readonly term: GlossaryTerm; readonly current: boolean }) {
  return (
    <div className={current ? 'glossary-term glossary-term-current' : 'glossary-term'}>
      <dt id={termElementId(term.id)} tabIndex={-1}>
        {term.term}
      </dt>
      {term.definition.map((paragraph, i) => (
        <dd key={i}>
          <InlineText text={paragraph} />
        </dd>
      ))}
      {term.related.length > 0 ? (
        <dd className="glossary-related">
          See also:{' '}
          {term.related.map((id, i) => (
            <span key={id}>
              {i > 0 ? ', ' : null}
              <a href={glossaryHref(id)}>{TERMS_BY_ID.get(id)?.term ?? id}</a>
            </span>
          ))}
        </dd>
      ) : null}
    </div>
  );
}

/** Plain text with `code` between backticks; rendered as text, never as HTML. */
function InlineText({ text }: { readonly text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
