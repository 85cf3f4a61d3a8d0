// The storm: pods and events changing fast, the list already loaded. What it
// costs the client: CPU (% of one core) and bytes written to the terminal per
// second, over the same window for every client.
import { startCpuWindow } from '../proc/cpuMeter.js';
import { readMemoryUsage } from '../proc/procStatus.js';
import type { ClientRun } from './clients.js';
import { sleep } from './settle.js';

export interface StormResult {
  cpuPercent: number;
  bytesPerSecond: number;
  /** VmHWM at the end of the window (bytes). */
  rssPeak: number;
  /** VmRSS at the end of the window (bytes). */
  rss: number;
}

/** Measures every client over one shared window of `seconds`. */
export async function measureStorm(runs: readonly ClientRun[], seconds: number): Promise<StormResult[]> {
  const starts = runs.map((run) => ({ cpu: startCpuWindow(run.screen.pid), bytes: run.screen.bytesWritten, at: performance.now() }));
  await sleep(seconds * 1000);
  return runs.map((run, i) => {
    const start = starts[i]!;
    const elapsed = (performance.now() - start.at) / 1000;
    const cpuPercent = start.cpu.stop();
    const memory = readMemoryUsage(run.screen.pid);
    return { cpuPercent, bytesPerSecond: (run.screen.bytesWritten - start.bytes) / elapsed, rssPeak: memory.peakRss, rss: memory.rss };
  });
}
