import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeapLog, type HeapLogLine } from '../../src/app/heapLog.js';

const dirs: string[] = [];
const logPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'podtui-heap-'));
  dirs.push(dir);
  return join(dir, 'heap.jsonl');
};
const readLines = (path: string): HeapLogLine[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as HeapLogLine);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A full (mark-compact) collection on demand, without starting node with --expose-gc. */
const fullGc = (): void => {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PODTUI_HEAP_LOG', () => {
  it('appends one JSON line of heap use per interval until stopped', async () => {
    const path = logPath();
    const stop = startHeapLog(path, { intervalMs: 20 });
    await wait(90);
    stop();
    const lines = readLines(path);
    await wait(60);
    expect(readLines(path)).toHaveLength(lines.length);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line.heapUsed).toBeGreaterThan(1_000_000);
      expect(line.at).toBeGreaterThan(Date.parse('2026-01-01'));
      expect(line).not.toHaveProperty('entries');
    }
  });

  it('carries the timeline entries the model holds at each line, so a soak can tell the history filling from a leak', async () => {
    const path = logPath();
    let held = 0;
    const stop = startHeapLog(path, { intervalMs: 20, entries: () => (held += 25_000) });
    await wait(70);
    stop();
    const entries = readLines(path).map((line) => line.entries);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.slice(0, 2)).toEqual([25_000, 50_000]);
  });

  it('reports the heap right after a full collection in the interval, and nothing before one', async () => {
    const path = logPath();
    const stop = startHeapLog(path, { intervalMs: 30 });
    let garbage: number[][] | undefined = Array.from({ length: 2_000 }, (_, i) => Array.from({ length: 500 }, () => i));
    const withGarbage = process.memoryUsage().heapUsed;
    garbage = undefined;
    fullGc();
    await wait(80);
    stop();
    expect(garbage).toBeUndefined();
    const [first, ...later] = readLines(path);
    // Written as the log starts, before any collection.
    expect(first).not.toHaveProperty('heapAfterFullGc');
    const collected = later.find((line) => line.heapAfterFullGc !== undefined)?.heapAfterFullGc;
    expect(collected).toBeGreaterThan(1_000_000);
    // 2,000 arrays of 500 numbers (~8 MB) became garbage: the collected heap is below the heap that held them.
    expect(collected!).toBeLessThan(withGarbage - 4_000_000);
  });

  it('does nothing without a path', () => {
    let asked = 0;
    expect(startHeapLog(undefined, { entries: () => ++asked })).toBeTypeOf('function');
    expect(asked).toBe(0);
  });
});
