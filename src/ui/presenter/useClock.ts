/** The wall clock, read again every `everyMs`: the speaker window's elapsed time. */
import { useEffect, useState } from 'react';

export function useClock(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
