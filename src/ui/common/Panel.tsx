/**
 * A titled region of the lab: a landmark section labelled by its heading, with the
 * panel's content inside its own error boundary.
 */
import { useId, type ReactNode } from 'react';
import { PanelBoundary } from './PanelBoundary.tsx';

export interface PanelProps {
  readonly title: string;
  readonly className?: string;
  /** Controls shown beside the heading. */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

export function Panel({ title, className, actions, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      <PanelBoundary name={title}>{children}</PanelBoundary>
    </section>
  );
}
