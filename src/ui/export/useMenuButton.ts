/**
 * A menu button's keyboard and focus (the WAI-ARIA menu button pattern): Enter,
 * Space or ↓ opens the menu on its first item and ↑ on its last, ↑ ↓ Home End move
 * round the items, Escape closes it and returns focus to the button, Tab closes it
 * and moves on.
 */
import { useRef, useState, type KeyboardEvent } from 'react';

const ITEM = '[role="menuitem"]';

export function useMenuButton(itemCount: number) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>(ITEM) ?? [])];

  const focusItem = (index: number) => {
    const buttons = items();
    if (buttons.length === 0) return;
    buttons[((index % buttons.length) + buttons.length) % buttons.length]?.focus();
  };
  const openMenu = (at: number) => {
    setOpen(true);
    // The items are hidden until this render lands; focus them on the next frame.
    window.requestAnimationFrame(() => focusItem(at));
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu(e.key === 'ArrowDown' ? 0 : itemCount - 1);
    }
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = items();
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
  const toggle = () => (open ? close() : openMenu(0));
  return { open, buttonRef, menuRef, close, toggle, onButtonKey, onMenuKey };
}
