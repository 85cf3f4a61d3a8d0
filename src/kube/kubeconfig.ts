// Which cluster, as which user, in which namespace — by kubectl's rules, so
// podtui opens exactly what `kubectl get pods` would show:
//   --kubeconfig FILE, else $KUBECONFIG (files joined by ':', merged, the first
//   to define a name or a current-context wins), else ~/.kube/config, else the
//   in-cluster service account;
//   --context, else current-context;
//   -n, else the context's namespace, else "default".
// The file is read by kubeconfigFile.ts, credentials applied by credentials.ts.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { ApiError } from './apiError.js';
import { CredentialError } from './credentials.js';
import { UserError } from './errors.js';
import { inClusterKubeconfig, runsInCluster, SERVICE_ACCOUNT_DIR } from './inCluster.js';
import { byName, mergeKubeconfigs, readKubeconfigFile, type Kubeconfig } from './kubeconfigFile.js';
import { getJson } from './transport.js';

export interface ClusterConfig {
  /** The kubeconfig as read (files merged), its currentContext set to the selected context. */
  kubeConfig: Kubeconfig;
  contextName: string;
  server: string;
  namespace: string;
  allNamespaces: boolean;
}

export interface ClusterOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  allNamespaces: boolean;
}

/** kubectl's search order for kubeconfig files; `env` and `home` are parameters for tests. */
export function kubeconfigPaths(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  if (explicit) return [explicit];
  const fromEnv = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  if (fromEnv.length > 0) return fromEnv;
  return [path.join(home, '.kube', 'config')];
}

function contextList(kubeconfig: Kubeconfig): string {
  const names = kubeconfig.contexts.map((c) => c.name);
  return names.length > 0 ? `contexts: ${names.join(', ')}` : 'it defines no contexts';
}

function loadKubeconfig(options: ClusterOptions, env: NodeJS.ProcessEnv, home: string, serviceAccountDir: string): Kubeconfig {
  const files = kubeconfigPaths(options.kubeconfig, env, home);
  const present = files.filter((file) => existsSync(file));
  if (present.length > 0) return mergeKubeconfigs(present.map(readKubeconfigFile));
  // As client-go: a --kubeconfig that does not exist is an error, while $KUBECONFIG naming only missing files falls through.
  if (!options.kubeconfig && runsInCluster(env, serviceAccountDir)) return inClusterKubeconfig(env, serviceAccountDir);
  if (options.kubeconfig) throw new UserError(`kubeconfig ${options.kubeconfig} not found`);
  if (env.KUBECONFIG) throw new UserError(`no kubeconfig found: none of ${files.join(', ')} exists (from KUBECONFIG)`);
  throw new UserError(`no kubeconfig found at ${files[0]} (set KUBECONFIG or pass --kubeconfig)`);
}

/**
 * Reads the kubeconfig and resolves context, cluster and namespace; every
 * failure is a one-line UserError. `env`, `home` and `serviceAccountDir` are
 * parameters for tests.
 */
export function loadClusterConfig(
  options: ClusterOptions,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
  serviceAccountDir = SERVICE_ACCOUNT_DIR,
): ClusterConfig {
  const loaded = loadKubeconfig(options, env, home, serviceAccountDir);
  const contextName = options.context ?? loaded.currentContext;
  if (!contextName) {
    throw new UserError(`kubeconfig has no current-context; pick one with --context (${contextList(loaded)})`);
  }
  const context = byName(loaded.contexts, contextName);
  if (!context) throw new UserError(`context "${contextName}" not found in kubeconfig (${contextList(loaded)})`);
  const cluster = byName(loaded.clusters, context.cluster);
  if (!cluster) throw new UserError(`context "${contextName}" refers to cluster "${context.cluster}", which the kubeconfig does not define`);
  if (!cluster.server) throw new UserError(`cluster "${cluster.name}" in kubeconfig has no server`);
  return {
    kubeConfig: { ...loaded, currentContext: contextName },
    contextName,
    server: cluster.server.replace(/\/+$/, ''),
    namespace: options.namespace || context.namespace || 'default',
    allNamespaces: options.allNamespaces,
  };
}

/**
 * GET /version to learn early whether the server can be reached at all. Only
 * failures below HTTP are fatal; 401/403 and other statuses are the UI's to
 * show (the watch keeps trying and reports them as connection state).
 */
export async function checkReachable(config: ClusterConfig, timeoutMs = 5000): Promise<void> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await getJson(config, '/version', { signal, headersTimeoutMs: timeoutMs });
  } catch (error) {
    if (error instanceof CredentialError) {
      throw new UserError(`cannot get credentials for context "${config.contextName}": ${error.message.replace(/^cannot prepare credentials: /, '')}`);
    }
    if (error instanceof ApiError && error.status === undefined) {
      const reason = signal.aborted ? 'timed out' : error.message;
      throw new UserError(`cannot reach ${config.server} (context "${config.contextName}"): ${reason}`);
    }
    // Any HTTP answer means the server is there.
  }
}
