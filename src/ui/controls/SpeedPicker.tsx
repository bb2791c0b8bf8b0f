/** The playback speed, in steps per second (`[` and `]` change it too). */
import { useId } from 'react';
import { useLab, useLabStore } from '../../store/context.tsx';
import { SPEEDS } from '../../store/viewSlice.ts';
import { HiddenLabel } from '../common/HiddenLabel.tsx';

export function SpeedPicker() {
  const store = useLabStore();
  const speed = useLab((s) => s.speed);
  const id = useId();
  return (
    <div className="control-group speed-group">
      <HiddenLabel htmlFor={id}>Speed</HiddenLabel>
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
    </div>
  );
}
