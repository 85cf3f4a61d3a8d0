// From start to the full pod list on screen, then memory once the client has
// settled: what a user waits for, and what the client keeps to show it.
import { readMemoryUsage } from '../proc/procStatus.js';
import type { ClientRun } from './clients.js';
import { sleep } from './settle.js';

export interface StartupResult {
  /** Start of the process to the arrival of the output that completed the list (ms). */
  listMs: number;
  /** VmRSS after `settleMs` of quiet (bytes). */
  rssSettled: number;
  /** VmHWM: the most it ever held, the initial list included (bytes). */
  rssPeak: number;
}

export async function measureStartup(
  run: ClientRun,
  pods: number,
  options: { timeoutMs: number; settleMs: number; slack?: number },
): Promise<StartupResult> {
  const shownAt = await run.listShown(pods, options.timeoutMs, options.slack);
  await sleep(options.settleMs);
  const memory = readMemoryUsage(run.screen.pid);
  return { listMs: shownAt - run.startedAt, rssSettled: memory.rss, rssPeak: memory.peakRss };
}
