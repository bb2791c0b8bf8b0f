/**
 * The timeline panel. The timeline is loaded lazily (React.lazy), so its drawing code
 * is not part of the first render; until it arrives the panel says so.
 */
import { lazy, Suspense } from 'react';

const TimelineMount = lazy(() => import('./TimelineMount.tsx'));

export function TimelinePanel() {
  return (
    <Suspense fallback={<p className="muted">Loading the timeline…</p>}>
      <TimelineMount />
    </Suspense>
  );
}
