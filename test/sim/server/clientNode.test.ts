// @kubernetes/client-node, unchanged, against the emulator: typed calls,
// Watch and an informer work as against a cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, EventsV1Api, KubeConfig, makeInformer, Watch, type V1Pod } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeKubeconfig } from '../../../src/sim/kubeconfig.js';
import type { ApiServer } from '../../../src/sim/server/index.js';
import { startCluster, type Cluster } from './fixtures.js';

let cluster: Cluster & { server: ApiServer };
let dir: string;
let config: KubeConfig;

beforeEach(async () => {
  cluster = await startCluster();
  dir = mkdtempSync(join(tmpdir(), 'podtui-client-node-'));
  writeKubeconfig(cluster.server.url, join(dir, 'config'), { namespace: 'demo' });
  config = new KubeConfig();
  config.loadFromFile(join(dir, 'config'));
});
afterEach(async () => {
  await cluster.server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('@kubernetes/client-node against the emulator', () => {
  it('lists, reads logs, creates and deletes through the typed API', async () => {
    const core = config.makeApiClient(CoreV1Api);
    const list = await core.listNamespacedPod({ namespace: 'demo', labelSelector: 'tier' });
    expect(list.items.map((p) => p.metadata?.name)).toEqual(['crashloop-6f9c7-x2kqp', 'web-7d4b9-abcde']);
    expect(list.metadata?.resourceVersion).toBe(cluster.emulator.store.resourceVersion);
    expect(await core.readNamespacedPodLog({ namespace: 'demo', name: 'crashloop-6f9c7-x2kqp', previous: true })).toBe('first instance: panic: boom\n');
    const created = await core.createNamespacedPod({ namespace: 'demo', body: { metadata: { generateName: 'job-' }, spec: { containers: [{ name: 'main', image: 'busybox' }] } } });
    expect(created.status?.phase).toBe('Pending');
    await core.deleteNamespacedPod({ namespace: 'demo', name: created.metadata!.name! });
    expect(cluster.emulator.store.get('pods', 'demo', created.metadata!.name!)).toBeUndefined();
    await expect(core.readNamespacedPod({ namespace: 'demo', name: 'nope' })).rejects.toMatchObject({ code: 404 });
  });

  it('reads events through events.k8s.io/v1', async () => {
    const events = config.makeApiClient(EventsV1Api);
    const list = await events.listNamespacedEvent({ namespace: 'demo', fieldSelector: 'regarding.name=web-7d4b9-abcde' });
    expect(list.items.map((e) => `${e.reason}: ${e.note}`)).toEqual(['Scheduled: Successfully assigned demo/web-7d4b9-abcde to worker-1', 'Started: Started container app']);
  });

  it('watches from a resourceVersion with Watch', async () => {
    const seen: string[] = [];
    const from = cluster.emulator.store.resourceVersion;
    let finished: (value: unknown) => void = () => {};
    const done = new Promise((resolve) => (finished = resolve));
    const controller = await new Watch(config).watch(
      '/api/v1/namespaces/demo/pods',
      { resourceVersion: from, allowWatchBookmarks: true },
      (type, object: V1Pod) => {
        seen.push(`${type} ${object.metadata?.name}`);
        if (seen.length === 2) finished(undefined);
      },
      (error) => finished(error),
    );
    cluster.emulator.store.update('pods', 'demo', 'web-7d4b9-abcde', (p) => {
      p.metadata.labels = { app: 'web', version: '2' };
    });
    cluster.emulator.store.remove('pods', 'demo', 'pending-1a2b3-ppppp');
    expect(await done).toBeUndefined();
    controller.abort();
    expect(seen).toEqual(['MODIFIED web-7d4b9-abcde', 'DELETED pending-1a2b3-ppppp']);
  });

  it('keeps an informer cache equal to the store', async () => {
    const core = config.makeApiClient(CoreV1Api);
    const informer = makeInformer(config, '/api/v1/pods', () => core.listPodForAllNamespaces());
    let changes = 0;
    let onChange = () => {};
    informer.on('add', () => (changes++, onChange()));
    informer.on('update', () => (changes++, onChange()));
    informer.on('delete', () => (changes++, onChange()));
    const until = (count: number) =>
      new Promise<void>((resolve) => {
        onChange = () => changes >= count && resolve();
        onChange();
      });
    await informer.start();
    await until(5);
    cluster.emulator.store.remove('pods', 'kube-system', 'coredns-5d78c-zzzzz');
    cluster.emulator.store.update('pods', 'demo', 'web-7d4b9-abcde', (p) => {
      p.metadata.labels = { app: 'web', version: '3' };
    });
    await until(7);
    await informer.stop();
    const cached = informer.list().map((p) => `${p.metadata?.namespace}/${p.metadata?.name}@${p.metadata?.resourceVersion}`).sort();
    const stored = cluster.emulator.store.list('pods').map((p) => `${p.metadata.namespace}/${p.metadata.name}@${p.metadata.resourceVersion}`).sort();
    expect(cached).toEqual(stored);
  });
});
