// The soak: a long stretch of steady churn, watching whether memory keeps
// climbing once podtui has reached its steady state. The heap is read from
// what podtui writes (PODTUI_HEAP_LOG, src/app/heapLog.ts: one JSON line every
// 10 s with heapUsed, the heap right after V8's last full collection, and the
// timeline entries held); RSS is sampled from /proc.
import { existsSync, readFileSync } from 'node:fs';
import { readMemoryUsage } from '../proc/procStatus.js';
import { sleep } from './settle.js';

export interface MemorySample {
  /** ms since the soak began. */
  at: number;
  bytes: number;
}

export interface GrowthWindows {
  /** Samples before this (ms into the soak) are the process still filling its bounds. */
  warmupMs: number;
  /** Length of the first window (from warmupMs) and of the last (up to the last sample). */
  windowMs: number;
}

/**
 * Growth from the first window after warm-up to the last: the lowest sample
 * of each, since a garbage-collected heap saws up and down and only its
 * troughs show what is really kept. Returns a fraction (0.05 = 5 %); NaN when
 * the samples do not cover two separate windows with a sample in each.
 */
export function memoryGrowth(samples: readonly MemorySample[], { warmupMs, windowMs }: GrowthWindows): number {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const last = sorted.at(-1);
  if (!last || last.at - windowMs < warmupMs + windowMs) return Number.NaN;
  const lowest = (from: number, to: number) =>
    Math.min(...sorted.filter((s) => s.at >= from && s.at <= to).map((s) => s.bytes));
  const first = lowest(warmupMs, warmupMs + windowMs);
  const end = lowest(last.at - windowMs, last.at);
  if (!Number.isFinite(first) || !Number.isFinite(end)) return Number.NaN;
  return (end - first) / first;
}

export interface HistorySample {
  at: number;
  /** Timeline entries the model held. */
  entries: number;
}

/** What a PODTUI_HEAP_LOG says, as series relative to the soak start. */
export interface HeapLog {
  heapUsed: MemorySample[];
  /**
   * Used heap right after a full collection: live data plus a little
   * floating garbage. The heapUsed troughs are not: taken every 10 s while
   * the heap climbs 2–3 MB/s between full collections 10–110 s apart, the
   * lowest of a minute's samples read 128–147 MB for the same ~125 MB live.
   */
  afterFullGc: MemorySample[];
  history: HistorySample[];
}

/** Reads a PODTUI_HEAP_LOG file; lines it cannot read (a half-written last line) are skipped. */
export function readHeapLog(path: string, startedAtEpochMs: number): HeapLog {
  const log: HeapLog = { heapUsed: [], afterFullGc: [], history: [] };
  if (!existsSync(path)) return log;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    let entry: { at?: unknown; heapUsed?: unknown; heapAfterFullGc?: unknown; entries?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // not a sample line
    }
    if (typeof entry.at !== 'number' || typeof entry.heapUsed !== 'number') continue;
    const at = entry.at - startedAtEpochMs;
    log.heapUsed.push({ at, bytes: entry.heapUsed });
    if (typeof entry.heapAfterFullGc === 'number') log.afterFullGc.push({ at, bytes: entry.heapAfterFullGc });
    if (typeof entry.entries === 'number') log.history.push({ at, entries: entry.entries });
  }
  return log;
}

/**
 * When the history reached its bound: the first sample holding the most
 * entries the log ever shows. undefined when that most is only reached by
 * the last sample, i.e. the history was still growing when the soak ended
 * (no bound reached, or a bound that does not hold).
 */
export function historyFullAt(history: readonly HistorySample[]): number | undefined {
  if (history.length < 2) return undefined;
  const most = Math.max(...history.map((h) => h.entries));
  const first = history.find((h) => h.entries === most)!;
  return first === history.at(-1) ? undefined : first.at;
}

/**
 * The steady state starts once the history is at its bound and has been at
 * it for SETTLE_MS. Reaching the bound is not enough: at 10,000 pods the
 * initial list alone fills the 50,000 entries within 10 s, but what fills it
 * keeps changing for another ~2 minutes under the storm (the list's entries
 * are replaced by the storm's transitions and events; the events' share of
 * the history climbs from 1,850 to a steady ~6,170 entries at ~170 s), and
 * the live heap with it (117 MB at 67 s, 124–132 MB from 169 s on).
 */
export const SOAK_SETTLE_MS = 180_000;
/**
 * Each window spans 2 minutes so that it holds several full collections
 * (10–110 s apart under the storm at 10,000 pods).
 */
export const SOAK_WINDOW_MS = 120_000;

export interface SoakWindows extends GrowthWindows {
  /** Why the warm-up is not the history's own fill time, when it is not. */
  note?: string;
}

/** Warm-up and windows for a soak's growth figures, from the history its heap log shows. */
export function soakWindows(log: HeapLog): SoakWindows {
  const windowMs = SOAK_WINDOW_MS;
  if (log.history.length === 0) return { warmupMs: SOAK_SETTLE_MS, windowMs, note: 'heap log without timeline entries: fixed warm-up' };
  const fullAt = historyFullAt(log.history);
  if (fullAt === undefined) return { warmupMs: SOAK_SETTLE_MS, windowMs, note: 'history still growing at the end of the soak' };
  return { warmupMs: Math.max(0, fullAt) + SOAK_SETTLE_MS, windowMs };
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
