// A clock for one small component: re-renders only that component every
// `intervalMs` while active, so a ticking countdown does not redraw the screen.
import { useEffect, useState } from 'react';

export function useClock(now: () => number, intervalMs: number, active = true): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!active) return;
    setTime(now());
    const timer = setInterval(() => setTime(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs, active]);
  return time;
}
