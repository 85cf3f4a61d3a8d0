// `npm run bench`: podtui measured like a user feels it, beside kubectl, with
// issue 8's budgets. Prints a Markdown report (and writes it with --out).
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Figure } from './report/figure.js';
import { verdict } from './report/figure.js';
import { markdownTable } from './report/markdownTable.js';
import { endToEndFigures } from './e2e/suite.js';
import { microFigures, runMicroChild } from './micro/runMicro.js';
import { parseBenchOptions } from './options.js';

const options = parseBenchOptions(process.argv.slice(2));
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
const started = performance.now();
const figures: Figure[] = [];

if (options.micro) {
  const micro = { pods: 10_000, updates: 100_000, namespaces: options.namespaces };
  progress('in-process benches (model, client cache)');
  try {
    figures.push(...microFigures(await runMicroChild(micro), micro));
  } catch (error) {
    progress((error as Error).message);
    figures.push({ name: 'In-process benches', load: '', unit: 'ms', podtui: undefined, budget: 0, note: 'failed, see stderr' });
  }
}
if (options.e2e) figures.push(...(await endToEndFigures(options, progress)));

const seconds = (performance.now() - started) / 1000;
const misses = figures.filter((f) => verdict(f) !== 'PASS' && verdict(f) !== 'n/a').length;
const report = [
  `podtui benchmark${options.quick ? ' (--quick)' : ''}, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}; terminal 120x40; run took ${seconds.toFixed(0)} s`,
  '',
  markdownTable(figures),
  '',
  `${figures.length - misses} of ${figures.length} figures within budget or without one; ${misses} missed or failed.`,
  '',
].join('\n');
process.stdout.write(report);
if (options.out) writeFileSync(options.out, report);
