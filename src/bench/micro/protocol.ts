// What the in-process benches' child process reports to the parent.
import type { CacheBenchResult } from './cacheBench.js';
import type { ModelBenchResult } from './modelBench.js';

export const RESULT_PREFIX = 'bench-result ';

export interface MicroResults {
  model?: ModelBenchResult;
  cache?: CacheBenchResult;
}

/** The result line among whatever else the child printed. */
export function parseMicroOutput(stdout: string): MicroResults {
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error(`no result line in the bench output:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as MicroResults;
}
