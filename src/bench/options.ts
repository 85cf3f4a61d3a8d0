// `npm run bench -- [--quick] [--out FILE] [--loads 1000,10000] [--storm-loads 10000]
//  [--storm-seconds S] [--soak-minutes M] [--only micro|e2e|ink]`: the full run by default, or the
// quick one that fits in about a minute.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** Pod counts for the start-up figures. */
  loads: number[];
  namespaces: number;
  /** Loads at which the storm is run. */
  stormLoads: number[];
  stormSeconds: number;
  /** Pod updates and events per second during the storm. */
  churn: number;
  eventRate: number;
  keyPresses: number;
  /** 0: no soak. */
  soakMinutes: number;
  soakLoad: number;
  /** Quiet time after the list is in before "settled" memory is read (ms). */
  settleMs: number;
  micro: boolean;
  e2e: boolean;
  /** Ink 6's own output per rendering option (full run, or --only ink). */
  ink: boolean;
  inkSeconds: number;
  /** Also write the report here (Markdown). */
  out?: string;
}

const numbers = (text: string) => text.split(',').map((n) => Number(n.trim())).filter((n) => Number.isInteger(n) && n > 0);

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean' },
      out: { type: 'string' },
      loads: { type: 'string' },
      'storm-loads': { type: 'string' },
      'storm-seconds': { type: 'string' },
      'soak-minutes': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const quick = values.quick === true;
  const loads = values.loads !== undefined ? numbers(values.loads) : quick ? [1_000, 10_000] : [1_000, 10_000, 30_000];
  const only = values.only;
  if (only !== undefined && only !== 'micro' && only !== 'e2e' && only !== 'ink') throw new Error(`--only takes micro, e2e or ink, got "${only}"`);
  return {
    quick,
    loads,
    namespaces: 50,
    stormLoads: values['storm-loads'] !== undefined ? numbers(values['storm-loads']) : quick ? [10_000] : [10_000, 30_000],
    stormSeconds: Number(values['storm-seconds'] ?? (quick ? 10 : 60)),
    churn: 200,
    eventRate: 200,
    keyPresses: quick ? 20 : 200,
    soakMinutes: Number(values['soak-minutes'] ?? (quick ? 0 : 10)),
    soakLoad: 10_000,
    settleMs: quick ? 1_000 : 5_000,
    micro: only === undefined || only === 'micro',
    e2e: only === undefined || only === 'e2e',
    ink: only === 'ink' || (only === undefined && !quick),
    inkSeconds: quick ? 3 : 10,
    ...(values.out !== undefined && { out: values.out }),
  };
}
