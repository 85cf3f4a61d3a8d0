// The soak: a long stretch of steady churn, watching whether memory keeps
// climbing. The heap is sampled when podtui writes it (PODTUI_HEAP_LOG, one
// JSON line {"at": ms, "heapUsed": bytes} at a time); RSS always.
import { existsSync, readFileSync } from 'node:fs';
import { readMemoryUsage } from '../proc/procStatus.js';
import { sleep } from './settle.js';

export interface MemorySample {
  /** ms since the soak began. */
  at: number;
  bytes: number;
}

/**
 * Growth from the first minute after warm-up to the last: the lowest sample
 * of each window, since a garbage-collected heap saws up and down and only
 * its troughs show what is really kept. Returns a fraction (0.05 = 5 %).
 */
export function memoryGrowth(samples: readonly MemorySample[], options: { warmupMs: number; windowMs: number }): number {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const last = sorted.at(-1);
  if (!last) return Number.NaN;
  const lowest = (from: number, to: number) =>
    Math.min(...sorted.filter((s) => s.at >= from && s.at <= to).map((s) => s.bytes));
  const first = lowest(options.warmupMs, options.warmupMs + options.windowMs);
  const end = lowest(last.at - options.windowMs, last.at);
  if (!Number.isFinite(first) || !Number.isFinite(end) || last.at - options.windowMs < options.warmupMs + options.windowMs) return Number.NaN;
  return (end - first) / first;
}

/** Reads a PODTUI_HEAP_LOG file; lines it cannot read (a half-written last line) are skipped. */
export function readHeapLog(path: string, startedAtEpochMs: number): MemorySample[] {
  if (!existsSync(path)) return [];
  const samples: MemorySample[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    try {
      const entry = JSON.parse(line) as { at?: unknown; heapUsed?: unknown };
      if (typeof entry.at === 'number' && typeof entry.heapUsed === 'number') {
        samples.push({ at: entry.at - startedAtEpochMs, bytes: entry.heapUsed });
      }
    } catch {
      // Not a sample line.
    }
  }
  return samples;
}

/** RSS of `pid` every `intervalMs` for `durationMs`. */
export async function sampleRss(pid: number, durationMs: number, intervalMs: number): Promise<MemorySample[]> {
  const samples: MemorySample[] = [];
  const start = performance.now();
  for (;;) {
    const at = performance.now() - start;
    samples.push({ at, bytes: readMemoryUsage(pid).rss });
    if (at >= durationMs) return samples;
    await sleep(Math.min(intervalMs, durationMs - at));
  }
}
