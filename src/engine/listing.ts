/**
 * Model listings: the Python-like text a code panel shows. Each line a step can
 * execute carries an anchor comment `#@name` at its end; the anchor is stripped
 * for display and resolves to a 1-based line number. A step names its line as
 * `listingId:anchor`, so listings can be edited without renumbering anything,
 * and a test checks that every anchor a program uses exists.
 */

export interface Listing {
  readonly id: string;
  /** File-like title shown above the code, such as `app/worker.py (model)`. */
  readonly title: string;
  /** The display lines, anchors removed. */
  readonly lines: readonly string[];
  /** anchor -> 1-based line number */
  readonly anchors: Readonly<Record<string, number>>;
}

const ANCHOR = /\s*#@([A-Za-z0-9_.-]+)\s*$/;
const DEF = /^\s*(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)/;

export function defineListing(id: string, title: string, source: string): Listing {
  const raw = source.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const anchors: Record<string, number> = {};
  const lines = raw.map((line, index) => {
    const match = ANCHOR.exec(line);
    if (!match) return line;
    const name = match[1] as string;
    if (name in anchors) throw new Error(`listing ${id}: anchor ${name} used twice`);
    anchors[name] = index + 1;
    return line.slice(0, match.index);
  });
  return { id, title, lines, anchors };
}

export interface ResolvedLine {
  readonly listing: string;
  readonly line: number;
  readonly text: string;
  /** The enclosing `def`, or `<module>`. */
  readonly fn: string;
}

/** Resolves `listingId:anchor` against a set of listings; throws on a dangling reference. */
export function resolveAt(listings: Readonly<Record<string, Listing>>, at: string): ResolvedLine {
  const colon = at.indexOf(':');
  const listingId = at.slice(0, colon);
  const anchor = at.slice(colon + 1);
  const listing = listings[listingId];
  if (!listing) throw new Error(`unknown listing "${listingId}" in "${at}"`);
  const line = listing.anchors[anchor];
  if (line === undefined) throw new Error(`listing "${listingId}" has no anchor "${anchor}"`);
  return {
    listing: listingId,
    line,
    text: (listing.lines[line - 1] ?? '').trim(),
    fn: enclosingFunction(listing, line),
  };
}

function enclosingFunction(listing: Listing, line: number): string {
  for (let i = line - 1; i >= 0; i--) {
    const match = DEF.exec(listing.lines[i] ?? '');
    if (match) return match[1] as string;
  }
  return '<module>';
}
