/**
 * The app's addresses. Routing is hash-based (`#/lab/pause-rebalance-eager?v=buggy`) so the
 * static site works at any path, a GitHub Pages subpath included, with no server
 * rewrite. This module is pure: it turns a hash string into a `Route` and back, and
 * never reads `location` itself (see useHashRoute.ts for that).
 */
import { assertUnreachable } from '../engine/assertUnreachable.ts';

/** Query parameters after `?` in the hash, e.g. a seed or an encoded schedule. */
export type RouteQuery = Readonly<Record<string, string>>;

export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'about' }
  /** The lab for one scenario; the query is a share link's fields (see link.ts). */
  | { readonly kind: 'lab'; readonly id: string; readonly query: RouteQuery }
  /** A guided tour at one chapter (`#/tour/<tourId>/<chapterId>`; no chapter: the first). */
  | { readonly kind: 'tour'; readonly tour: string; readonly chapter: string | null }
  /**
   * Presenter mode for a tour chapter, or for a lab run with pinned notes
   * (`#/present/lab/<scenarioId>?<lab link fields>&notes=…`; see src/ui/presenter/deck.ts).
   */
  | {
      readonly kind: 'present';
      readonly tour: string;
      readonly chapter: string | null;
      readonly query: RouteQuery;
    }
  /** The Fix lab for one race (`#/fix/metrics?…`): the user's own fix, checked. */
  | { readonly kind: 'fix'; readonly race: string; readonly query: RouteQuery }
  /** "Is my release affected?" (`#/affected?release=2.34.0`). */
  | { readonly kind: 'affected'; readonly query: RouteQuery }
  /** The glossary of the words the lab uses (`#/glossary?term=preemption` jumps to a term). */
  | { readonly kind: 'glossary'; readonly query: RouteQuery }
  | { readonly kind: 'notFound'; readonly path: string };

/** Scenario ids are short slugs: letters, digits, '.', '_' and '-'. */
const ID_PATTERN = /^[A-Za-z0-9._-]{1,80}$/;

const EMPTY_QUERY: RouteQuery = Object.freeze({});

/**
 * Parses `location.hash` ('', '#', '#/', '#/about', '#/lab/<id>?k=v', ...). The older
 * `#/race/<id>` form is read as the lab too, so links made before the rename still work.
 */
export function parseRoute(hash: string): Route {
  const withoutMark = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryStart = withoutMark.indexOf('?');
  const rawPath = queryStart === -1 ? withoutMark : withoutMark.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : withoutMark.slice(queryStart + 1);
  const segments = splitPath(rawPath);
  if (segments === undefined) return { kind: 'notFound', path: withoutMark };

  const [first, second, ...rest] = segments;
  if (first === undefined) return { kind: 'home' };
  if (first === 'about' && second === undefined) return { kind: 'about' };
  if (first === 'glossary' && second === undefined) {
    return { kind: 'glossary', query: parseQuery(rawQuery) };
  }
  if (first === 'affected' && second === undefined) {
    return { kind: 'affected', query: parseQuery(rawQuery) };
  }
  if (first === 'fix' && second !== undefined && rest.length === 0 && ID_PATTERN.test(second)) {
    return { kind: 'fix', race: second, query: parseQuery(rawQuery) };
  }
  const isLab = first === 'lab' || first === 'race';
  if (isLab && second !== undefined && rest.length === 0 && ID_PATTERN.test(second)) {
    return { kind: 'lab', id: second, query: parseQuery(rawQuery) };
  }
  const [third, ...more] = rest;
  const tourShape =
    second !== undefined &&
    ID_PATTERN.test(second) &&
    more.length === 0 &&
    (third === undefined || ID_PATTERN.test(third));
  if (first === 'tour' && tourShape && rawQuery === '') {
    return { kind: 'tour', tour: second, chapter: third ?? null };
  }
  if (first === 'present' && tourShape) {
    return { kind: 'present', tour: second, chapter: third ?? null, query: parseQuery(rawQuery) };
  }
  return { kind: 'notFound', path: withoutMark };
}

/** The `href` for a route, always starting with '#/' so links stay on the page. */
export function routeHref(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'about':
      return '#/about';
    case 'glossary':
      return `#/glossary${queryString(route.query)}`;
    case 'affected':
      return `#/affected${queryString(route.query)}`;
    case 'fix':
      return `#/fix/${encodeURIComponent(route.race)}${queryString(route.query)}`;
    case 'lab': {
      const query = new URLSearchParams(Object.entries(route.query)).toString();
      return `#/lab/${encodeURIComponent(route.id)}${query === '' ? '' : `?${query}`}`;
    }
    case 'tour':
    case 'present': {
      const chapter = route.chapter === null ? '' : `/${encodeURIComponent(route.chapter)}`;
      const query =
        route.kind === 'present' ? new URLSearchParams(Object.entries(route.query)).toString() : '';
      return `#/${route.kind}/${encodeURIComponent(route.tour)}${chapter}${query === '' ? '' : `?${query}`}`;
    }
    case 'notFound':
      return `#${route.path}`;
    default:
      return assertUnreachable(route, 'route');
  }
}

function queryString(query: RouteQuery): string {
  const text = new URLSearchParams(Object.entries(query)).toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Splits '/race/x/' into ['race', 'x']. Returns undefined for paths that do not start
 * with '/' (except the empty path) or that hold an undecodable or empty segment.
 */
function splitPath(rawPath: string): readonly string[] | undefined {
  if (rawPath === '' || rawPath === '/') return [];
  if (!rawPath.startsWith('/')) return undefined;
  const trimmed = rawPath.endsWith('/') ? rawPath.slice(1, -1) : rawPath.slice(1);
  const segments: string[] = [];
  for (const raw of trimmed.split('/')) {
    const segment = safeDecode(raw);
    if (segment === undefined || segment === '') return undefined;
    segments.push(segment);
  }
  return segments;
}

function parseQuery(rawQuery: string): RouteQuery {
  if (rawQuery === '') return EMPTY_QUERY;
  const entries = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    // The first value wins, so a link cannot be changed by appending a duplicate key.
    if (!entries.has(key)) entries.set(key, value);
  }
  // Object.fromEntries defines own properties, so a '__proto__' key stays plain data.
  return Object.freeze(Object.fromEntries(entries));
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
