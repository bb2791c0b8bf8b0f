/** Watching the plot's width and the page's colour scheme, for the timeline controller. */

/** Calls `onWidth` with the element's content width now and whenever it changes. */
export function watchWidth(el: HTMLElement, onWidth: (w: number) => void): () => void {
  onWidth(el.clientWidth || 800);
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  const ro = new ResizeObserver((entries) => {
    const w = entries[0]?.contentRect.width;
    if (w && w > 0) onWidth(w);
  });
  ro.observe(el);
  return () => ro.disconnect();
}

/** Calls `onChange` now and whenever the colour scheme or the root element's theme attributes change. */
export function watchTheme(onChange: () => void): () => void {
  onChange();
  const media =
    typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', onChange);
  const mo = typeof MutationObserver === 'undefined' ? null : new MutationObserver(onChange);
  mo?.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'style', 'data-theme'],
  });
  return () => {
    media?.removeEventListener('change', onChange);
    mo?.disconnect();
  };
}
