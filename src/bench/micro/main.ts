// The in-process benches, run in a child `node --expose-gc` so a full
// collection can be forced before each heap reading. Prints one result line
// for the parent: `bench-result <json>`.
import { parseArgs } from 'node:util';
import { runCacheBench } from './cacheBench.js';
import { runModelBench } from './modelBench.js';
import { RESULT_PREFIX, type MicroResults } from './protocol.js';

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap in use after full collections (twice: the first may only finalize). */
function heapUsed(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const { values } = parseArgs({
  options: {
    pods: { type: 'string', default: '10000' },
    updates: { type: 'string', default: '100000' },
    namespaces: { type: 'string', default: '50' },
    'hot-pod-updates': { type: 'string', default: '2000' },
    only: { type: 'string' },
  },
});

const pods = Number(values.pods);
const namespaces = Number(values.namespaces);
const results: MicroResults = {};
if (values.only === undefined || values.only === 'model') {
  results.model = runModelBench({ pods, namespaces, updates: Number(values.updates), hotPodUpdates: Number(values['hot-pod-updates']), heapUsed, collectGarbage: () => gc?.() });
}
if (values.only === undefined || values.only === 'cache') {
  results.cache = await runCacheBench({ pods, namespaces, heapUsed });
}
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(results)}\n`);
