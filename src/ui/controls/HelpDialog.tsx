/**
 * The `?` overlay: a modal dialog listing every keyboard shortcut. Focus moves into it
 * when it opens, Tab and Shift+Tab stay inside it, Escape or the Close button closes
 * it, and focus returns to where it was.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useLab, useLabStore } from '../../store/context.tsx';
import { SHORTCUT_HELP } from './shortcuts.ts';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function HelpDialog() {
  const open = useLab((s) => s.helpOpen);
  const store = useLabStore();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => before?.focus();
  }, [open]);

  if (!open) return null;
  const close = () => store.getState().setHelpOpen(false);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' || event.key === '?') {
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

  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        ref={dialogRef}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUT_HELP.map((row) => (
              <tr key={row.does}>
                <td>
                  {row.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? ' ' : ''}
                      {k === '…' ? '…' : <kbd>{k}</kbd>}
                    </span>
                  ))}
                </td>
                <td>{row.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Shortcuts do nothing while you type in a field.</p>
        <button ref={closeRef} type="button" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
