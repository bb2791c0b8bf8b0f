/**
 * The postmortem of the run on screen, for pages without the lab's Export menu
 * (a tour chapter): download it as Markdown or copy it as rich text. The same
 * generator and the same actions as the Export menu (exportActions.ts), so the
 * document is the one the menu and the headless command write.
 */
import { useState } from 'react';
import { useLabStore } from '../../store/context.tsx';
import { useSim } from '../lab/hooks.ts';

export function PostmortemExport() {
  const sim = useSim();
  const store = useLabStore();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  if (!sim) return null;
  const run = async (rich: boolean) => {
    setBusy(true);
    setMessage('Counting every schedule for each fix…');
    try {
      const a = await import('../export/exportActions.ts');
      const notes = store.getState().notes;
      const href = window.location.href;
      setMessage(
        rich
          ? await a.copyRichPostmortem(store, sim, notes, href)
          : await a.savePostmortem(store, sim, notes, href),
      );
    } catch (error) {
      setMessage(
        `The postmortem could not be made: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="postmortem-export">
      <p className="muted">
        Summary, impact, detection, a timeline in real time units, root cause, trigger, what each
        fix does with the explorer&apos;s counts, action items, lessons and how to reproduce it.
      </p>
      <div className="control-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void run(false)}>
          Download postmortem (Markdown)
        </button>
        <button type="button" disabled={busy} onClick={() => void run(true)}>
          Copy postmortem (rich text)
        </button>
      </div>
      <p role="status" className="muted">
        {message}
      </p>
    </div>
  );
}
