import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeKubeconfig } from '../../../src/sim/kubeconfig.js';
import type { ApiServer } from '../../../src/sim/server/index.js';
import { startCluster, type Cluster } from './fixtures.js';
import { getJson } from './http.js';

let cluster: Cluster & { server: ApiServer };
beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(async () => {
  await cluster.server.close();
});

describe('discovery', () => {
  it('serves /version as a 1.32 server', async () => {
    const { body } = await getJson(`${cluster.server.url}/version`);
    expect(body).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' });
  });

  it('serves /api with its address', async () => {
    const { body } = await getJson(`${cluster.server.url}/api`);
    expect(body).toEqual({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${cluster.server.port}` }] });
  });

  it('lists pods, pods/log, events and namespaces in /api/v1 with verbs and short names', async () => {
    const { body } = await getJson(`${cluster.server.url}/api/v1`);
    expect(body.kind).toBe('APIResourceList');
    expect(body.groupVersion).toBe('v1');
    const byName = Object.fromEntries(body.resources.map((r: { name: string }) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['events', 'namespaces', 'pods', 'pods/log']);
    expect(byName.pods).toMatchObject({ kind: 'Pod', namespaced: true, shortNames: ['po'], verbs: expect.arrayContaining(['list', 'watch', 'get', 'create', 'delete']) });
    expect(byName.events).toMatchObject({ kind: 'Event', namespaced: true, shortNames: ['ev'] });
    expect(byName.namespaces).toMatchObject({ kind: 'Namespace', namespaced: false, shortNames: ['ns'] });
    expect(byName['pods/log']).toMatchObject({ kind: 'Pod', verbs: ['get'] });
  });

  it('lists the events.k8s.io group and its resources', async () => {
    const groups = await getJson(`${cluster.server.url}/apis`);
    expect(groups.body).toMatchObject({ kind: 'APIGroupList', groups: [{ name: 'events.k8s.io', preferredVersion: { groupVersion: 'events.k8s.io/v1', version: 'v1' } }] });
    const resources = await getJson(`${cluster.server.url}/apis/events.k8s.io/v1`);
    expect(resources.body).toMatchObject({ kind: 'APIResourceList', groupVersion: 'events.k8s.io/v1', resources: [{ name: 'events', kind: 'Event', namespaced: true }] });
  });

  it('answers aggregated discovery in the plain form with Content-Type application/json', async () => {
    const res = await fetch(`${cluster.server.url}/apis`, {
      headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json' },
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(((await res.json()) as { kind: string }).kind).toBe('APIGroupList');
  });
});

describe('writeKubeconfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podtui-kubeconfig-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a 0600 kubeconfig that client-node loads as the podtui-sim context', () => {
    const path = join(dir, 'nested', 'config');
    writeKubeconfig('http://127.0.0.1:6443', path, { namespace: 'demo' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const config = new KubeConfig();
    config.loadFromFile(path);
    expect(config.getCurrentContext()).toBe('podtui-sim');
    expect(config.getCurrentCluster()).toMatchObject({ name: 'podtui-sim', server: 'http://127.0.0.1:6443' });
    expect(config.getContextObject('podtui-sim')?.namespace).toBe('demo');
    expect(config.getCurrentUser()?.token).toBeTruthy();
    // Without it client-node refuses the emulator's plain-http URL.
    expect(config.getCurrentCluster()?.skipTLSVerify).toBe(true);
  });

  it('names the context as asked and tightens an existing file', () => {
    const path = join(dir, 'loose');
    writeFileSync(path, 'old', { mode: 0o644 });
    writeKubeconfig('http://127.0.0.1:1', path, { contextName: 'demo-cluster' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toContain('current-context: "demo-cluster"');
    const config = new KubeConfig();
    config.loadFromFile(path);
    expect(config.getCurrentContext()).toBe('demo-cluster');
    expect(config.getContextObject('demo-cluster')?.namespace).toBeUndefined();
  });
});
