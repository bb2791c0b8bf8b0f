/**
 * The lab toolbar's Export menu: the postmortem (Markdown, or rich text on the
 * clipboard for Google Docs and Confluence), the standalone replay (one HTML
 * file), the slide image (PNG or SVG), the trace (JSON, importable) and the
 * link. A menu button (useMenuButton.ts): Enter, Space or ↓ opens it on the first
 * item, ↑ ↓ Home End move, Escape closes it and returns to the button. The work
 * itself is in exportActions.ts, loaded on the first use.
 */
import { useId, useState } from 'react';
import { useLabStore } from '../../store/context.tsx';
import { useSim } from '../lab/hooks.ts';
import { exportItems, workingText, type ExportItem } from './exportItems.ts';
import { useMenuButton } from './useMenuButton.ts';
import './export.css';

export function ExportMenu() {
  const sim = useSim();
  const store = useLabStore();
  const items = sim ? exportItems(store, sim) : [];
  const { open, buttonRef, menuRef, close, toggle, onButtonKey, onMenuKey } = useMenuButton(
    items.length,
  );
  const { busy, message, run } = useExportRun();
  const menuId = useId();
  if (!sim) return null;
  const choose = (item: ExportItem) => {
    close();
    void run(item);
  };
  return (
    <span className="export-menu">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={busy}
        onClick={toggle}
        onKeyDown={onButtonKey}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={menuRef}
        id={menuId}
        role="menu"
        aria-label="Export"
        hidden={!open}
        onKeyDown={onMenuKey}
        className="export-menu-list"
      >
        {items.map((item) => (
          <button
            key={item.id}
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => choose(item)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <span role="status" className="export-menu-status">
        {message}
      </span>
    </span>
  );
}

/** Runs one export item at a time, loading the export actions on the first use. */
function useExportRun() {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (item: ExportItem) => {
    setBusy(true);
    setMessage(workingText(item));
    try {
      const actions = await import('./exportActions.ts');
      setMessage(await item.run(actions));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      setMessage(`${item.label} did not work here: ${why}`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run };
}
