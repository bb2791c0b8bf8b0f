/** The playback speed, in steps per second (`[` and `]` change it too). */
import { useLab, useLabStore } from '../../store/context.tsx';
import { SPEEDS } from '../../store/viewSlice.ts';
import { ControlGroup } from './ControlGroup.tsx';

export function SpeedPicker() {
  const store = useLabStore();
  const speed = useLab((s) => s.speed);
  return (
    <ControlGroup className="speed-group" label="Speed">
      {(id) => (
        <select
          id={id}
          className="speed"
          value={speed}
          title="Playback speed in steps per second ([ and ])"
          onChange={(e) => store.getState().setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}/s
            </option>
          ))}
        </select>
      )}
    </ControlGroup>
  );
}
