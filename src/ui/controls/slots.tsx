/**
 * The toolbar's two slots for buttons that other parts of the lab provide: "Show me the
 * crash" and Export. Until those exist, the crash slot jumps to the crash of the run on
 * screen and the export slot opens the drawer's share and export tab.
 */
import { useLab, useLabStore } from '../../store/context.tsx';
import { firstCrash } from '../../store/navigation.ts';
import { useDrawer } from '../lab/drawerContext.ts';

export function CrashSlot() {
  const store = useLabStore();
  const hasCrash = useLab((s) => (s.sim ? firstCrash(s.sim.run) !== null : false));
  return (
    <button
      type="button"
      className="crash-button"
      onClick={() => store.getState().toCrash()}
      disabled={!hasCrash}
      aria-keyshortcuts="c"
      title={hasCrash ? 'To the crash (c)' : 'This run does not crash'}
    >
      ⚠ To the crash
    </button>
  );
}

export function ExportSlot() {
  const drawer = useDrawer();
  return (
    <button type="button" onClick={() => drawer.open('share')} title="Export the run">
      Export
    </button>
  );
}
