// The selected context's credentials as options for one https request.
//
// Static credentials — bearer token or token file, client certificate and
// key, CA, insecure-skip-tls-verify, tls-server-name, basic auth,
// impersonation — are a few lines of our own. Exec plugins, auth providers and
// proxies stay @kubernetes/client-node's job, and only then is it imported:
// loading it costs about 70 MB of RSS and 0.7 s of CPU (docs/performance.md).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { describeNetworkError } from './apiError.js';
import { byName, fileErrorReason, type Kubeconfig, type KubeconfigCluster, type KubeconfigUser } from './kubeconfigFile.js';

/** Raised when credentials could not be obtained (exec plugin failed, cert file missing, …). */
export class CredentialError extends Error {
  override readonly name = 'CredentialError';
}

interface Access {
  contextName: string;
  cluster: KubeconfigCluster;
  /** Undefined when the context names no user, or one the kubeconfig does not define: no credentials. */
  user: KubeconfigUser | undefined;
}

function currentAccess(kubeconfig: Kubeconfig): Access {
  const context = byName(kubeconfig.contexts, kubeconfig.currentContext);
  const cluster = byName(kubeconfig.clusters, context?.cluster);
  // loadClusterConfig has checked both; a hand-made Kubeconfig may not have.
  if (!context || !cluster) throw new CredentialError(`context "${kubeconfig.currentContext}" or its cluster is not in the kubeconfig`);
  return { contextName: context.name, cluster, user: byName(kubeconfig.users, context.user) };
}

/** What only client-node knows how to do. */
function needsClientNode({ cluster, user }: Access): boolean {
  return Boolean(user?.exec || user?.authProvider || cluster.proxyUrl);
}

/**
 * PEM from inline base64 data or a file; the data wins, as in client-go
 * (kubectl warns that it overrides the file). Node reads only PEM here, and
 * its own error for anything else ("no start line") names no field.
 */
function pem(what: string, file: string | undefined, data: string | undefined): Buffer | undefined {
  let content: Buffer;
  if (data) content = Buffer.from(data, 'base64');
  else if (!file) return undefined;
  else {
    try {
      content = readFileSync(file);
    } catch (error) {
      throw new CredentialError(`cannot read ${what} ${file}: ${fileErrorReason(error)}`);
    }
  }
  if (!content.includes('-----BEGIN ')) throw new CredentialError(`${data ? `${what}-data` : `${what} ${file}`} is not PEM data`);
  return content;
}

/**
 * The bearer token. A token file is read on every request (projected
 * service-account tokens rotate about hourly); like client-go, a token file
 * that cannot be read falls back to a `token` given beside it.
 */
function bearerToken(user: KubeconfigUser): string | undefined {
  if (user.tokenFile) {
    try {
      const token = readFileSync(user.tokenFile, 'utf8').trim();
      if (token) return token;
    } catch (error) {
      if (!user.token) throw new CredentialError(`cannot read tokenFile ${user.tokenFile}: ${fileErrorReason(error)}`);
    }
  }
  return user.token;
}

/** Headers of the static credentials: bearer token (which kubectl prefers over an exec plugin) and impersonation. */
function credentialHeaders(user: KubeconfigUser | undefined): http.OutgoingHttpHeaders {
  if (!user) return {};
  const headers: http.OutgoingHttpHeaders = {};
  const token = bearerToken(user);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (user.impersonate) headers['Impersonate-User'] = user.impersonate;
  if (user.impersonateUid) headers['Impersonate-Uid'] = user.impersonateUid;
  if (user.impersonateGroups) headers['Impersonate-Group'] = [...user.impersonateGroups];
  return headers;
}

function staticOptions({ cluster, user }: Access, url: URL): https.RequestOptions {
  const options: https.RequestOptions = { headers: credentialHeaders(user) };
  if (user?.username) options.auth = `${user.username}:${user.password ?? ''}`;
  // Plain http (kubectl proxy, the emulator): no TLS material to load.
  if (url.protocol === 'http:') return options;
  if (cluster.insecureSkipTlsVerify) options.rejectUnauthorized = false;
  if (cluster.tlsServerName) options.servername = cluster.tlsServerName;
  const ca = pem('certificate-authority', cluster.certificateAuthority, cluster.certificateAuthorityData);
  if (ca) options.ca = ca;
  const cert = pem('client-certificate', user?.clientCertificate, user?.clientCertificateData);
  const key = pem('client-key', user?.clientKey, user?.clientKeyData);
  if (Boolean(cert) !== Boolean(key)) {
    throw new CredentialError(`user "${user?.name}" has a client ${cert ? 'certificate without a key' : 'key without a certificate'}`);
  }
  if (cert && key) Object.assign(options, { cert, key });
  // No agent: Node's global agent keeps connections alive and pools them by these TLS options.
  return options;
}

/**
 * One client-node KubeConfig per loaded kubeconfig, so its exec plugin's
 * token is cached until it expires instead of the plugin running per request.
 */
const clientNodeConfigs = new WeakMap<Kubeconfig, Promise<KubeConfig>>();

/** The selected cluster and user in client-node's shapes; the token is left to credentialHeaders (it may rotate). */
async function loadClientNodeConfig({ contextName, cluster, user }: Access): Promise<KubeConfig> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const config = new KubeConfig();
  const userName = user?.name ?? '';
  const caData = cluster.certificateAuthorityData;
  const certData = user?.clientCertificateData;
  const keyData = user?.clientKeyData;
  config.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.server,
        skipTLSVerify: cluster.insecureSkipTlsVerify,
        ...(caData ? { caData } : cluster.certificateAuthority !== undefined && { caFile: cluster.certificateAuthority }),
        ...(cluster.tlsServerName !== undefined && { tlsServerName: cluster.tlsServerName }),
        ...(cluster.proxyUrl !== undefined && { proxyUrl: cluster.proxyUrl }),
      },
    ],
    // client-node skips TLS options entirely when the context has no user: give it an empty one.
    users: [
      {
        name: userName,
        ...(certData ? { certData } : user?.clientCertificate !== undefined && { certFile: user.clientCertificate }),
        ...(keyData ? { keyData } : user?.clientKey !== undefined && { keyFile: user.clientKey }),
        ...(user?.username !== undefined && { username: user.username, password: user.password ?? '' }),
        ...(user?.exec && { exec: user.exec }),
        ...(user?.authProvider && { authProvider: user.authProvider }),
      },
    ],
    contexts: [{ name: contextName, cluster: cluster.name, user: userName }],
    currentContext: contextName,
  });
  return config;
}

async function clientNodeOptions(kubeconfig: Kubeconfig, access: Access, url: URL): Promise<https.RequestOptions> {
  let config = clientNodeConfigs.get(kubeconfig);
  if (!config) {
    config = loadClientNodeConfig(access);
    clientNodeConfigs.set(kubeconfig, config);
  }
  const options: https.RequestOptions = {};
  try {
    await (await config).applyToHTTPSOptions(options);
  } catch (error) {
    // client-node refuses plain http unless insecure-skip-tls-verify is set,
    // while kubectl happily talks to http://127.0.0.1:8001 (kubectl proxy).
    // The auth headers are already applied when the agent creation throws.
    if (url.protocol !== 'http:' || !/HTTP protocol is not allowed/.test(String(error))) {
      throw new CredentialError(`cannot prepare credentials: ${describeNetworkError(error)}`);
    }
    options.agent = new http.Agent();
  }
  options.headers = { ...options.headers, ...credentialHeaders(access.user) };
  return options;
}

/**
 * Request options (TLS material, Authorization and Impersonate-* headers, or
 * an agent) for a request to `url` as the kubeconfig's current context.
 * Rejects with a CredentialError when they cannot be had.
 */
export async function requestOptions(kubeconfig: Kubeconfig, url: URL): Promise<https.RequestOptions> {
  const access = currentAccess(kubeconfig);
  if (needsClientNode(access)) return clientNodeOptions(kubeconfig, access, url);
  return staticOptions(access, url);
}
