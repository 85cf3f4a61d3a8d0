// PODTUI_HEAP_LOG=PATH: one JSON line of heap use every 10 s, so a soak
// benchmark can tell growth from garbage without attaching a debugger.
// Each line also says how many timeline entries the model holds: the history
// is bounded, and heap that grows while it fills is not a leak, heap that
// grows once it is full is.
import { appendFileSync } from 'node:fs';

export interface HeapLogLine {
  /** Epoch ms. */
  at: number;
  heapUsed: number;
  /** Timeline entries held across all pods, when the caller can tell. */
  entries?: number;
}

export interface HeapLogOptions {
  /** The model's timeline entries now (ClusterState.totalEntries). */
  entries?: () => number;
  intervalMs?: number;
}

export function startHeapLog(path: string | undefined, { entries, intervalMs = 10_000 }: HeapLogOptions = {}): () => void {
  if (!path) return () => {};
  const write = () => {
    try {
      const line: HeapLogLine = { at: Date.now(), heapUsed: process.memoryUsage().heapUsed, ...(entries && { entries: entries() }) };
      appendFileSync(path, JSON.stringify(line) + '\n');
    } catch {
      // a benchmark aid must never disturb the screen
    }
  };
  write();
  const timer = setInterval(write, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
