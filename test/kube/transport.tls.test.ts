// The authenticated transport over real TLS: src/kube/credentials.ts supplies
// the CA, bearer token, client certificate, basic auth and impersonation
// itself, and client-node (loaded lazily) the exec-plugin token; our own HTTP
// code carries them. The certificates in ./tls are self-signed test fixtures
// for 127.0.0.1 and localhost (valid for a century); other.crt is an
// unrelated CA.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/kube/errors.js';
import { checkReachable, loadClusterConfig } from '../../src/kube/kubeconfig.js';
import { listNamespaces } from '../../src/kube/namespaces.js';

const tlsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tls');
const serverCrt = path.join(tlsDir, 'server.crt');
const serverKey = path.join(tlsDir, 'server.key');
const otherCrt = path.join(tlsDir, 'other.crt');

let server: Server;
let url: string;
let dir: string;
/** What the server saw of the last request's credentials (and the TLS server name asked for, if any). */
let lastAuth: { bearer?: string; basic?: string; clientCN?: string; sni?: string; impersonate?: string[] } = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'podtui-tls-'));
  server = createServer(
    { cert: readFileSync(serverCrt), key: readFileSync(serverKey), ca: [readFileSync(serverCrt)], requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      const peer = socket.getPeerCertificate();
      const [scheme, credentials] = (req.headers.authorization ?? '').split(' ', 2);
      // headersDistinct keeps repeated Impersonate-Group headers apart.
      const impersonate = ['impersonate-user', 'impersonate-uid', 'impersonate-group'].flatMap((name) => req.headersDistinct[name] ?? []);
      lastAuth = {
        ...(scheme === 'Bearer' && { bearer: credentials }),
        ...(scheme === 'Basic' && { basic: Buffer.from(credentials ?? '', 'base64').toString() }),
        ...(socket.authorized && peer?.subject?.CN && { clientCN: String(peer.subject.CN) }),
        ...(typeof socket.servername === 'string' && { sni: socket.servername }),
        ...(impersonate.length > 0 && { impersonate }),
      };
      if (!lastAuth.bearer && !lastAuth.basic && !lastAuth.clientCN) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', code: 401, reason: 'Unauthorized', message: 'Unauthorized' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url?.startsWith('/api/v1/namespaces')) res.end(JSON.stringify({ kind: 'NamespaceList', metadata: {}, items: [{ metadata: { name: 'default' } }, { metadata: { name: 'secure' } }] }));
      else res.end(JSON.stringify({ major: '1', minor: '31', gitVersion: 'v1.31.0' }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A kubeconfig with one context "tls"; `cluster` and `user` are YAML lines under cluster:/user:. */
function configWith(cluster: string[], user: string[], file = path.join(dir, `config-${Math.random().toString(36).slice(2)}`)) {
  const indent = (lines: string[]) => lines.map((l) => `    ${l}`);
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: tls',
      'clusters:',
      '- name: c',
      '  cluster:',
      `    server: ${url}`,
      ...indent(cluster),
      'users:',
      '- name: u',
      '  user:',
      ...(user.length > 0 ? indent(user) : ['    {}']),
      'contexts:',
      '- name: tls',
      '  context: {cluster: c, user: u}',
    ].join('\n'),
  );
  return loadClusterConfig({ kubeconfig: file, allNamespaces: false });
}

/** A file in the temp dir with `content`; returns its path. */
function tempFile(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).not.toContain('\n');
  return error as Error;
}

const base64 = (file: string) => readFileSync(file).toString('base64');

const nodeScript = (source: string) => ['exec:', '  apiVersion: client.authentication.k8s.io/v1', `  command: ${JSON.stringify(process.execPath)}`, '  args:', '  - -e', `  - ${JSON.stringify(source)}`, '  interactiveMode: Never'];

describe('TLS and credentials', () => {
  it.each([
    ['CA file + bearer token', [`certificate-authority: ${serverCrt}`], ['token: t0ken'], { bearer: 't0ken' }],
    ['inline CA data + bearer token', [`certificate-authority-data: ${base64(serverCrt)}`], ['token: inline'], { bearer: 'inline' }],
    ['inline CA data wins over a CA file (client-go)', [`certificate-authority: ${otherCrt}`, `certificate-authority-data: ${base64(serverCrt)}`], ['token: both'], { bearer: 'both' }],
    ['insecure-skip-tls-verify', ['insecure-skip-tls-verify: true'], ['token: skip'], { bearer: 'skip' }],
    ['client certificate', [`certificate-authority: ${serverCrt}`], [`client-certificate: ${serverCrt}`, `client-key: ${serverKey}`], { clientCN: 'podtui-test-apiserver' }],
    ['inline client certificate and key', [`certificate-authority: ${serverCrt}`], [`client-certificate-data: ${base64(serverCrt)}`, `client-key-data: ${base64(serverKey)}`], { clientCN: 'podtui-test-apiserver' }],
    ['basic auth', [`certificate-authority: ${serverCrt}`], ['username: alice', 'password: s3cret'], { basic: 'alice:s3cret' }],
    ['tls-server-name is sent as SNI and checked', [`certificate-authority: ${serverCrt}`, 'tls-server-name: localhost'], ['token: sni'], { bearer: 'sni', sni: 'localhost' }],
    ['impersonation', [`certificate-authority: ${serverCrt}`], ['token: admin', 'as: jane', 'as-uid: "1234"', 'as-groups: [devs, ops]'], { bearer: 'admin', impersonate: ['jane', '1234', 'devs', 'ops'] }],
    [
      'exec credential plugin',
      [`certificate-authority: ${serverCrt}`],
      nodeScript('console.log(JSON.stringify({apiVersion:"client.authentication.k8s.io/v1",kind:"ExecCredential",status:{token:"from-exec"}}))'),
      { bearer: 'from-exec' },
    ],
  ] as const)('%s', async (_name, cluster, user, seen) => {
    const config = configWith([...cluster], [...user]);
    await expect(checkReachable(config)).resolves.toBeUndefined();
    expect(await listNamespaces(config)).toEqual(['default', 'secure']);
    expect(lastAuth).toEqual(seen);
  });

  it('a server certificate from another CA → UserError that says TLS', async () => {
    const config = configWith([`certificate-authority: ${otherCrt}`], ['token: t']);
    const error = await checkReachable(config).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(new RegExp(`^cannot reach ${url.replace(/\./g, '\\.')} \\(context "tls"\\): TLS: .+`));
    expect((error as Error).message).not.toContain('\n');
  });

  it('an exec plugin that fails → UserError about credentials, without the token', async () => {
    const config = configWith([`certificate-authority: ${serverCrt}`], nodeScript('process.stderr.write("token expired, run login"); process.exit(3)'));
    const error = await checkReachable(config).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^cannot get credentials for context "tls": /);
    expect((error as Error).message).not.toContain('\n');
  });

  it('no credentials at all: 401 is not fatal at start-up (the UI shows it)', async () => {
    const config = configWith([`certificate-authority: ${serverCrt}`], []);
    await expect(checkReachable(config)).resolves.toBeUndefined();
  });

  it('a tokenFile is read again on every request (tokens rotate)', async () => {
    const tokenFile = tempFile('rotating/token', 'first-token\n');
    const config = configWith([`certificate-authority: ${serverCrt}`], [`tokenFile: ${tokenFile}`, 'token: fallback']);
    await checkReachable(config);
    expect(lastAuth).toEqual({ bearer: 'first-token' });
    writeFileSync(tokenFile, 'second-token');
    await listNamespaces(config);
    expect(lastAuth).toEqual({ bearer: 'second-token' });
    rmSync(tokenFile);
    await listNamespaces(config);
    expect(lastAuth).toEqual({ bearer: 'fallback' }); // client-go falls back to the token beside it
  });

  it('relative paths resolve against the directory of the kubeconfig, not the working directory', async () => {
    copyFileSync(serverCrt, tempFile('relative/pki/ca.crt', ''));
    copyFileSync(serverCrt, tempFile('relative/pki/client.crt', ''));
    copyFileSync(serverKey, tempFile('relative/pki/client.key', ''));
    tempFile('relative/token', 'relative-token');
    const plugin = tempFile('relative/bin/plugin', `#!${process.execPath}\nconsole.log(JSON.stringify({apiVersion:"client.authentication.k8s.io/v1",kind:"ExecCredential",status:{token:"from-relative-plugin"}}))\n`);
    chmodSync(plugin, 0o755);
    const file = path.join(dir, 'relative', 'config');
    const cluster = ['certificate-authority: pki/ca.crt'];
    expect(process.cwd()).not.toBe(path.dirname(file));

    await listNamespaces(configWith(cluster, ['client-certificate: pki/client.crt', 'client-key: pki/client.key', 'tokenFile: token'], file));
    expect(lastAuth).toEqual({ bearer: 'relative-token', clientCN: 'podtui-test-apiserver' });

    await listNamespaces(configWith(cluster, ['exec:', '  apiVersion: client.authentication.k8s.io/v1', `  command: .${path.sep}bin${path.sep}plugin`, '  interactiveMode: Never'], file));
    expect(lastAuth).toEqual({ bearer: 'from-relative-plugin' });
  });

  it('a tls-server-name the certificate does not name → TLS error', async () => {
    const error = await rejection(checkReachable(configWith([`certificate-authority: ${serverCrt}`, 'tls-server-name: kubernetes.default.svc'], ['token: t'])));
    expect(error.message).toMatch(/^cannot reach .* \(context "tls"\): TLS: .*kubernetes\.default\.svc/);
  });

  it.each([
    // Relative, so the message names it resolved against the kubeconfig's directory.
    ['a missing CA file', ['certificate-authority: missing.crt'], ['token: t'], /^cannot get credentials for context "tls": cannot read certificate-authority \/.*\/podtui-tls-[^/]+\/missing\.crt: no such file$/],
    ['a client certificate without a key', [`certificate-authority: ${serverCrt}`], [`client-certificate: ${serverCrt}`], /^cannot get credentials for context "tls": user "u" has a client certificate without a key$/],
    ['inline CA data that is not PEM', [`certificate-authority-data: ${Buffer.from('not a certificate').toString('base64')}`], ['token: t'], /^cannot get credentials for context "tls": certificate-authority-data is not PEM data$/],
    ['a client key file that is not PEM (this test file)', [`certificate-authority: ${serverCrt}`], [`client-certificate: ${serverCrt}`, `client-key: ${fileURLToPath(import.meta.url)}`], /^cannot get credentials for context "tls": client-key \/.*transport\.tls\.test\.ts is not PEM data$/],
    ['a client key that does not match its certificate', [`certificate-authority: ${serverCrt}`], [`client-certificate: ${otherCrt}`, `client-key: ${serverKey}`], /^cannot get credentials for context "tls": .*key values mismatch/],
    ['an unreadable tokenFile and no token', [`certificate-authority: ${serverCrt}`], ['tokenFile: /nonexistent/token'], /^cannot get credentials for context "tls": cannot read tokenFile \/nonexistent\/token: no such file$/],
  ])('%s → UserError about credentials', async (_name, cluster, user, message) => {
    const error = await rejection(checkReachable(configWith(cluster, user)));
    expect(error.message).toMatch(message);
  });
});

describe('in-cluster service account', () => {
  const inCluster = (namespace?: string) => {
    const accountDir = mkdtempSync(path.join(dir, 'serviceaccount-'));
    copyFileSync(serverCrt, path.join(accountDir, 'ca.crt'));
    writeFileSync(path.join(accountDir, 'token'), 'sa-token-1\n');
    if (namespace) writeFileSync(path.join(accountDir, 'namespace'), namespace);
    const port = new URL(url).port;
    return { accountDir, env: { KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port } };
  };

  it('talks https to KUBERNETES_SERVICE_HOST:PORT with the mounted CA and token, re-reading the token', async () => {
    const { accountDir, env } = inCluster('monitoring');
    const config = loadClusterConfig({ allNamespaces: false }, env, path.join(dir, 'no-home'), accountDir);
    expect(config).toMatchObject({ contextName: 'in-cluster', server: url, namespace: 'monitoring' });
    await checkReachable(config);
    expect(lastAuth).toEqual({ bearer: 'sa-token-1' });
    writeFileSync(path.join(accountDir, 'token'), 'sa-token-2');
    expect(await listNamespaces(config)).toEqual(['default', 'secure']);
    expect(lastAuth).toEqual({ bearer: 'sa-token-2' });
  });

  it('in a pod: --kubeconfig, then $KUBECONFIG files that exist, then the service account (if its token is mounted)', () => {
    const { accountDir, env } = inCluster();
    const home = path.join(dir, 'no-home');
    const load = (options: { kubeconfig?: string }, extra: NodeJS.ProcessEnv = {}) => loadClusterConfig({ allNamespaces: false, ...options }, { ...env, ...extra }, home, accountDir);
    const file = path.join(dir, 'in-pod-config');
    configWith([], ['token: t'], file);
    expect(load({ kubeconfig: file }).contextName).toBe('tls');
    expect(load({}, { KUBECONFIG: file }).contextName).toBe('tls');
    expect(load({}, { KUBECONFIG: '/nonexistent/a:/nonexistent/b' }).contextName).toBe('in-cluster');
    expect(load({}).contextName).toBe('in-cluster');
    expect(() => load({ kubeconfig: '/nonexistent/config' })).toThrow(new UserError('kubeconfig /nonexistent/config not found'));
    rmSync(path.join(accountDir, 'token'));
    expect(() => load({})).toThrow(new UserError(`no kubeconfig found at ${path.join(home, '.kube', 'config')} (set KUBECONFIG or pass --kubeconfig)`));
  });

  it.each([
    ['POD_NAMESPACE wins over the namespace file', 'from-file', { POD_NAMESPACE: 'from-env' }, 'from-env'],
    ['the namespace file', 'from-file', {}, 'from-file'],
    ['neither → default', undefined, {}, 'default'],
  ] as const)('namespace: %s', (_name, file, extraEnv, namespace) => {
    const { accountDir, env } = inCluster(file);
    expect(loadClusterConfig({ allNamespaces: false }, { ...env, ...extraEnv }, path.join(dir, 'no-home'), accountDir).namespace).toBe(namespace);
  });
});

describe('proxy-url (through client-node)', () => {
  it('an https cluster behind an HTTP CONNECT proxy: the tunnel goes to the server, the token through it', async () => {
    const tunnels: string[] = [];
    // A tunnelled socket leaves the http server's books: close() would wait for it forever.
    const sockets: net.Socket[] = [];
    const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, client: net.Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        sockets.push(client, upstream);
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const config = configWith([`certificate-authority: ${serverCrt}`, `proxy-url: ${proxyUrl}`], ['token: via-proxy']);
      expect(await listNamespaces(config)).toEqual(['default', 'secure']);
      expect(lastAuth).toEqual({ bearer: 'via-proxy' });
      expect(tunnels).toEqual([new URL(url).host]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
