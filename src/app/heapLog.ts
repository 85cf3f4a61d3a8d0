// PODTUI_HEAP_LOG=PATH: one JSON line of heap use every 10 s, so a soak
// benchmark can tell growth from garbage without attaching a debugger.
import { appendFileSync } from 'node:fs';

export function startHeapLog(path: string | undefined, intervalMs = 10_000): () => void {
  if (!path) return () => {};
  const write = () => {
    try {
      appendFileSync(path, JSON.stringify({ at: Date.now(), heapUsed: process.memoryUsage().heapUsed }) + '\n');
    } catch {
      // a benchmark aid must never disturb the screen
    }
  };
  write();
  const timer = setInterval(write, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
