// The watch loop against the real emulator over HTTP, with the emulator's own
// fault switches: the same code path as a real cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectCluster, type ClusterConnection } from '../../src/kube/cluster.js';
import { loadClusterConfig } from '../../src/kube/kubeconfig.js';
import { RealClock } from '../../src/sim/clock.js';
import { createEmulator, type Emulator } from '../../src/sim/emulator.js';
import { writeKubeconfig } from '../../src/sim/kubeconfig.js';
import { startApiServer, type ApiServer } from '../../src/sim/server/index.js';
import type { StoredObject } from '../../src/sim/store.js';
import { kubeletEvent, podObject, running } from '../sim/server/fixtures.js';
import { Observer } from './observer.js';

let emulator: Emulator;
let server: ApiServer;
let dir: string;
let connection: ClusterConnection | undefined;
let observer: Observer;

beforeEach(async () => {
  emulator = createEmulator(new RealClock());
  server = await startApiServer(emulator, { port: 0, bookmarkIntervalMs: 100 });
  dir = mkdtempSync(path.join(tmpdir(), 'podtui-kube-emu-'));
  observer = new Observer();
});
afterEach(async () => {
  connection?.stop();
  connection = undefined;
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(options: { namespace?: string; allNamespaces?: boolean } = {}) {
  const file = path.join(dir, 'kubeconfig');
  writeKubeconfig(server.url, file, { namespace: options.namespace ?? 'shop' });
  const config = loadClusterConfig({ kubeconfig: file, allNamespaces: options.allNamespaces ?? false });
  connection = connectCluster(config, { idleMs: 1_000, backoff: { initialMs: 20, maxMs: 300 } });
  connection.start(observer.handle);
}

const createPod = (namespace: string, name: string) =>
  emulator.store.create('pods', podObject(namespace, name, { node: 'worker-1', statuses: [running('app')] }) as unknown as StoredObject);
const restart = (namespace: string, name: string, count: number) =>
  emulator.store.update('pods', namespace, name, (pod) => {
    (pod.status as { containerStatuses: unknown[] }).containerStatuses = [running('app', '2026-11-25T10:05:00Z', count)];
  });
const live = (stream = 'pods') => () => observer.lastState(stream)?.phase === 'live';

/** The emulator's pods in the watched scope, key → resourceVersion. */
function emulatorPods(namespace?: string): Map<string, string> {
  return new Map(
    emulator.store
      .list('pods')
      .filter((p) => namespace === undefined || p.metadata.namespace === namespace)
      .map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p.metadata.resourceVersion!]),
  );
}
const inSync = (namespace?: string) => () => {
  const mine = observer.pods();
  const theirs = emulatorPods(namespace);
  return mine.size === theirs.size && [...theirs].every(([k, rv]) => mine.get(k) === rv);
};

describe('against the emulator', () => {
  it('lists, watches and follows pods and their events through both event APIs, once each', async () => {
    const web = createPod('shop', 'web-1');
    createPod('other', 'elsewhere');
    emulator.store.create('events', kubeletEvent(web, 'Started', 'Started container app') as unknown as StoredObject);
    connect();
    await observer.waitFor(() => live()() && live('events')() && live('events.k8s.io')(), 'all streams live');
    restart('shop', 'web-1', 1);
    emulator.store.create('events', kubeletEvent(web, 'BackOff', 'Back-off restarting failed container app in pod web-1_shop(x)', 'Warning') as unknown as StoredObject);
    await observer.waitFor(inSync('shop'), 'pods in sync');
    await observer.waitFor(() => observer.of('EventObserved').length === 2, 'two events');
    await new Promise((resolve) => setTimeout(resolve, 200)); // room for any echo through the second API
    expect(observer.of('EventObserved').map((o) => o.event.reason)).toEqual(['Started', 'BackOff']);
    expect([...observer.pods().keys()]).toEqual(['shop/web-1']);
  });

  it('relists on 410 and reconciles what changed while the RV expired', async () => {
    for (const name of ['keep', 'change', 'vanish']) createPod('shop', name);
    connect();
    await observer.waitFor(live(), 'live');
    server.faults.enable(['drop'], { rate: 1 }); // cut every stream at its next write
    restart('shop', 'change', 1);
    emulator.store.remove('pods', 'shop', 'vanish');
    emulator.store.compact();
    server.faults.disable();
    await observer.waitFor(() => observer.of('Synced').filter((o) => o.stream === 'pods').length >= 2, 'a relist');
    await observer.waitFor(inSync('shop'), 'in sync after relist');
    const names = observer.of('PodObserved').map((o) => o.pod.metadata.name);
    expect(names.filter((n) => n === 'keep')).toHaveLength(1);
    expect(observer.of('PodDeleted').map((o) => o.pod.metadata.name)).toEqual(['vanish']);
  });

  it('resumes after dropped streams without missing or repeating a change', async () => {
    createPod('shop', 'web-1');
    connect();
    await observer.waitFor(live(), 'live');
    server.faults.enable(['drop'], { rate: 0.3 });
    for (let i = 1; i <= 20; i++) {
      restart('shop', 'web-1', i);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    server.faults.disable();
    await observer.waitFor(inSync('shop'), 'in sync after drops');
    const restarts = observer
      .of('PodObserved')
      .map((o) => o.pod.status.containerStatuses?.[0]?.restartCount);
    // Every version the client saw is newer than the one before it: no repeats, no going back.
    const rvs = observer.of('PodObserved').map((o) => Number(o.pod.metadata.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(new Set(rvs).size).toBe(rvs.length);
    expect(restarts.at(-1)).toBe(20);
  });

  it.each([401, 403] as const)('%i reaches the connection state and the watch resumes once allowed', async (status) => {
    createPod('shop', 'web-1');
    connect();
    await observer.waitFor(live(), 'live');
    server.faults.setAuthFailure(status);
    server.faults.enable(['drop'], { rate: 1 });
    restart('shop', 'web-1', 1); // the cut forces a reconnect, which is refused
    await observer.waitFor(() => observer.lastState('pods')?.phase === (status === 401 ? 'unauthorized' : 'forbidden'), 'refused state');
    const refused = observer.lastState('pods')!;
    if (status === 403) expect(refused.detail).toMatch(/cannot (list|watch) resource "pods"/);
    server.faults.disable();
    server.faults.setAuthFailure(undefined);
    restart('shop', 'web-1', 2);
    await observer.waitFor(live(), 'live again', 5_000);
    await observer.waitFor(inSync('shop'), 'in sync after recovery');
  });

  it('falls back to the context namespace when cluster-wide lists are forbidden', async () => {
    createPod('shop', 'mine');
    createPod('other', 'theirs');
    server.faults.setAuthFailure(403, { clusterWideOnly: true });
    connect({ namespace: 'shop', allNamespaces: true });
    await observer.waitFor(live(), 'live');
    expect(observer.states('pods').some((s) => s.phase === 'forbidden' && /at the cluster scope/.test(s.detail ?? ''))).toBe(true);
    expect(observer.lastState('pods')!.detail).toBe('cluster-wide list of pods forbidden; showing namespace "shop" only');
    await observer.waitFor(inSync('shop'), 'namespace pods');
  });

  it('uses core/v1 events alone when events.k8s.io is forbidden, and says so', async () => {
    const web = createPod('shop', 'web-1');
    server.faults.setAuthFailure(403, { resources: ['events.events.k8s.io'] });
    connect();
    await observer.waitFor(() => live('events')() && observer.lastState('events.k8s.io')?.phase === 'forbidden', 'states');
    expect(observer.lastState('events.k8s.io')!.detail).toMatch(/using core\/v1 events only$/);
    emulator.store.create('events', kubeletEvent(web, 'Pulled', 'Container image "registry.example/app:1.0" already present on machine') as unknown as StoredObject);
    await observer.waitFor(() => observer.of('EventObserved').length === 1, 'event');
  });
});
