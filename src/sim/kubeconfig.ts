// A kubeconfig for the emulator, so kubectl and podtui connect to it exactly
// as they connect to a cluster. The token is a placeholder: the emulator only
// looks at credentials when an auth fault is set.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KubeconfigOptions {
  /** Name of the context (default "podtui-sim"); the cluster is always "podtui-sim". */
  contextName?: string;
  /** The context's default namespace. */
  namespace?: string;
}

export const SIM_CLUSTER = 'podtui-sim';
const SIM_USER = 'podtui-sim';
const SIM_TOKEN = 'podtui-sim-token';

/** Renders the kubeconfig as YAML; every string is JSON-quoted, which YAML reads as-is. */
export function renderKubeconfig(url: string, options: KubeconfigOptions = {}): string {
  const q = (s: string) => JSON.stringify(s);
  const context = options.contextName ?? SIM_CLUSTER;
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${q(SIM_CLUSTER)}`,
    '  cluster:',
    `    server: ${q(url)}`,
    // client-node 1.x refuses a plain-http server unless this is set; kubectl ignores it for http.
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${q(SIM_USER)}`,
    '  user:',
    `    token: ${q(SIM_TOKEN)}`,
    'contexts:',
    `- name: ${q(context)}`,
    '  context:',
    `    cluster: ${q(SIM_CLUSTER)}`,
    `    user: ${q(SIM_USER)}`,
    ...(options.namespace !== undefined ? [`    namespace: ${q(options.namespace)}`] : []),
    `current-context: ${q(context)}`,
    'preferences: {}',
    '',
  ].join('\n');
}

/** Writes the kubeconfig to `path` (parent folders created), readable by its owner only. */
export function writeKubeconfig(url: string, path: string, options: KubeconfigOptions = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderKubeconfig(url, options), { mode: 0o600 });
  // `mode` applies only when the file is created; an existing file is tightened too.
  chmodSync(path, 0o600);
}
