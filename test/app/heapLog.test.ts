import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHeapLog } from '../../src/app/heapLog.js';

describe('PODTUI_HEAP_LOG', () => {
  it('appends one JSON line of heap use per interval until stopped', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'podtui-heap-')), 'heap.jsonl');
    const stop = startHeapLog(path, 20);
    await new Promise((resolve) => setTimeout(resolve, 90));
    stop();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(lines.length);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const entry = JSON.parse(line) as { at: number; heapUsed: number };
      expect(entry.heapUsed).toBeGreaterThan(1_000_000);
      expect(entry.at).toBeGreaterThan(Date.parse('2026-01-01'));
    }
  });

  it('does nothing without a path', () => {
    expect(startHeapLog(undefined)).toBeTypeOf('function');
  });
});
