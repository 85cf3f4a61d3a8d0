// `npm run bench`: podtui measured like a user feels it, beside kubectl, with
// issue 8's budgets. Prints a Markdown report (and writes it with --out).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Figure } from './report/figure.js';
import { verdict } from './report/figure.js';
import { markdownTable } from './report/markdownTable.js';
import { endToEndFigures } from './e2e/suite.js';
import { microFigures, runMicroBenches } from './micro/runMicro.js';
import { inkOutputFigures } from './ink/inkOutput.js';
import { parseBenchOptions } from './options.js';

const options = parseBenchOptions(process.argv.slice(2));
const started = performance.now();
const progress = (line: string) => process.stderr.write(`bench: ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);
const figures: Figure[] = [];

if (options.micro) {
  const micro = { pods: 10_000, updates: 100_000, namespaces: options.namespaces };
  progress('in-process benches (model, client cache)');
  try {
    figures.push(...microFigures(await runMicroBenches(micro), micro));
  } catch (error) {
    progress((error as Error).message);
    figures.push({ name: 'In-process benches', load: '', unit: 'ms', podtui: undefined, budget: 0, note: 'failed, see stderr' });
  }
}
if (options.e2e) figures.push(...(await endToEndFigures(options, progress)));
if (options.ink) {
  progress("Ink 6's own output per rendering option");
  figures.push(...(await inkOutputFigures(options.inkSeconds)));
}

const seconds = (performance.now() - started) / 1000;
// Other work on the machine slows every wall-clock figure (list time, latency); CPU figures much less.
const load = loadavg().map((n) => n.toFixed(1)).join(' ');
const misses = figures.filter((f) => verdict(f) !== 'PASS' && verdict(f) !== 'n/a').length;
const report = [
  `podtui benchmark${options.quick ? ' (--quick)' : ''}, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}; terminal 120x40; load average at the end ${load}; run took ${seconds.toFixed(0)} s`,
  '',
  markdownTable(figures),
  '',
  `${figures.filter((f) => verdict(f) === 'PASS').length} figures within budget, ${misses} missed or failed, ${figures.filter((f) => verdict(f) === 'n/a').length} without a budget.`,
  '',
].join('\n');
process.stdout.write(report);
if (options.out) writeFileSync(options.out, report);
