// CPU use over a window, as a share of one core: the process's utime+stime
// delta divided by the wall time that passed.
import { clockTicksPerSecond, readProcStat } from './procStatus.js';

export interface CpuWindow {
  /** Stops the window and returns % of one core (100 = one core busy all the time). */
  stop(): number;
}

export function startCpuWindow(pid: number, now: () => number = () => performance.now()): CpuWindow {
  const startTicks = readProcStat(pid).cpuTicks;
  const startedAt = now();
  return {
    stop() {
      const ticks = readProcStat(pid).cpuTicks - startTicks;
      const seconds = (now() - startedAt) / 1000;
      return seconds > 0 ? (ticks / clockTicksPerSecond() / seconds) * 100 : 0;
    },
  };
}
