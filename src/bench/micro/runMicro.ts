// Runs the in-process benches in a child `node --expose-gc` and turns their
// results into table rows.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUDGETS } from '../budgets.js';
import type { Figure } from '../report/figure.js';
import { parseMicroOutput, type MicroResults } from './protocol.js';

const MICRO_MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

export interface MicroOptions {
  pods: number;
  updates: number;
  namespaces: number;
}

export function runMicroChild(options: MicroOptions): Promise<MicroResults> {
  const args = ['--expose-gc', MICRO_MAIN, '--pods', String(options.pods), '--updates', String(options.updates), '--namespaces', String(options.namespaces)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`in-process benches failed: ${error.message}\n${stderr.slice(-2000)}`));
      else resolve(parseMicroOutput(stdout));
    });
  });
}

export function microFigures(results: MicroResults, options: MicroOptions): Figure[] {
  const figures: Figure[] = [];
  const { model, cache } = results;
  const scale = `${options.updates.toLocaleString('en-US')} updates, ${options.pods.toLocaleString('en-US')} pods`;
  if (model) {
    figures.push(
      { name: 'Model: pod updates through applyObservation, first run after start (CPU)', load: scale, unit: 'ms', podtui: model.coldUpdateCpuMs, budget: BUDGETS.modelUpdatesCpuMs, note: 'V8 still compiling the model' },
      { name: 'Model: the same, running (CPU)', load: scale, unit: 'ms', podtui: model.updateCpuMs, budget: BUDGETS.modelUpdatesCpuMs, note: `median of runs 2–4: ${model.warmUpdateCpuMs.map((ms) => ms.toFixed(0)).join(', ')} ms` },
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
