// Which cluster, as which user, in which namespace — by kubectl's rules, so
// podtui opens exactly what `kubectl get pods` would show:
//   --kubeconfig FILE, else $KUBECONFIG (files joined by ':', merged, the first
//   to define a name or a current-context wins), else ~/.kube/config, else the
//   in-cluster service account;
//   --context, else current-context;
//   -n, else the context's namespace, else "default".
// Credentials (tokens, client certs, exec plugins) stay client-node's job.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { ApiError } from './apiError.js';
import { UserError } from './errors.js';
import { CredentialError, getJson } from './transport.js';

export interface ClusterConfig {
  kubeConfig: KubeConfig;
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

function readFile(file: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (error) {
    // An empty or non-mapping file makes client-node trip over `undefined`.
    const reason = error instanceof TypeError ? 'not a kubeconfig file' : String((error as Error).message ?? error).split('\n', 1)[0];
    throw new UserError(`cannot read kubeconfig ${file}: ${reason}`);
  }
  return kc;
}

/** Merges kubeconfig files the way kubectl does: for every name, and for current-context, the first file wins. */
function mergeFiles(files: string[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const file of files) {
    const kc = readFile(file);
    for (const c of kc.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.getUsers()) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of kc.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, c);
    currentContext ||= kc.getCurrentContext() ?? '';
  }
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext,
  });
  return merged;
}

function contextList(kc: KubeConfig): string {
  const names = kc.getContexts().map((c) => c.name);
  return names.length > 0 ? `contexts: ${names.join(', ')}` : 'it defines no contexts';
}

function loadKubeConfig(options: ClusterOptions, env: NodeJS.ProcessEnv, home: string): KubeConfig {
  const files = kubeconfigPaths(options.kubeconfig, env, home);
  const present = files.filter((file) => existsSync(file));
  if (present.length > 0) return mergeFiles(present);
  const inCluster = !options.kubeconfig && !env.KUBECONFIG && env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT;
  if (inCluster) {
    const kc = new KubeConfig();
    kc.loadFromCluster();
    return kc;
  }
  if (options.kubeconfig) throw new UserError(`kubeconfig ${options.kubeconfig} not found`);
  if (env.KUBECONFIG) throw new UserError(`no kubeconfig found: none of ${files.join(', ')} exists (from KUBECONFIG)`);
  throw new UserError(`no kubeconfig found at ${files[0]} (set KUBECONFIG or pass --kubeconfig)`);
}

/** Reads the kubeconfig and resolves context, cluster and namespace; every failure is a one-line UserError. */
export function loadClusterConfig(options: ClusterOptions, env: NodeJS.ProcessEnv = process.env, home = homedir()): ClusterConfig {
  const kubeConfig = loadKubeConfig(options, env, home);
  const contextName = options.context ?? kubeConfig.getCurrentContext();
  if (!contextName) {
    throw new UserError(`kubeconfig has no current-context; pick one with --context (${contextList(kubeConfig)})`);
  }
  const context = kubeConfig.getContextObject(contextName);
  if (!context) throw new UserError(`context "${contextName}" not found in kubeconfig (${contextList(kubeConfig)})`);
  kubeConfig.setCurrentContext(contextName);
  const cluster = kubeConfig.getCluster(context.cluster);
  if (!cluster) throw new UserError(`context "${contextName}" refers to cluster "${context.cluster}", which the kubeconfig does not define`);
  if (!cluster.server) throw new UserError(`cluster "${cluster.name}" in kubeconfig has no server`);
  return {
    kubeConfig,
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
