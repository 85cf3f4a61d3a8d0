// What the kernel knows about a process: its resident memory now and at its
// peak, and the CPU time it has used. Read from /proc so the figures are the
// process's own, not the shell's or the benchmark's.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryUsage {
  /** VmRSS: resident set size now (bytes). */
  rss: number;
  /** VmHWM: the peak resident set size so far (bytes). */
  peakRss: number;
}

/** Reads "Name:\t  1234 kB" lines of /proc/PID/status. */
export function parseProcStatus(text: string): MemoryUsage {
  const kilobytes = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    if (!match) throw new Error(`no ${field} in /proc status`);
    return Number(match[1]) * 1024;
  };
  return { rss: kilobytes('VmRSS'), peakRss: kilobytes('VmHWM') };
}

export function readMemoryUsage(pid: number): MemoryUsage {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

export interface ProcStat {
  /** The executable's name as the kernel keeps it (comm), e.g. "node". */
  command: string;
  parentPid: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

/**
 * Parses /proc/PID/stat. The command sits in parentheses and may itself hold
 * spaces or parentheses, so fields are counted from the last ")".
 */
export function parseProcStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error('malformed /proc stat');
  // After ")": state(3) ppid(4) ... utime(14) stime(15), so index = field - 3.
  const fields = text.slice(close + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  return { command: text.slice(open + 1, close), parentPid: field(4), cpuTicks: field(14) + field(15) };
}

export function readProcStat(pid: number): ProcStat {
  return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

let ticksPerSecond: number | undefined;

/** USER_HZ, the unit of utime/stime (100 on every Linux seen, asked once to be sure). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Live child processes of `pid` (one level). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readProcStat(Number(entry)).parentPid === pid) children.push(Number(entry));
    } catch {
      // The process ended between readdir and read: not a child any more.
    }
  }
  return children;
}
