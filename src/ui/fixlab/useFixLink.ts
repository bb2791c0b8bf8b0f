/**
 * Reads the Fix lab's share link from the route's query whenever it changes. The code
 * in a link is decompressed and handed to `onRead` for the editor, never to the
 * checker: it runs only when the person presses Check. A damaged link yields one
 * sentence and no code, so the editor keeps whatever it holds.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { parseFixLink, type FixLink } from '../../routes/fixLink.ts';
import type { RouteQuery } from '../../routes/router.ts';

export type LinkState =
  | { readonly kind: 'none' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'read'; readonly link: FixLink }
  | { readonly kind: 'bad'; readonly message: string };

const NONE: LinkState = { kind: 'none' };
const READING: LinkState = { kind: 'reading' };

export function useFixLink(query: RouteQuery, onRead: (link: FixLink) => void): LinkState {
  const key = new URLSearchParams(Object.entries(query)).toString();
  const [read, setRead] = useState<{ key: string; state: LinkState } | null>(null);
  const latestOnRead = useRef(onRead);
  useLayoutEffect(() => {
    latestOnRead.current = onRead;
  });

  useEffect(() => {
    if (key === '') return;
    let current = true;
    void parseFixLink(Object.fromEntries(new URLSearchParams(key))).then((parsed) => {
      if (!current) return;
      if (parsed.ok) {
        setRead({ key, state: { kind: 'read', link: parsed.value } });
        latestOnRead.current(parsed.value);
      } else {
        setRead({ key, state: { kind: 'bad', message: parsed.error } });
      }
    });
    return () => {
      current = false;
    };
  }, [key]);

  if (key === '') return NONE;
  return read?.key === key ? read.state : READING;
}
