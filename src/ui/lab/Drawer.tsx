/**
 * The lab's side drawer: the tools that are not needed at every step (setup, compare,
 * explore, notes, share and export, the whole state), one at a time, over the right
 * side of the lab so the code and the timeline never move below the fold. Escape or
 * the close button closes it and puts focus back on the button that opened it. A tab
 * once opened stays mounted (hidden) so what was typed or explored in it survives.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { PanelBoundary } from '../common/PanelBoundary.tsx';
import { ExplorerPanel } from '../explorer/ExplorerPanel.tsx';
import { LabPresenterTools } from '../presenter/StepNotes.tsx';
import { SharePanel } from '../share/SharePanel.tsx';
import { SplitPanel } from '../split/SplitPanel.tsx';
import { StateInspector } from '../state/StateInspector.tsx';
import { DRAWER_LABELS, useDrawer, type DrawerTab } from './drawerContext.ts';
import { SetupBar } from './SetupBar.tsx';

export const DRAWER_ID = 'lab-drawer';

export function Drawer() {
  const { tab, open } = useDrawer();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [opened, setOpened] = useState<readonly DrawerTab[]>([]);
  if (tab !== null && !opened.includes(tab)) setOpened([...opened, tab]);
  useEffect(() => {
    if (tab === null) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    headingRef.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, [tab]);
  if (opened.length === 0) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    open(null);
  };

  return (
    <aside
      id={DRAWER_ID}
      hidden={tab === null}
      className={`lab-drawer drawer-${tab ?? 'closed'}`}
      aria-labelledby={`${DRAWER_ID}-title`}
      onKeyDown={onKeyDown}
    >
      <header className="drawer-head">
        <h2 id={`${DRAWER_ID}-title`} ref={headingRef} tabIndex={-1}>
          {tab === null ? '' : DRAWER_LABELS[tab]}
        </h2>
        <button type="button" onClick={() => open(null)}>
          ✕ Close
        </button>
      </header>
      {opened.map((t) => (
        <div key={t} className="drawer-body" hidden={t !== tab}>
          <PanelBoundary name={DRAWER_LABELS[t]}>
            <DrawerContent tab={t} />
          </PanelBoundary>
        </div>
      ))}
    </aside>
  );
}

function DrawerContent({ tab }: { readonly tab: DrawerTab }) {
  switch (tab) {
    case 'setup':
      return <SetupBar />;
    case 'compare':
      return <SplitPanel />;
    case 'explore':
      return <ExplorerPanel />;
    case 'notes':
      return <LabPresenterTools />;
    case 'share':
      return <SharePanel />;
    case 'inspect':
      return <StateInspector />;
  }
}
