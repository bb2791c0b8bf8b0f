/**
 * The lab's toolbar, one row on a wide screen: to the start, back, play or pause,
 * step, to the end, the speed, a scrubber over every recorded step with the step count,
 * the thread picker with "its next step", then "Show me the crash", Share, Export and
 * the shortcut list. Every button names its shortcut in `aria-keyshortcuts` and its
 * tooltip. On a phone the same toolbar sticks to the top of the screen.
 */
import { useLabStore } from '../../store/context.tsx';
import { useSim } from '../lab/hooks.ts';
import { ShareButton } from '../share/ShareButton.tsx';
import { CrashSlot, ExportSlot } from './slots.tsx';
import { SpeedPicker } from './SpeedPicker.tsx';
import { StepScrubber } from './StepScrubber.tsx';
import { ThreadPicker } from './ThreadPicker.tsx';
import { Transport } from './Transport.tsx';

export function Controls() {
  const sim = useSim();
  if (!sim) return null;
  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      <Transport />
      <SpeedPicker />
      <StepScrubber />
      <ThreadPicker sim={sim} />
      <ToolbarActions />
    </div>
  );
}

function ToolbarActions() {
  const store = useLabStore();
  return (
    <div className="control-group actions">
      <CrashSlot />
      <ShareButton />
      <span className="export-slot">
        <ExportSlot />
      </span>
      <button
        type="button"
        className="icon help-button"
        onClick={() => store.getState().setHelpOpen(true)}
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </div>
  );
}
