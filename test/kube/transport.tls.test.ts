// The authenticated transport over real TLS: client-node supplies the CA,
// bearer token, client certificate or exec-plugin token, our own HTTP code
// carries them. The certificates in ./tls are self-signed test fixtures for
// 127.0.0.1 (valid for a century); other.crt is an unrelated CA.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
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
/** What the server saw of the last request's credentials. */
let lastAuth: { bearer?: string; clientCN?: string } = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'podtui-tls-'));
  server = createServer(
    { cert: readFileSync(serverCrt), key: readFileSync(serverKey), ca: [readFileSync(serverCrt)], requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      lastAuth = {
        ...(req.headers.authorization && { bearer: req.headers.authorization.replace(/^Bearer /, '') }),
        ...((req.socket as TLSSocket).authorized && peer?.subject?.CN && { clientCN: String(peer.subject.CN) }),
      };
      if (!lastAuth.bearer && !lastAuth.clientCN) {
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
function configWith(cluster: string[], user: string[]) {
  const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}`);
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

const nodeScript = (source: string) => ['exec:', '  apiVersion: client.authentication.k8s.io/v1', `  command: ${JSON.stringify(process.execPath)}`, '  args:', '  - -e', `  - ${JSON.stringify(source)}`, '  interactiveMode: Never'];

describe('TLS and credentials through client-node', () => {
  it.each([
    ['CA file + bearer token', [`certificate-authority: ${serverCrt}`], ['token: t0ken'], { bearer: 't0ken' }],
    ['inline CA data + bearer token', [`certificate-authority-data: ${readFileSync(serverCrt).toString('base64')}`], ['token: inline'], { bearer: 'inline' }],
    ['insecure-skip-tls-verify', ['insecure-skip-tls-verify: true'], ['token: skip'], { bearer: 'skip' }],
    ['client certificate', [`certificate-authority: ${serverCrt}`], [`client-certificate: ${serverCrt}`, `client-key: ${serverKey}`], { clientCN: 'podtui-test-apiserver' }],
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
});
