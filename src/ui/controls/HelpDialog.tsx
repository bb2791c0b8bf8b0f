/**
 * The `?` overlay: a modal dialog listing every keyboard shortcut (the table is data,
 * SHORTCUT_HELP in shortcuts.ts, the same table the key handler matches). Focus moves
 * into it when it opens, Tab and Shift+Tab stay inside it, Escape, `?` or the Close
 * button closes it, and focus returns to where it was (useModalFocus.ts).
 */
import { useId } from 'react';
import { useLab, useLabStore } from '../../store/context.tsx';
import { SHORTCUT_HELP } from './shortcuts.ts';
import { useModalFocus } from './useModalFocus.ts';

const CLOSE_KEYS = ['Escape', '?'];

export function HelpDialog() {
  const open = useLab((s) => s.helpOpen);
  const store = useLabStore();
  const titleId = useId();
  const close = () => store.getState().setHelpOpen(false);
  const { dialogRef, closeRef, onKeyDown } = useModalFocus(open, close, CLOSE_KEYS);
  if (!open) return null;
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
        <ShortcutTable />
        <p className="muted">Shortcuts do nothing while you type in a field.</p>
        <button ref={closeRef} type="button" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}

function ShortcutTable() {
  return (
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
  );
}
