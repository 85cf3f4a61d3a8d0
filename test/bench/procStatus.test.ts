import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startCpuWindow } from '../../src/bench/proc/cpuMeter.js';
import { childrenOf, parseProcStat, parseProcStatus, readMemoryUsage, readProcStat } from '../../src/bench/proc/procStatus.js';

// Trimmed from a real /proc/PID/status of a node process.
const STATUS = `Name:\tnode
Umask:\t0022
State:\tS (sleeping)
Pid:\t4242
PPid:\t4200
VmPeak:\t 1234567 kB
VmSize:\t 1134567 kB
VmHWM:\t  210344 kB
VmRSS:\t  187220 kB
RssAnon:\t  150000 kB
`;

describe('/proc parsing', () => {
  it('reads VmRSS and VmHWM in bytes, not VmPeak or VmSize', () => {
    expect(parseProcStatus(STATUS)).toEqual({ rss: 187220 * 1024, peakRss: 210344 * 1024 });
  });

  it('refuses a status without the fields rather than reporting 0', () => {
    expect(() => parseProcStatus('Name:\tkthreadd\nState:\tS\n')).toThrow(/VmRSS/);
  });

  it.each([
    ['a plain command', '4242 (node) S 4200 4242 4200 34816 4242 4194560 9062 0 0 0 731 129 0 0 20 0 11 0 1234 0 0', 'node', 4200, 860],
    ['a command with spaces and parentheses', '77 (tmux: server (1)) R 1 77 77 0 -1 4194624 500 0 0 0 12 8 3 4 20 0 1 0 99 0 0', 'tmux: server (1)', 1, 20],
  ])('reads command, parent and utime+stime from a stat line with %s', (_, line, command, parentPid, cpuTicks) => {
    expect(parseProcStat(line)).toEqual({ command, parentPid, cpuTicks });
  });

  it('reads this very process', () => {
    const memory = readMemoryUsage(process.pid);
    expect(memory.rss).toBeGreaterThan(10_000_000);
    expect(memory.peakRss).toBeGreaterThanOrEqual(memory.rss);
    expect(readProcStat(process.pid).parentPid).toBe(process.ppid);
  });

  it('finds a child process and measures a busy one near 100 % of a core, an idle one near 0', async () => {
    const busy = spawn(process.execPath, ['-e', 'const end = Date.now() + 5000; while (Date.now() < end);'], { stdio: 'ignore' });
    const idle = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(childrenOf(process.pid)).toEqual(expect.arrayContaining([busy.pid, idle.pid]));
      const busyWindow = startCpuWindow(busy.pid!);
      const idleWindow = startCpuWindow(idle.pid!);
      await new Promise((resolve) => setTimeout(resolve, 600));
      // The machine has 2 shared cores: a spinning process gets most of one, not necessarily all.
      expect(busyWindow.stop()).toBeGreaterThan(40);
      expect(idleWindow.stop()).toBeLessThan(10);
    } finally {
      busy.kill('SIGKILL');
      idle.kill('SIGKILL');
    }
  });
});
