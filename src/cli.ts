// Flags → one config object. No IO here besides nothing: main.ts acts on it.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export type FaultName = 'drop' | 'expire' | 'error' | 'slow' | 'garbage';
const FAULT_NAMES: readonly FaultName[] = ['drop', 'expire', 'error', 'slow', 'garbage'];

export interface UiConfig {
  command: 'ui';
  demo: boolean;
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  scenarios: string[];
  speed: number;
  color: boolean;
  ascii: boolean;
}

export interface SimConfig {
  command: 'sim';
  port: number;
  kubeconfigOut?: string;
  scenarios: string[];
  speed: number;
  faults: FaultName[];
  pods: number;
  namespaces: number;
  churn: number;
  eventRate: number;
}

export type Config = UiConfig | SimConfig | { command: 'help'; topic: 'ui' | 'sim' } | { command: 'version' };

export const USAGE = `Usage:
  podtui [--kubeconfig PATH] [--context NAME] [-n NS | -A] [-l SELECTOR] [--field-selector SELECTOR]
  podtui --demo [--scenario NAME ...] [--speed X]
  podtui sim [--port N] [--kubeconfig-out PATH] [--scenario NAME ...] [--speed X]
             [--faults drop,expire,error,slow,garbage] [--pods N] [--namespaces M] [--churn R] [--event-rate R]

A terminal UI for the lifecycle of Kubernetes pods.

Options:
  --kubeconfig PATH       kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
  --context NAME          kubeconfig context (default: current-context)
  -n, --namespace NS      namespace to watch (default: the context's namespace)
  -A, --all-namespaces    watch every namespace
  -l, --selector SEL      pod label selector, e.g. app=web,tier!=db
  --field-selector SEL    pod field selector, e.g. spec.nodeName=worker-1
  --demo                  run on the embedded demo cluster (an emulator on 127.0.0.1)
  --scenario NAME         with --demo or sim: only these scenarios (repeatable)
  --speed X               with --demo or sim: run emulated time X times faster (default 1)
  --no-color              no colours (NO_COLOR is honoured too)
  --ascii                 ASCII borders (also chosen when the locale is not UTF-8)
  -h, --help              this help
  -v, --version           print the version

Keys: ? in the app lists them.`;

function positiveNumber(flag: string, value: string | undefined, fallback: number, { integer = false, allowZero = false } = {}): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const ok = Number.isFinite(n) && (allowZero ? n >= 0 : n > 0) && (!integer || Number.isInteger(n));
  if (!ok) throw new UsageError(`${flag} needs a ${integer ? 'whole ' : ''}number${allowZero ? '' : ' above 0'}, got "${value}"`);
  return n;
}

/** `--scenario a --scenario b,c` → [a, b, c]. */
function listValues(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function parseFaults(values: string[] | undefined): FaultName[] {
  const faults = listValues(values);
  for (const f of faults) {
    if (!FAULT_NAMES.includes(f as FaultName)) throw new UsageError(`unknown fault "${f}" (known: ${FAULT_NAMES.join(', ')})`);
  }
  return faults as FaultName[];
}

/** Runs node's parseArgs, turning its errors into one-line usage errors. */
function parse<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    // node's messages are one line already; drop its "TypeError [ERR_PARSE_ARGS_...]" framing.
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
  }
}

export function parseCommandLine(argv: string[]): Config {
  if (argv[0] === 'sim') return parseSim(argv.slice(1));
  const { values, positionals } = parse(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        namespace: { type: 'string', short: 'n' },
        'all-namespaces': { type: 'boolean', short: 'A' },
        selector: { type: 'string', short: 'l' },
        'field-selector': { type: 'string' },
        demo: { type: 'boolean' },
        scenario: { type: 'string', multiple: true },
        speed: { type: 'string' },
        'no-color': { type: 'boolean' },
        ascii: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }),
  );
  if (values.help) return { command: 'help', topic: 'ui' };
  if (values.version) return { command: 'version' };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.namespace !== undefined && values['all-namespaces']) {
    throw new UsageError('-n/--namespace and -A/--all-namespaces cannot be used together');
  }
  const demo = values.demo === true;
  const scenarios = listValues(values.scenario as string[] | undefined);
  if (!demo && (scenarios.length > 0 || values.speed !== undefined)) {
    throw new UsageError('--scenario and --speed only apply with --demo (or podtui sim)');
  }
  if (demo && (values.kubeconfig !== undefined || values.context !== undefined)) {
    throw new UsageError('--demo runs its own cluster: --kubeconfig and --context do not apply');
  }
  return {
    command: 'ui',
    demo,
    ...(values.kubeconfig !== undefined && { kubeconfig: values.kubeconfig as string }),
    ...(values.context !== undefined && { context: values.context as string }),
    ...(values.namespace !== undefined && { namespace: values.namespace as string }),
    allNamespaces: values['all-namespaces'] === true,
    ...(values.selector !== undefined && { labelSelector: values.selector as string }),
    ...(values['field-selector'] !== undefined && { fieldSelector: values['field-selector'] as string }),
    scenarios,
    speed: positiveNumber('--speed', values.speed as string | undefined, 1),
    color: values['no-color'] !== true,
    ascii: values.ascii === true,
  };
}

function parseSim(args: string[]): Config {
  const { values, positionals } = parse(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        'kubeconfig-out': { type: 'string' },
        scenario: { type: 'string', multiple: true },
        speed: { type: 'string' },
        faults: { type: 'string', multiple: true },
        pods: { type: 'string' },
        namespaces: { type: 'string' },
        churn: { type: 'string' },
        'event-rate': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) return { command: 'help', topic: 'sim' };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = positiveNumber('--port', values.port as string | undefined, 0, { integer: true, allowZero: true });
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  return {
    command: 'sim',
    port,
    ...(values['kubeconfig-out'] !== undefined && { kubeconfigOut: values['kubeconfig-out'] as string }),
    scenarios: listValues(values.scenario as string[] | undefined),
    speed: positiveNumber('--speed', values.speed as string | undefined, 1),
    faults: parseFaults(values.faults as string[] | undefined),
    pods: positiveNumber('--pods', values.pods as string | undefined, 0, { integer: true, allowZero: true }),
    namespaces: positiveNumber('--namespaces', values.namespaces as string | undefined, 50, { integer: true }),
    churn: positiveNumber('--churn', values.churn as string | undefined, 0, { allowZero: true }),
    eventRate: positiveNumber('--event-rate', values['event-rate'] as string | undefined, 0, { allowZero: true }),
  };
}
