/** A label for a control whose purpose the toolbar shows by itself: read, never seen. */
import type { ReactNode } from 'react';

export function HiddenLabel({
  htmlFor,
  children,
}: {
  readonly htmlFor: string;
  readonly children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor} className="visually-hidden">
      {children}
    </label>
  );
}
