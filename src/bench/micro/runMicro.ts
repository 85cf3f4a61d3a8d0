// Runs the in-process benches in a child `node --expose-gc` and turns their
// results into table rows.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUDGETS } from '../budgets.js';
import type { Figure } from '../report/figure.js';
import { percentile } from '../report/percentile.js';
import type { ModelBenchResult } from './modelBench.js';
import { parseMicroOutput, type MicroResults } from './protocol.js';

const MICRO_MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

export interface MicroOptions {
  pods: number;
  updates: number;
  namespaces: number;
}

/**
 * Fresh processes the model bench runs in. Its first run after start happens
 * once per process, and on these shared machines one run reads up to 20 %
 * off the next: from one process, the first-run figure was a single sample.
 */
const MODEL_PROCESSES = 3;

export function runMicroChild(options: MicroOptions, only?: 'model' | 'cache'): Promise<MicroResults> {
  const args = ['--expose-gc', MICRO_MAIN, '--pods', String(options.pods), '--updates', String(options.updates), '--namespaces', String(options.namespaces)];
  if (only) args.push('--only', only);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`in-process benches failed: ${error.message}\n${stderr.slice(-2000)}`));
      else resolve(parseMicroOutput(stdout));
    });
  });
}

/** Every bench once, then the model's again in MODEL_PROCESSES − 1 more processes, pooled. */
export async function runMicroBenches(options: MicroOptions): Promise<MicroResults> {
  const results = await runMicroChild(options);
  if (!results.model) return results;
  const runs = [results.model];
  for (let i = 1; i < MODEL_PROCESSES; i++) {
    const { model } = await runMicroChild(options, 'model');
    if (model) runs.push(model);
  }
  return { ...results, model: pooledModel(runs) };
}

/**
 * The first process's result (its state, bounds and reads), with the update
 * figures of every process: the first runs' median, and the median of all the
 * runs after a first.
 */
export function pooledModel(runs: readonly ModelBenchResult[]): ModelBenchResult {
  const coldRunsCpuMs = runs.map((run) => run.coldUpdateCpuMs);
  const warmUpdateCpuMs = runs.flatMap((run) => run.warmUpdateCpuMs);
  return {
    ...runs[0]!,
    coldUpdateCpuMs: percentile(coldRunsCpuMs, 50),
    coldRunsCpuMs,
    warmUpdateCpuMs,
    updateCpuMs: percentile(warmUpdateCpuMs, 50),
  };
}

const listMs = (values: readonly number[]) => values.map((ms) => ms.toFixed(0)).join(', ');

export function microFigures(results: MicroResults, options: MicroOptions): Figure[] {
  const figures: Figure[] = [];
  const { model, cache } = results;
  const scale = `${options.updates.toLocaleString('en-US')} updates, ${options.pods.toLocaleString('en-US')} pods`;
  if (model) {
    figures.push(
      {
        name: 'Model: pod updates through applyObservation, first run after start (CPU)',
        load: scale,
        unit: 'ms',
        podtui: model.coldUpdateCpuMs,
        budget: BUDGETS.modelUpdatesCpuMs,
        note: model.coldRunsCpuMs ? `V8 still compiling the model; median of ${model.coldRunsCpuMs.length} processes: ${listMs(model.coldRunsCpuMs)} ms` : 'V8 still compiling the model',
      },
      {
        name: 'Model: the same, running (CPU)',
        load: scale,
        unit: 'ms',
        podtui: model.updateCpuMs,
        budget: BUDGETS.modelUpdatesCpuMs,
        note: model.coldRunsCpuMs ? `median of runs 2–4 in each process: ${listMs(model.warmUpdateCpuMs)} ms` : `median of runs 2–4: ${listMs(model.warmUpdateCpuMs)} ms`,
      },
      { name: 'Model: initial ADDED of every pod, run 4 (CPU)', load: `${options.pods.toLocaleString('en-US')} pods`, unit: 'ms', podtui: model.initialCpuMs },
      { name: 'Model: reading every pod’s timeline once, after the updates (CPU)', load: `${options.pods.toLocaleString('en-US')} pods`, unit: 'ms', podtui: model.readCpuMs, note: 'derives the versions the bounds kept' },
      { name: 'Model: timeline entries held (bound)', load: `${scale}, then one pod crash-looping`, unit: 'count', podtui: model.totalEntries, budget: model.totalLimit, note: `${model.droppedEntries.toLocaleString('en-US')} dropped` },
      { name: 'Model: longest pod timeline (per-pod bound)', load: `${scale}, then one pod crash-looping`, unit: 'count', podtui: model.longestTimeline, budget: model.perPodLimit },
    );
    if (model.stateHeap !== undefined) {
      figures.push({ name: 'Model: heap kept by the state', load: `${options.pods.toLocaleString('en-US')} pods, ${model.totalEntries.toLocaleString('en-US')} entries`, unit: 'bytes', podtui: model.stateHeap });
    }
  }
  if (cache) {
    figures.push(
      { name: 'Client cache per pod (heap after sync)', load: `${cache.pods.toLocaleString('en-US')} pods`, unit: 'bytes', podtui: cache.retained / cache.pods, budget: BUDGETS.cacheBytesPerPod },
      { name: 'Client: initial list of every pod (paged)', load: `${cache.pods.toLocaleString('en-US')} pods`, unit: 'ms', podtui: cache.syncMs },
    );
  }
  return figures;
}
