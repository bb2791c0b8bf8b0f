/**
 * Playback: while `playing`, take one step every 1/speed seconds; stop at the end of a
 * finished run. Stepping is discrete, so there is no motion to reduce; the code panel
 * scrolls without animation when the reader asks for reduced motion.
 */
import { useEffect } from 'react';
import { useLab } from '../../store/context.tsx';
import type { LabStore } from '../../store/labStore.ts';

export function usePlayback(store: LabStore): void {
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const s = store.getState();
      const run = s.sim?.run;
      if (!run || (s.cursor >= run.length && run.ended)) {
        s.setPlaying(false);
        return;
      }
      s.stepForward();
    }, 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed, store]);
}
