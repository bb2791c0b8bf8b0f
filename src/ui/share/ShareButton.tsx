/**
 * The toolbar's Share button: copies a link to exactly what is on screen (scenario,
 * variant, switch mode, parameters, schedule, step, and the open tab and pinned notes,
 * built by src/store/address.ts). When copying is not allowed, it says so and opens the
 * share tab, where the link can be selected by hand.
 */
import { useId, useState } from 'react';
import { selectShareHref } from '../../store/address.ts';
import { useLabStore } from '../../store/context.tsx';
import { useDrawer } from '../lab/drawerContext.ts';

/** What the Share button and the Export menu copy: the store's address (one builder). */
export const shareHref = selectShareHref;

export function ShareButton() {
  const store = useLabStore();
  const drawer = useDrawer();
  const [said, setSaid] = useState('');
  const saidId = useId();
  const copy = async () => {
    const href = shareHref(store.getState(), window.location.href);
    try {
      await navigator.clipboard.writeText(href);
      setSaid('Link copied.');
    } catch {
      setSaid('Copying was not allowed; the link is in the Share tab.');
      drawer.open('share');
    }
    window.setTimeout(() => setSaid(''), 4000);
  };
  return (
    <span className="share-button">
      <button
        type="button"
        onClick={() => void copy()}
        title="Copy a link to this exact step"
        aria-describedby={saidId}
      >
        Share
      </button>
      <span id={saidId} role="status" className="share-said">
        {said}
      </span>
    </span>
  );
}
