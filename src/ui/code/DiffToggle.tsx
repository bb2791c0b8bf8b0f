/**
 * The switch between a fixed implementation's code and what it changes from the buggy
 * code (the store's `showDiff`, shared by every code view of the lab).
 */
import type { ReactNode } from 'react';
import { useLab, useLabStore } from '../../store/context.tsx';

export function DiffToggle({ children }: { readonly children: ReactNode }) {
  const store = useLabStore();
  const showDiff = useLab((s) => s.showDiff);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={showDiff}
        onChange={(e) => store.getState().setShowDiff(e.target.checked)}
      />{' '}
      {children}
    </label>
  );
}
