// CPU use over a window, as a share of one core: the process's utime+stime
// delta divided by the wall time that passed.
import { clockTicksPerSecond, readProcStat } from './procStatus.js';

export interface CpuWindow {
  /** Stops the window and returns % of one core (100 = one core busy all the time). */
  stop(): number;
}

/** CPU seconds over wall seconds, as % of one core. */
export function cpuPercent(ticks: number, ticksPerSecond: number, wallSeconds: number): number {
  return wallSeconds > 0 ? (ticks / ticksPerSecond / wallSeconds) * 100 : 0;
}

export function startCpuWindow(pid: number, now: () => number = () => performance.now()): CpuWindow {
  const startTicks = readProcStat(pid).cpuTicks;
  const startedAt = now();
  return {
    stop() {
      return cpuPercent(readProcStat(pid).cpuTicks - startTicks, clockTicksPerSecond(), (now() - startedAt) / 1000);
    },
  };
}
