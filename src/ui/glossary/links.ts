/**
 * Links into the glossary, for any page that uses one of its words: `glossaryHref('seed')`
 * is `#/glossary?term=seed`, which opens the glossary scrolled to that term.
 */
import { routeHref } from '../../routes/router.ts';

export function glossaryHref(termId: string): string {
  return routeHref({ kind: 'glossary', query: { term: termId } });
}

/** The DOM id of a term's heading on the glossary page. */
export function termElementId(termId: string): string {
  return `term-${termId}`;
}
