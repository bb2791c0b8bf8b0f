/**
 * The lab toolbar's Export menu: the postmortem (Markdown, or rich text on the
 * clipboard for Google Docs and Confluence), the standalone replay (one HTML
 * file), the slide image (PNG or SVG), the trace (JSON, importable) and the
 * link. A menu button: Enter, Space or ↓ opens it on the first item, ↑ ↓ Home
 * End move, Escape closes it and returns to the button. The work itself is in
 * exportActions.ts, loaded on the first use.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLabStore } from '../../store/context.tsx';
import { useSim } from '../lab/hooks.ts';
import { shareHref } from '../share/ShareButton.tsx';
import './export.css';

type Actions = typeof import('./exportActions.ts');

interface Item {
  readonly id: string;
  readonly label: string;
  readonly run: (a: Actions) => string | Promise<string>;
}

export function ExportMenu() {
  const sim = useSim();
  const store = useLabStore();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  if (!sim) return null;

  const notes = () => store.getState().notes;
  const cursor = () => store.getState().cursor;
  const here = () => window.location.href;
  const items: readonly Item[] = [
    {
      id: 'md',
      label: 'Postmortem (Markdown)',
      run: (a) => a.savePostmortem(store, sim, notes(), here()),
    },
    {
      id: 'rich',
      label: 'Postmortem (rich text, copy)',
      run: (a) => a.copyRichPostmortem(store, sim, notes(), here()),
    },
    {
      id: 'replay',
      label: 'Standalone replay (HTML)',
      run: (a) => a.saveReplay(sim, notes(), here()),
    },
    {
      id: 'png',
      label: 'Slide image (PNG)',
      run: (a) => a.saveSlide('png', sim, notes(), cursor(), here()),
    },
    {
      id: 'svg',
      label: 'Slide image (SVG)',
      run: (a) => a.saveSlide('svg', sim, notes(), cursor(), here()),
    },
    { id: 'trace', label: 'Trace (JSON)', run: (a) => a.saveTrace(sim, cursor()) },
    {
      id: 'link',
      label: 'Copy link',
      run: async () => {
        await navigator.clipboard.writeText(shareHref(store.getState(), here()));
        return 'Link copied.';
      },
    },
  ];

  const focusItem = (index: number) => {
    const buttons = menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]');
    if (!buttons || buttons.length === 0) return;
    buttons[((index % buttons.length) + buttons.length) % buttons.length]?.focus();
  };
  const openMenu = (at: number) => {
    setOpen(true);
    window.requestAnimationFrame(() => focusItem(at));
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const choose = async (item: Item) => {
    close();
    setBusy(true);
    setMessage(
      item.id === 'md' || item.id === 'rich' ? 'Counting every schedule for each fix…' : 'Working…',
    );
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
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [
      ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      close();
    } else if (moves[e.key] !== undefined) {
      e.preventDefault();
      focusItem(moves[e.key] as number);
    }
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
        onClick={() => (open ? close() : openMenu(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openMenu(e.key === 'ArrowDown' ? 0 : items.length - 1);
          }
        }}
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
            onClick={() => void choose(item)}
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
