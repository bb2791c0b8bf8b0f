/**
 * The one keyboard adaptor of the lab and presenter mode: listens for key presses on
 * the window, matches each against a pure key table and hands the action to `handle`,
 * which says whether it acted. A key the page acted on has its default prevented; a
 * key that a focused control already handled (`defaultPrevented`) is left to it.
 */
import { useEffect, useRef } from 'react';
import { keyInputOf, type KeyInput } from './keyInput.ts';

export function useWindowKeys<A>(
  match: (input: KeyInput) => A | null,
  handle: (action: A) => boolean,
): void {
  // The listener is attached once; it always calls the latest table and handler, so
  // a handler may read the render's state without re-attaching on every render.
  const latest = useRef({ match, handle });
  useEffect(() => {
    latest.current = { match, handle };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = latest.current.match(keyInputOf(event));
      if (action === null) return;
      if (latest.current.handle(action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
