import { describe, expect, it } from 'vitest';
import { runCacheBench } from '../../src/bench/micro/cacheBench.js';
import { runModelBench } from '../../src/bench/micro/modelBench.js';
import { nextVersion, runningPod } from '../../src/bench/micro/podStream.js';
import { parseMicroOutput, RESULT_PREFIX } from '../../src/bench/micro/protocol.js';
import { microFigures, pooledModel } from '../../src/bench/micro/runMicro.js';
import type { ModelBenchResult } from '../../src/bench/micro/modelBench.js';
import { verdict } from '../../src/bench/report/figure.js';
import { podRow } from '../../src/model/podSummary.js';

const MB = 1_000_000;

describe('pod stream for the in-process benches', () => {
  it('cycles a pod through kubectl statuses a user recognises', () => {
    let pod = runningPod(7, 50, 100);
    const statuses = [podRow(pod).status];
    for (let step = 0; step < 5; step++) {
      pod = nextVersion(pod, step, Date.parse('2026-11-25T10:01:00Z') + step * 10_000, 101 + step);
      statuses.push(`${podRow(pod).ready} ${podRow(pod).status} ${podRow(pod).restarts}`);
    }
    expect(statuses).toEqual(['Running', '0/1 Running 0', '0/1 CrashLoopBackOff 1', '0/1 CrashLoopBackOff 1', '0/1 Running 1', '1/1 Running 1']);
    expect(pod.metadata).toMatchObject({ namespace: 'team-07', resourceVersion: '105' });
  });
});

describe('in-process benches, small', () => {
  it('model: applies every update and keeps timelines within both bounds', () => {
    const result = runModelBench({ pods: 20, updates: 100, namespaces: 5, hotPodUpdates: 1_500 });
    expect(result.longestTimeline).toBe(result.perPodLimit);
    expect(result.totalEntries).toBeLessThanOrEqual(result.totalLimit);
    expect(result.droppedEntries).toBeGreaterThan(0);
    expect(result.updateCpuMs).toBeGreaterThan(0);
    expect(result.coldUpdateCpuMs).toBeGreaterThan(0);
    expect(result.warmUpdateCpuMs).toHaveLength(3);
    expect(result.updateCpuMs).toBe([...result.warmUpdateCpuMs].sort((a, b) => a - b)[1]);
  });

  it('client cache: lists every pod over HTTP and measures what stays on the heap', async () => {
    const result = await runCacheBench({ pods: 200, namespaces: 5, heapUsed: () => process.memoryUsage().heapUsed });
    expect(result.pods).toBe(200);
    expect(result.syncMs).toBeGreaterThan(0);
  });

  it('pools the model bench of several processes: the first runs\' median, and the median of every run after a first', () => {
    const run = (cold: number, warm: number[]): ModelBenchResult => ({
      updateCpuMs: [...warm].sort((a, b) => a - b)[1]!,
      warmUpdateCpuMs: warm,
      coldUpdateCpuMs: cold,
      initialCpuMs: cold / 10,
      readCpuMs: 200,
      totalEntries: 45_000,
      totalLimit: 50_000,
      longestTimeline: 1000,
      perPodLimit: 1000,
      droppedEntries: 7,
      stateHeap: 70 * MB,
    });
    const pooled = pooledModel([run(900, [610, 600, 590]), run(1200, [700, 720, 710]), run(700, [500, 520, 510])]);
    expect(pooled.coldUpdateCpuMs).toBe(900);
    expect(pooled.coldRunsCpuMs).toEqual([900, 1200, 700]);
    expect(pooled.warmUpdateCpuMs).toHaveLength(9);
    expect(pooled.updateCpuMs).toBe(600);
    // The state, bounds and reads are the first process's.
    expect(pooled.initialCpuMs).toBe(90);
    const [first, running] = microFigures({ model: pooled }, { pods: 10_000, updates: 100_000, namespaces: 50 });
    expect(first!.note).toBe('V8 still compiling the model; median of 3 processes: 900, 1200, 700 ms');
    expect(running!.note).toBe('median of runs 2–4 in each process: 610, 600, 590, 700, 720, 710, 500, 520, 510 ms');
  });

  it('turns results into rows with the budgets of issues 4 and 5', () => {
    const stdout = `noise\n${RESULT_PREFIX}${JSON.stringify({
      model: { updateCpuMs: 1450, warmUpdateCpuMs: [1500, 1450, 1400], coldUpdateCpuMs: 1700, initialCpuMs: 300, readCpuMs: 250, totalEntries: 200_000, totalLimit: 200_000, longestTimeline: 1000, perPodLimit: 1000, droppedEntries: 5, stateHeap: 90 * MB },
      cache: { pods: 10_000, retained: 12 * MB, syncMs: 2100 },
    })}\n`;
    const figures = microFigures(parseMicroOutput(stdout), { pods: 10_000, updates: 100_000, namespaces: 50 });
    expect(figures.map((f) => [f.name, f.podtui, verdict(f)])).toEqual([
      ['Model: pod updates through applyObservation, first run after start (CPU)', 1700, 'MISS'],
      ['Model: the same, running (CPU)', 1450, 'MISS'],
      ['Model: initial ADDED of every pod, run 4 (CPU)', 300, 'n/a'],
      ['Model: reading every pod’s timeline once, after the updates (CPU)', 250, 'n/a'],
      ['Model: timeline entries held (bound)', 200_000, 'PASS'],
      ['Model: longest pod timeline (per-pod bound)', 1000, 'PASS'],
      ['Model: heap kept by the state', 90 * MB, 'n/a'],
      ['Client cache per pod (heap after sync)', 1200, 'PASS'],
      ['Client: initial list of every pod (paged)', 2100, 'n/a'],
    ]);
    expect(() => parseMicroOutput('crashed\n')).toThrow(/no result line/);
  });
});
