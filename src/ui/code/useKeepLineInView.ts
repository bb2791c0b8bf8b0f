/**
 * Keeps a listing's line in view by scrolling the listing itself, never the page:
 * down or up when the line is out of sight (to a third of the way down), and sideways
 * to where the line's code starts, so a narrow column shows the code rather than its
 * indentation.
 */
import { useEffect, useRef, type RefObject } from 'react';

/** Returns the ref to put on the listing's scrolling box. */
export function useKeepLineInView(
  focusLine: number | null,
  /** The listing shown and its diff: either puts other rows there, so scroll again. */
  title: string,
  diff: unknown,
): RefObject<HTMLDivElement | null> {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = scroller.current;
    if (!box || focusLine === null) return;
    const row = box.querySelector<HTMLElement>(`[data-line="${focusLine}"]`);
    if (!row) return;
    const top = row.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top + row.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
    scrollToCode(box, row);
  }, [focusLine, title, diff]);
  return scroller;
}

/**
 * Scrolls a listing sideways so the row's code (after its indentation) is in view, when
 * the listing is narrower than the line. Character width is the cell's width over its
 * length: the listing is monospaced.
 */
function scrollToCode(box: HTMLElement, row: HTMLElement): void {
  const cell = row.querySelector<HTMLElement>('.code-text');
  const tokens = cell
    ? [...cell.children].filter((c) => !c.classList.contains('visually-hidden'))
    : [];
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!cell || !first || !last || box.scrollWidth <= box.clientWidth) return;
  const shown = tokens.map((t) => t.textContent ?? '').join('');
  const width = last.getBoundingClientRect().right - first.getBoundingClientRect().left;
  const charPx = shown.length > 0 ? width / shown.length : 0;
  const indent = shown.length - shown.trimStart().length;
  const gutter = cell.offsetLeft;
  const codeStart = indent * charPx;
  const visible = box.clientWidth - gutter;
  box.scrollLeft = codeStart + 12 * charPx > visible ? Math.max(0, codeStart - 2 * charPx) : 0;
}
