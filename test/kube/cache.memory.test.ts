// Issue 5: with 10,000 pods the client's retained cache averages under 3 KB
// per pod. The emulator serves the pods over HTTP as an API server would
// (managedFields, last-applied annotation); the observations are counted and
// dropped, so what stays on the heap is what src/kube itself keeps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { connectCluster } from '../../src/kube/cluster.js';
import { loadClusterConfig } from '../../src/kube/kubeconfig.js';
import { RealClock } from '../../src/sim/clock.js';
import { createEmulator } from '../../src/sim/emulator.js';
import { writeKubeconfig } from '../../src/sim/kubeconfig.js';
import { startApiServer } from '../../src/sim/server/index.js';
import type { StoredObject } from '../../src/sim/store.js';
import { podObject, running } from '../sim/server/fixtures.js';

const PODS = 10_000;

// vitest's workers run without --expose-gc; V8 lets a process grant itself gc().
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settledHeap(): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

function servedPod(i: number): StoredObject {
  const namespace = `team-${i % 50}`;
  const name = `web-7d9f8b6c5d-${i.toString(36).padStart(5, '0')}`;
  const pod = podObject(namespace, name, { node: `worker-${i % 20}`, statuses: [running('app')] });
  const metadata = pod.metadata as typeof pod.metadata & Record<string, unknown>;
  metadata.annotations = {
    'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: pod.spec }),
  };
  metadata.managedFields = [
    { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:containers': {} } } },
    { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', subresource: 'status', fieldsV1: { 'f:status': { 'f:conditions': {}, 'f:containerStatuses': {}, 'f:phase': {} } } },
  ];
  return pod as unknown as StoredObject;
}

it(`retains under 3 KB per pod after listing ${PODS} pods`, async () => {
  const emulator = createEmulator(new RealClock());
  for (let i = 0; i < PODS; i++) emulator.store.create('pods', servedPod(i));
  const server = await startApiServer(emulator, { port: 0 });
  const dir = mkdtempSync(path.join(tmpdir(), 'podtui-kube-memory-'));
  const file = path.join(dir, 'kubeconfig');
  writeKubeconfig(server.url, file, { namespace: 'default' });
  const config = loadClusterConfig({ kubeconfig: file, allNamespaces: true });
  /** Connects and resolves at the pods stream's Synced with how many pods it saw (counted, never kept). */
  const listAll = async (connection: ReturnType<typeof connectCluster>) => {
    let seen = 0;
    await new Promise<void>((resolve) =>
      connection.start((o) => {
        if (o.kind === 'PodObserved') seen++;
        if (o.kind === 'Synced' && o.stream === 'pods') resolve();
      }),
    );
    return seen;
  };
  // The emulator shares this heap, and its first full list settles memory of
  // its own (about 250 B per pod freed); a throwaway client takes that first
  // list so the measured one sees only its own growth.
  const warmUp = connectCluster(config, {});
  await listAll(warmUp);
  warmUp.stop();
  let connection: ReturnType<typeof connectCluster> | undefined = connectCluster(config, {});
  try {
    const before = settledHeap();
    const startedAt = Date.now();
    const seen = await listAll(connection);
    const syncMs = Date.now() - startedAt;
    const after = settledHeap();
    // Cross-check from the other side: drop the connection and see what is freed.
    connection.stop();
    connection = undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const released = settledHeap();
    const perPod = (after - before) / PODS;
    const freedPerPod = (after - released) / PODS;
    console.info(
      `client cache: ${PODS} pods, heap +${((after - before) / 1024 / 1024).toFixed(2)} MiB after the list (${perPod.toFixed(0)} B/pod), ` +
        `${((after - released) / 1024 / 1024).toFixed(2)} MiB freed on disconnect (${freedPerPod.toFixed(0)} B/pod), list in ${syncMs} ms`,
    );
    expect(seen).toBe(PODS);
    expect(perPod).toBeLessThan(3 * 1024);
    expect(freedPerPod).toBeLessThan(3 * 1024);
    // The client does hold something per pod (its key → uid/resourceVersion map): a measurement of nothing would be wrong.
    expect(freedPerPod).toBeGreaterThan(100);
  } finally {
    connection?.stop();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
