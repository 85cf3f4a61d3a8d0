// The end-to-end figures: podtui and kubectl, each in its own 120x40 pty,
// against a `podtui sim` process under the same load. A phase that fails
// still yields its rows (empty, with the reason) so one broken piece never
// hides the other figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGETS } from '../budgets.js';
import type { BenchOptions } from '../options.js';
import { percentile } from '../report/percentile.js';
import type { Figure } from '../report/figure.js';
import { startKubectl, startPodtui, type ClientRun } from './clients.js';
import { measureKeyLatency } from './keyLatency.js';
import { startSim } from './simProcess.js';
import { memoryGrowth, readHeapLog, sampleRss, soakWindows, type HeapLog, type MemorySample } from './soak.js';
import { measureStartup, type StartupResult } from './startup.js';
import { measureStorm } from './storm.js';
import { sleep } from './settle.js';

const podsLabel = (pods: number) => `${pods.toLocaleString('en-US')} pods`;
/** How long a list may take before the run gives up on it: generous, the budget is what judges. */
const listTimeoutMs = (pods: number) => 30_000 + pods * 3;
/**
 * `podtui sim` also runs the demo's scenarios (a few dozen pods that come and
 * go), so "every pod" is the API server's count when the client starts, give
 * or take this many; under the storm, give or take 2 %.
 */
const QUIET_SLACK = 5;
const stormSlack = (pods: number) => Math.max(QUIET_SLACK, Math.round(pods * 0.02));

const reason = (error: unknown) => ((error as Error).message ?? String(error)).split('\n')[0]!.slice(0, 80);

function report(phase: string, error: unknown): string {
  process.stderr.write(`bench: ${phase} failed: ${(error as Error).stack ?? String(error)}\n`);
  return `failed: ${reason(error)}`;
}

async function closeAll(runs: readonly ClientRun[]): Promise<void> {
  await Promise.all(runs.map((run) => run.screen.close()));
}

/** Start-up figures at one load: podtui, then kubectl, one at a time on a quiet cluster. */
export async function startupFigures(pods: number, options: BenchOptions): Promise<Figure[]> {
  const load = podsLabel(pods);
  const results: { podtui?: StartupResult; kubectl?: StartupResult } = {};
  const notes: string[] = [];
  try {
    const sim = await startSim({ pods, namespaces: options.namespaces, churn: 0, eventRate: 0 });
    try {
      for (const start of [startPodtui, startKubectl]) {
        const expected = await sim.countPods();
        const run = start(sim.kubeconfig);
        try {
          results[run.name] = await measureStartup(run, expected, { timeoutMs: listTimeoutMs(pods), settleMs: options.settleMs, slack: QUIET_SLACK });
        } catch (error) {
          notes.push(`${run.name} ${report(`${run.name} start-up at ${load}`, error)}`);
        } finally {
          await run.screen.close();
        }
      }
    } finally {
      await sim.stop();
    }
  } catch (error) {
    notes.push(report(`sim at ${load}`, error));
  }
  const note = notes.length > 0 ? { note: notes.join('; ') } : {};
  const rssBudget = BUDGETS.rss.get(pods);
  const listBudget = BUDGETS.listMs.get(pods);
  return [
    { name: 'Full pod list on screen', load, unit: 'ms', podtui: results.podtui?.listMs, kubectl: results.kubectl?.listMs, ...(listBudget && { budget: listBudget }), ...note },
    { name: 'RSS after settling', load, unit: 'bytes', podtui: results.podtui?.rssSettled, kubectl: results.kubectl?.rssSettled, ...(rssBudget && { budget: rssBudget }) },
    { name: 'RSS peak (VmHWM)', load, unit: 'bytes', podtui: results.podtui?.rssPeak, kubectl: results.kubectl?.rssPeak, ...(rssBudget && { budget: rssBudget }) },
  ];
}

/** The storm at one load: both clients at once over the same window, then podtui's key latency while it goes on. */
export async function stormFigures(pods: number, options: BenchOptions): Promise<Figure[]> {
  const load = `storm ${options.churn}+${options.eventRate}/s, ${options.stormSeconds} s, ${podsLabel(pods)}`;
  const figures: Figure[] = [];
  const fail = (note: string): Figure[] => [
    { name: 'CPU during storm (% of one core)', load, unit: '%', podtui: undefined, kubectl: undefined, budget: BUDGETS.stormCpuPercent, note },
    { name: 'Terminal output during storm', load, unit: 'bytes/s', podtui: undefined, kubectl: undefined, budget: BUDGETS.stormBytesPerSecond },
    { name: 'Key latency p95', load, unit: 'ms', podtui: undefined, budget: BUDGETS.keyLatencyP95Ms },
  ];
  let sim;
  try {
    sim = await startSim({ pods, namespaces: options.namespaces, churn: options.churn, eventRate: options.eventRate });
  } catch (error) {
    return fail(report(`storm sim at ${podsLabel(pods)}`, error));
  }
  const expected = await sim.countPods().catch(() => pods);
  const runs = [startPodtui(sim.kubeconfig), startKubectl(sim.kubeconfig)];
  try {
    await Promise.all(runs.map((run) => run.listShown(expected, listTimeoutMs(pods), stormSlack(expected))));
    const [podtui, kubectl] = await measureStorm(runs, options.stormSeconds);
    figures.push(
      { name: 'CPU during storm (% of one core)', load, unit: '%', podtui: podtui!.cpuPercent, kubectl: kubectl!.cpuPercent, budget: BUDGETS.stormCpuPercent },
      { name: 'Terminal output during storm', load, unit: 'bytes/s', podtui: podtui!.bytesPerSecond, kubectl: kubectl!.bytesPerSecond, budget: BUDGETS.stormBytesPerSecond },
    );
    const keys = await measureKeyLatency(runs[0]!.screen, { presses: options.keyPresses, timeoutMs: 2_000, pauseMs: 60 });
    const unanswered = keys.unanswered > 0 ? { note: `${keys.unanswered} of ${options.keyPresses} presses unanswered in 2 s` } : {};
    const rssBudget = BUDGETS.rss.get(pods);
    figures.push(
      { name: 'Key latency p50', load, unit: 'ms', podtui: percentile(keys.samples, 50) },
      { name: 'Key latency p95', load, unit: 'ms', podtui: percentile(keys.samples, 95), budget: BUDGETS.keyLatencyP95Ms, ...unanswered },
      { name: 'RSS peak during storm (VmHWM)', load, unit: 'bytes', podtui: podtui!.rssPeak, kubectl: kubectl!.rssPeak, ...(rssBudget && { budget: rssBudget }) },
    );
    return figures;
  } catch (error) {
    const note = report(`storm at ${podsLabel(pods)}`, error);
    // CPU and output were measured when the keys failed: keep them.
    return figures.length > 0 ? [...figures, { name: 'Key latency p95', load, unit: 'ms', podtui: undefined, budget: BUDGETS.keyLatencyP95Ms, note }] : fail(note);
  } finally {
    await closeAll(runs);
    await sim.stop();
  }
}

/**
 * The soak: podtui (and kubectl beside it) under the storm's rates for
 * `soakMinutes`; memory growth once podtui is in its steady state (see
 * soakWindows: its history at the bound and settled) to the end. The budget
 * judges the heap V8 measures after its full collections (live data); RSS
 * growth is shown beside it, with kubectl's.
 */
export async function soakFigures(options: BenchOptions): Promise<Figure[]> {
  const pods = options.soakLoad;
  const load = `soak ${options.soakMinutes} min, ${options.churn}+${options.eventRate}/s, ${podsLabel(pods)}`;
  const dir = mkdtempSync(join(tmpdir(), 'podtui-soak-'));
  const heapLog = join(dir, 'heap.jsonl');
  const failed = (note: string): Figure[] => [
    { name: 'Heap growth over soak (after full GC)', load, unit: '%', podtui: undefined, budget: BUDGETS.soakGrowthPercent, note },
  ];
  let sim;
  try {
    sim = await startSim({ pods, namespaces: options.namespaces, churn: options.churn, eventRate: options.eventRate });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return failed(report('soak sim', error));
  }
  const expected = await sim.countPods().catch(() => pods);
  const runs = [startPodtui(sim.kubeconfig, { PODTUI_HEAP_LOG: heapLog }), startKubectl(sim.kubeconfig)];
  try {
    await Promise.all(runs.map((run) => run.listShown(expected, listTimeoutMs(pods), stormSlack(expected))));
    const startedAtEpoch = Date.now();
    const durationMs = options.soakMinutes * 60_000;
    const [podtuiRss, kubectlRss] = await Promise.all(runs.map((run) => sampleRss(run.screen.pid, durationMs, 10_000)));
    return soakGrowthFigures(load, readHeapLog(heapLog, startedAtEpoch), podtuiRss!, kubectlRss!);
  } catch (error) {
    return failed(report('soak', error));
  } finally {
    await closeAll(runs);
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The soak's rows from what was sampled; apart from the run so the arithmetic is tested. */
export function soakGrowthFigures(load: string, heap: HeapLog, podtuiRss: readonly MemorySample[], kubectlRss: readonly MemorySample[]): Figure[] {
  const windows = soakWindows(heap);
  const minutes = (ms: number) => (ms / 60_000).toFixed(1);
  const span = `from ${minutes(windows.warmupMs)} min${windows.note ? ` (${windows.note})` : ''}`;
  const growth = (samples: readonly MemorySample[]) => memoryGrowth(samples, windows) * 100;
  const heapGrowth = growth(heap.afterFullGc);
  const heapNote =
    heap.afterFullGc.length === 0
      ? 'podtui wrote no full collection to PODTUI_HEAP_LOG'
      : Number.isNaN(heapGrowth)
        ? `${span}; too short for warm-up and two windows, or a window without a full collection`
        : span;
  const heapFigure: Figure = { name: 'Heap growth over soak (after full GC)', load, unit: '%', podtui: heapGrowth, budget: BUDGETS.soakGrowthPercent, note: heapNote };
  return [
    heapFigure,
    { name: 'RSS growth over soak', load, unit: '%', podtui: growth(podtuiRss), kubectl: growth(kubectlRss), note: span },
  ];
}

export async function endToEndFigures(options: BenchOptions, progress: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const pods of options.loads) {
    progress(`start-up at ${podsLabel(pods)}`);
    figures.push(...(await startupFigures(pods, options)));
  }
  for (const pods of options.stormLoads) {
    progress(`storm at ${podsLabel(pods)} for ${options.stormSeconds} s`);
    figures.push(...(await stormFigures(pods, options)));
    await sleep(500);
  }
  if (options.soakMinutes > 0) {
    progress(`soak for ${options.soakMinutes} min`);
    figures.push(...(await soakFigures(options)));
  }
  return figures;
}
