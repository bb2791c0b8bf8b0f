/**
 * A modal dialog's focus: focus moves to its close button when it opens and returns
 * to where it was when it closes; Tab and Shift+Tab go round its controls and never
 * leave it; `closeKeys` close it. Other keys stop at the dialog, so the page's own
 * shortcuts stay quiet behind it.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function useModalFocus(open: boolean, close: () => void, closeKeys: readonly string[]) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => before?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (closeKeys.includes(event.key)) {
      event.preventDefault();
      close();
      return;
    }
    event.stopPropagation();
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const items = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  return { dialogRef, closeRef, onKeyDown };
}
