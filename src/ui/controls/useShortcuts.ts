/**
 * Listens for the lab's keyboard shortcuts on the window and runs the store action
 * each one names. The matching itself is pure (shortcuts.ts).
 */
import { assertUnreachable } from '../../engine/index.ts';
import type { LabStore } from '../../store/labStore.ts';
import { selectOutcomeCounts } from '../crash/useCrashCatalog.ts';
import { useWindowKeys } from '../common/useWindowKeys.ts';
import { matchShortcut, type ShortcutAction } from './shortcuts.ts';

export function useShortcuts(store: LabStore): void {
  useWindowKeys(matchShortcut, (action) => {
    // While the list of keys is open, only `?` (which closes it) acts.
    if (store.getState().helpOpen && action.kind !== 'help') return false;
    run(store, action);
    return true;
  });
}

function run(store: LabStore, action: ShortcutAction): void {
  const s = store.getState();
  switch (action.kind) {
    case 'step':
      return s.stepForward();
    case 'back':
      return s.stepBack();
    case 'play':
      return s.setPlaying(!s.playing);
    case 'start':
      return s.toStart();
    case 'end':
      return s.toEnd();
    case 'crash': {
      // The run's own crash if it has one, else what "Show me the crash" opens.
      if (s.toCrash()) return;
      const first = selectOutcomeCounts(s).failing[0];
      if (first !== undefined) s.openOutcome(first);
      return;
    }
    case 'next-of-thread':
      s.toNextStepOf(s.focusThread);
      return;
    case 'run-thread':
      s.stepWith(action.thread);
      return;
    case 'faster':
      return s.faster();
    case 'slower':
      return s.slower();
    case 'help':
      return s.setHelpOpen(!s.helpOpen);
    default:
      return assertUnreachable(action);
  }
}
