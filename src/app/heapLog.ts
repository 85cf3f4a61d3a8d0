// PODTUI_HEAP_LOG=PATH: one JSON line of heap use every 10 s, so a soak
// benchmark can tell growth from garbage without attaching a debugger.
//
// heapUsed alone cannot: under a storm the heap climbs 2–3 MB a second
// between full collections 30–120 s apart, so a sample taken at a random
// moment reads anywhere from the live heap to twice it. Each line therefore
// also carries the heap V8 itself measured right after its last full
// collection (mark-compact) in the interval, which is live data plus little
// floating garbage. And it says how many timeline entries the model holds:
// the history is bounded, and heap that grows while it fills is not a leak.
import { appendFileSync } from 'node:fs';
import { GCProfiler, type GCProfilerResult } from 'node:v8';

export interface HeapLogLine {
  /** Epoch ms. */
  at: number;
  heapUsed: number;
  /** Used heap right after the lowest full collection since the previous line; absent when there was none. */
  heapAfterFullGc?: number;
  /** Timeline entries held across all pods, when the caller can tell. */
  entries?: number;
}

export interface HeapLogOptions {
  /** The model's timeline entries now (ClusterState.totalEntries). */
  entries?: () => number;
  intervalMs?: number;
}

/** V8's name for the full, stop-the-world collection (also the end of incremental marking). */
const FULL_GC = 'MarkSweepCompact';

export function startHeapLog(path: string | undefined, { entries, intervalMs = 10_000 }: HeapLogOptions = {}): () => void {
  if (!path) return () => {};
  let profiler = new GCProfiler();
  profiler.start();
  const write = () => {
    try {
      // GCProfiler hands its records over only when stopped: one profile per
      // line. (A profiler that was not running returns undefined.)
      const collections = (profiler.stop() as GCProfilerResult | undefined)?.statistics ?? [];
      profiler = new GCProfiler();
      profiler.start();
      const afterFull = collections.filter((gc) => gc.gcType === FULL_GC).map((gc) => gc.afterGC.heapStatistics.usedHeapSize);
      const line: HeapLogLine = {
        at: Date.now(),
        heapUsed: process.memoryUsage().heapUsed,
        ...(afterFull.length > 0 && { heapAfterFullGc: Math.min(...afterFull) }),
        ...(entries && { entries: entries() }),
      };
      appendFileSync(path, JSON.stringify(line) + '\n');
    } catch {
      // a benchmark aid must never disturb the screen
    }
  };
  write();
  const timer = setInterval(write, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    profiler.stop();
  };
}
