import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpuPercent, startCpuWindow } from '../../src/bench/proc/cpuMeter.js';
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

  it('finds its child processes', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(childrenOf(process.pid)).toContain(child.pid);
      expect(readProcStat(child.pid!).command).toBe('node');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.each([
    [30, 100, 1, 30],
    [150, 100, 2, 75],
    [0, 100, 5, 0],
    [10, 100, 0, 0],
  ])('%i ticks at %i/s over %i s is %i %% of one core', (ticks, perSecond, seconds, percent) => {
    expect(cpuPercent(ticks, perSecond, seconds)).toBeCloseTo(percent);
  });

  it('charges a process the CPU it used, however busy the machine is', async () => {
    // Burns 400 ms of its own CPU time, says so, then idles: the window must see ~0.4 CPU seconds
    // whatever share of a core the process got meanwhile (2 cores shared by several engineers).
    const burner = spawn(
      process.execPath,
      ['-e', "const s = process.cpuUsage(); for (;;) { const u = process.cpuUsage(s); if (u.user + u.system >= 400000) break; } console.log('done'); setTimeout(() => {}, 5000);"],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    try {
      let wall = 0;
      const window = startCpuWindow(burner.pid!, () => wall);
      const startedAt = performance.now();
      await new Promise((resolve) => burner.stdout!.once('data', resolve));
      wall = performance.now() - startedAt;
      const cpuSeconds = (window.stop() / 100) * (wall / 1000);
      // Ticks are 10 ms; the process's start-up (before the window opened) and exit add a little.
      expect(cpuSeconds).toBeGreaterThan(0.3);
      expect(cpuSeconds).toBeLessThan(0.9);
    } finally {
      burner.kill('SIGKILL');
    }
  });
});
