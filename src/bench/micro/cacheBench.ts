// Issue 5's bench: what the client keeps per pod once it has listed a large
// cluster. The pods are served by the emulator over real HTTP, as the API
// server returns them (managedFields and last-applied annotation included, so
// slimming is measured too); the heap is read after full collections before
// the client connects and after its initial list is in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectCluster } from '../../kube/cluster.js';
import { loadClusterConfig } from '../../kube/kubeconfig.js';
import type { Pod } from '../../model/types.js';
import { RealClock } from '../../sim/clock.js';
import { createEmulator } from '../../sim/emulator.js';
import { writeKubeconfig } from '../../sim/kubeconfig.js';
import { startApiServer } from '../../sim/server/index.js';
import { runningPod } from './podStream.js';

export interface CacheBenchResult {
  pods: number;
  /** Heap the client kept for its caches after the initial list (bytes). */
  retained: number;
  /** Start of the connection to the pods stream's Synced (ms). */
  syncMs: number;
}

/** What the API server adds to every pod and podtui must drop on entry. */
function asServed(pod: Pod): Pod {
  const time = pod.metadata.creationTimestamp;
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: pod.metadata.name }, spec: pod.spec }),
      },
      managedFields: [
        { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', time, fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:generateName': {}, 'f:labels': { '.': {}, 'f:app': {}, 'f:pod-template-hash': {} }, 'f:ownerReferences': {} }, 'f:spec': { 'f:containers': {} } } },
        { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time, fieldsType: 'FieldsV1', subresource: 'status', fieldsV1: { 'f:status': { 'f:conditions': {}, 'f:containerStatuses': {}, 'f:hostIP': {}, 'f:phase': {}, 'f:podIP': {}, 'f:startTime': {} } } },
      ],
    } as Pod['metadata'],
  };
}

export async function runCacheBench(options: { pods: number; namespaces: number; heapUsed: () => number; timeoutMs?: number }): Promise<CacheBenchResult> {
  const emulator = createEmulator(new RealClock());
  for (let i = 0; i < options.pods; i++) emulator.store.create('pods', asServed(runningPod(i, options.namespaces, 0)) as never);
  const server = await startApiServer(emulator, { port: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'podtui-cache-bench-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeKubeconfig(server.url, kubeconfig, { namespace: 'default' });
  const config = loadClusterConfig({ kubeconfig, allNamespaces: true });
  const before = options.heapUsed();
  const startedAt = performance.now();
  const connection = connectCluster(config, {});
  try {
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client saw ${seen} of ${options.pods} pods and no Synced`)), options.timeoutMs ?? 120_000);
      connection.start((observation) => {
        // Counted, never kept: only the client's own caches may stay on the heap.
        if (observation.kind === 'PodObserved') seen++;
        if (observation.kind === 'Synced' && observation.stream === 'pods') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const syncMs = performance.now() - startedAt;
    const after = options.heapUsed();
    if (seen < options.pods) throw new Error(`client saw ${seen} of ${options.pods} pods`);
    return { pods: options.pods, retained: after - before, syncMs };
  } finally {
    connection.stop();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
