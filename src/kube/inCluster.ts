// Inside a pod, with no kubeconfig: the pod's service account, as client-go's
// rest.InClusterConfig builds it. The token is a file reference, so a rotated
// (projected) token is picked up on the next request.
import { readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Kubeconfig } from './kubeconfigFile.js';

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
export const IN_CLUSTER_CONTEXT = 'in-cluster';

/**
 * client-go's test for "in a pod": the kubelet's service variables are set and
 * a service-account token is mounted (a pod may opt out of the token).
 */
export function runsInCluster(env: NodeJS.ProcessEnv, dir = SERVICE_ACCOUNT_DIR): boolean {
  if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) return false;
  try {
    return statSync(path.join(dir, 'token')).isFile();
  } catch {
    return false;
  }
}

/** $POD_NAMESPACE, else the service account's namespace file, else "default" (kubectl's order). */
function podNamespace(env: NodeJS.ProcessEnv, dir: string): string {
  if (env.POD_NAMESPACE) return env.POD_NAMESPACE;
  try {
    return readFileSync(path.join(dir, 'namespace'), 'utf8').trim() || 'default';
  } catch {
    return 'default';
  }
}

export function inClusterKubeconfig(env: NodeJS.ProcessEnv, dir = SERVICE_ACCOUNT_DIR): Kubeconfig {
  const host = env.KUBERNETES_SERVICE_HOST ?? '';
  // client-go always speaks https here, whatever the port; IPv6 needs brackets in a URL.
  const server = `https://${net.isIPv6(host) ? `[${host}]` : host}:${env.KUBERNETES_SERVICE_PORT ?? ''}`;
  return {
    clusters: [{ name: IN_CLUSTER_CONTEXT, server, certificateAuthority: path.join(dir, 'ca.crt'), insecureSkipTlsVerify: false }],
    users: [{ name: IN_CLUSTER_CONTEXT, tokenFile: path.join(dir, 'token') }],
    contexts: [{ name: IN_CLUSTER_CONTEXT, cluster: IN_CLUSTER_CONTEXT, user: IN_CLUSTER_CONTEXT, namespace: podNamespace(env, dir) }],
    currentContext: IN_CLUSTER_CONTEXT,
  };
}
