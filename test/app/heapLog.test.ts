import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('does nothing without a path', () => {
    let asked = 0;
    expect(startHeapLog(undefined, { entries: () => ++asked })).toBeTypeOf('function');
    expect(asked).toBe(0);
  });
});
