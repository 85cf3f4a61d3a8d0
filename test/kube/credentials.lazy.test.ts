// @kubernetes/client-node costs a process about 70 MB of RSS and 0.7 s of CPU
// to import (docs/performance.md, item 1). podtui reads kubeconfigs and static
// credentials without it and imports it only for a user with an exec plugin or
// an auth provider, or a cluster behind a proxy. The mock below counts every
// evaluation of the package in this file's module graph, static or dynamic: a
// value import of it re-added anywhere on the common path (kubeconfig,
// credentials, transport, the watch layer) makes the first test fail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const clientNode = vi.hoisted(() => ({ loads: 0 }));
vi.mock('@kubernetes/client-node', async (importOriginal) => {
  clientNode.loads += 1;
  return importOriginal();
});

// After the mock, so the module graph below is evaluated under it.
const { connectCluster } = await import('../../src/kube/cluster.js');
const { checkReachable, loadClusterConfig } = await import('../../src/kube/kubeconfig.js');
const { listNamespaces } = await import('../../src/kube/namespaces.js');

let dir: string;
let server: Server;
let url: string;
const seenAuthorization: (string | undefined)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'podtui-lazy-'));
  // Plain http, like the emulator and `kubectl proxy`.
  server = createServer((req, res) => {
    seenAuthorization.push(req.headers.authorization);
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url?.startsWith('/api/v1/namespaces')) res.end(JSON.stringify({ kind: 'NamespaceList', metadata: {}, items: [{ metadata: { name: 'default' } }] }));
    else res.end(JSON.stringify({ major: '1', minor: '31', gitVersion: 'v1.31.0' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function kubeconfigFile(name: string, user: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    ['apiVersion: v1', 'kind: Config', 'current-context: c', 'clusters:', '- name: c', '  cluster:', `    server: ${url}`, 'users:', '- name: u', '  user:', ...user.map((l) => `    ${l}`), 'contexts:', '- name: c', '  context: {cluster: c, user: u}'].join('\n'),
  );
  return file;
}

describe('@kubernetes/client-node is imported only when a credential needs it', () => {
  it.each([
    ['a token', ['token: static-token'], 'Bearer static-token'],
    ['basic auth', ['username: alice', 'password: pw'], `Basic ${Buffer.from('alice:pw').toString('base64')}`],
  ])('%s: kubeconfig, credentials and requests without it', async (_name, user, authorization) => {
    const config = loadClusterConfig({ kubeconfig: kubeconfigFile('static', user), allNamespaces: false });
    await checkReachable(config);
    expect(await listNamespaces(config)).toEqual(['default']);
    expect(seenAuthorization.at(-1)).toBe(authorization);
    expect(typeof connectCluster).toBe('function'); // the watch layer is loaded too
    expect(clientNode.loads).toBe(0);
  });

  it('an exec plugin user loads it once, and its token reaches the server', async () => {
    const plugin = path.join(dir, 'exec-plugin.mjs');
    writeFileSync(plugin, 'console.log(JSON.stringify({apiVersion:"client.authentication.k8s.io/v1",kind:"ExecCredential",status:{token:"exec-token"}}))\n');
    const file = kubeconfigFile('exec', ['exec:', '  apiVersion: client.authentication.k8s.io/v1', `  command: ${JSON.stringify(process.execPath)}`, `  args: [${JSON.stringify(plugin)}]`, '  interactiveMode: Never']);
    const config = loadClusterConfig({ kubeconfig: file, allNamespaces: false });
    expect(clientNode.loads).toBe(0); // reading the kubeconfig does not need it
    await checkReachable(config);
    expect(seenAuthorization.at(-1)).toBe('Bearer exec-token');
    await listNamespaces(config);
    expect(seenAuthorization.at(-1)).toBe('Bearer exec-token');
    expect(clientNode.loads).toBe(1);
  });
});
