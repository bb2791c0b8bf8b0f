/**
 * Which chapter is on screen. It starts at the one the address names and follows
 * the address when it changes (a pasted link, the browser's Back and Forward
 * buttons); moving from chapter to chapter pushes the chapter's address with
 * history.pushState, so every chapter has its own link and Back returns to the
 * previous one, without a hashchange that would re-mount the page and pull keyboard
 * focus away from the control that was used.
 */
import { useEffect, useState } from 'react';

export function useSlideIndex(
  routeIndex: number,
  count: number,
  hrefOf: (i: number) => string,
  /** The chapter an address names, or null if it names none of this page's chapters. */
  indexOfHash: (hash: string) => number | null,
): { readonly index: number; go(i: number): void } {
  const [index, setIndex] = useState(routeIndex);
  const [seen, setSeen] = useState(routeIndex);
  if (seen !== routeIndex) {
    setSeen(routeIndex);
    setIndex(routeIndex);
  }
  useEffect(() => {
    const onPop = () => {
      const i = indexOfHash(window.location.hash);
      if (i !== null) setIndex(i);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [indexOfHash]);
  const go = (i: number): void => {
    const target = Math.max(0, Math.min(count - 1, i));
    if (target === index) return;
    window.history.pushState(null, '', hrefOf(target));
    setIndex(target);
  };
  return { index, go };
}
