/**
 * A key press as the pure key tables need it (src/ui/controls/shortcuts.ts for the lab,
 * src/ui/presenter/keys.ts for presenter mode): the key, the modifiers that hand it to
 * the browser, and what has focus, since typing in a field or moving a focused slider
 * must keep its keys.
 */

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** Tag name of the focused element (upper case, as the DOM gives it). */
  readonly targetTag: string;
  readonly targetEditable: boolean;
  /** The focused element's ARIA role, if any: a slider keeps its own keys. */
  readonly targetRole?: string | null;
}

/** The key input of a DOM key event; with no element in focus the body has it. */
export function keyInputOf(event: KeyboardEvent): KeyInput {
  const target = event.target instanceof HTMLElement ? event.target : null;
  return {
    key: event.key,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    targetTag: target?.tagName ?? 'BODY',
    targetEditable: target?.isContentEditable ?? false,
    targetRole: target?.getAttribute('role') ?? null,
  };
}
