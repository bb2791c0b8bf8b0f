/**
 * The toolbar's two slots for buttons that other parts of the lab provide: "Show me the
 * crash" and the Export menu (src/ui/export). Until the first exists, the crash slot
 * jumps to the crash of the run on screen.
 */
import { useLab, useLabStore } from '../../store/context.tsx';
import { firstCrash } from '../../store/navigation.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';

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
  return <ExportMenu />;
}
