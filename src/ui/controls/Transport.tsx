/** The toolbar's transport: to the start, back, play or pause, step, to the end. */
import { useLab, useLabStore } from '../../store/context.tsx';
import { useCursor, useRunEnded, useRunLength } from '../lab/hooks.ts';
import { TRANSPORT, type TransportState } from './transport.ts';

export function Transport() {
  const store = useLabStore();
  const cursor = useCursor();
  const length = useRunLength();
  const ended = useRunEnded();
  const playing = useLab((s) => s.playing);
  const state: TransportState = { cursor, atEnd: cursor >= length && ended, playing };
  return (
    <div className="control-group transport">
      {TRANSPORT.map((b) => (
        <button
          key={b.id}
          type="button"
          className={b.className}
          onClick={() => b.run(store.getState(), state)}
          disabled={b.disabled(state)}
          aria-label={b.label}
          aria-keyshortcuts={b.keys}
          title={b.title}
        >
          {b.face(state)}
        </button>
      ))}
    </div>
  );
}
