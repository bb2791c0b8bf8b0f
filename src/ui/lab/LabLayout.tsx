/**
 * The lab's panels, laid out as a debugger: toolbar, the "what just happened" line,
 * then a body that fills the rest of the screen with the threads' code columns, the
 * "why" callout (at a failure) and the state that matters beside them, and the
 * timeline across the bottom. The timeline's
 * height follows a splitter; the side panel can be hidden to give the code more room.
 * On a phone the body stacks (the callout, the thread that moved, the state, the
 * timeline) under the toolbar and "what just happened", which stay put.
 */
import { useState } from 'react';
import { Controls } from '../controls/Controls.tsx';
import { PanelBoundary } from '../common/PanelBoundary.tsx';
import { Narration } from '../narration/Narration.tsx';
import { OutcomePanel } from '../outcome/OutcomePanel.tsx';
import { NowState } from '../state/NowState.tsx';
import { ThreadColumns } from '../threads/ThreadColumns.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { Drawer } from './Drawer.tsx';
import { OutcomesSlot, WhySlot } from './slots.tsx';
import { Splitter } from './Splitter.tsx';
import { useNarrow } from './useNarrow.ts';

const TIMELINE_ID = 'lab-timeline';

function defaultTimelinePx(): number {
  const h = typeof window === 'undefined' ? 800 : window.innerHeight;
  return Math.round(Math.max(170, Math.min(380, h * 0.27)));
}

export function LabLayout() {
  const narrow = useNarrow();
  const [timelinePx, setTimelinePx] = useState(defaultTimelinePx);
  const [sideOpen, setSideOpen] = useState(true);
  const maxTimeline = Math.max(200, Math.round((window.innerHeight || 800) * 0.6));
  return (
    <>
      <div className="lab-sticky">
        <PanelBoundary name="controls">
          <Controls />
        </PanelBoundary>
        <div className="lab-now">
          <PanelBoundary name="narration">
            <Narration />
          </PanelBoundary>
        </div>
      </div>
      <div
        className={`lab-body${sideOpen ? '' : ' side-closed'}`}
        style={{ ['--timeline-px' as string]: `${timelinePx}px` }}
      >
        <div className="lab-why">
          <PanelBoundary name="why">
            <WhySlot />
          </PanelBoundary>
        </div>
        <section className="lab-code" aria-label="Code">
          <PanelBoundary name="code">
            <ThreadColumns onlyMoved={narrow} />
          </PanelBoundary>
        </section>
        <SidePanel narrow={narrow} open={sideOpen} setOpen={setSideOpen} />
        {narrow ? null : (
          <Splitter
            label="Timeline height"
            orientation="horizontal"
            value={timelinePx}
            min={120}
            max={maxTimeline}
            defaultValue={defaultTimelinePx()}
            onChange={setTimelinePx}
            controls={TIMELINE_ID}
          />
        )}
        <section id={TIMELINE_ID} className="lab-timeline" aria-label="Timeline">
          <PanelBoundary name="timeline">
            <TimelinePanel />
          </PanelBoundary>
        </section>
        <Drawer />
      </div>
    </>
  );
}

/**
 * The state that matters now, the outcomes and the crash beside the code; on a wide
 * screen it can be hidden (a rail brings it back), on a phone it is always there.
 */
function SidePanel({
  narrow,
  open,
  setOpen,
}: {
  readonly narrow: boolean;
  readonly open: boolean;
  readonly setOpen: (open: boolean) => void;
}) {
  return (
    <>
      <aside className="lab-side" aria-label="State now" hidden={!open && !narrow}>
        <div className="side-head">
          <h2>State now</h2>
          {narrow ? null : (
            <button type="button" onClick={() => setOpen(false)} title="Hide this panel">
              Hide
            </button>
          )}
        </div>
        <PanelBoundary name="state">
          <NowState />
        </PanelBoundary>
        <PanelBoundary name="outcomes">
          <OutcomesSlot />
        </PanelBoundary>
        <section className="side-outcome" aria-label="Crash and invariants">
          <h2>Crash and invariants</h2>
          <PanelBoundary name="crash and invariants">
            <OutcomePanel />
          </PanelBoundary>
        </section>
      </aside>
      {open || narrow ? null : (
        <button type="button" className="side-rail" onClick={() => setOpen(true)}>
          Show the state
        </button>
      )}
    </>
  );
}
