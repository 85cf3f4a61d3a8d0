// Issue 5's property: the `churn` and `crashloop` scenarios run for several
// emulated minutes while every fault strikes at random (cut streams, expired
// resourceVersions, 500s and 429s, stalls, garbage lines). Whatever happened
// on the way, the client must end up holding exactly the emulator's pods —
// names, resourceVersions, statuses — and must have seen each pod's versions
// in resourceVersion order, never one twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCluster, type ClusterConnection } from '../../src/kube/cluster.js';
import { loadClusterConfig } from '../../src/kube/kubeconfig.js';
import { slimPod } from '../../src/kube/slim.js';
import { RealClock } from '../../src/sim/clock.js';
import { createEmulator, type Emulator } from '../../src/sim/emulator.js';
import type { FaultKind } from '../../src/sim/faults.js';
import { writeKubeconfig } from '../../src/sim/kubeconfig.js';
import { startScenarios, type Running } from '../../src/sim/scenarios/index.js';
import { startApiServer, type ApiServer } from '../../src/sim/server/index.js';
import { Observer } from './observer.js';
import { seededRandom } from '../../src/sim/scenarios/random.js';


const SPEED = 150; // 6 s of wall time → 15 emulated minutes
const STORM_MS = 6_000;
const ALL_FAULTS: FaultKind[] = ['drop', 'expire', 'error', 'slow', 'garbage'];
const NAMESPACE = 'demo';

describe.each([1, 2])('watch property under every fault (seed %i)', (seed) => {
  let emulator: Emulator;
  let server: ApiServer;
  let scenarios: Running;
  let connection: ClusterConnection;
  let dir: string;
  const observer = new Observer();
  let podChanges = 0;

  beforeAll(async () => {
    emulator = createEmulator(new RealClock(SPEED));
    server = await startApiServer(emulator, { port: 0, bookmarkIntervalMs: 200 });
    dir = mkdtempSync(path.join(tmpdir(), 'podtui-kube-property-'));
    const file = path.join(dir, 'kubeconfig');
    writeKubeconfig(server.url, file, { namespace: NAMESPACE });
    emulator.store.subscribe((change) => {
      if (change.kind === 'pods') podChanges++;
    });
    scenarios = startScenarios(emulator, { names: ['churn', 'crashloop'], namespace: NAMESPACE, random: seededRandom(seed) });
    server.faults.enable(ALL_FAULTS, { random: seededRandom(seed * 7919) }); // the emulator's default rate, 2% per chance
    connection = connectCluster(loadClusterConfig({ kubeconfig: file, allNamespaces: false }), {
      idleMs: 1_500,
      pageSize: 2, // several pages per list, so continue tokens meet the faults too
      backoff: { initialMs: 20, maxMs: 400 },
      requestTimeoutMs: 3_000,
    });
    connection.start(observer.handle);
    // `expire` compacts only when a watch starts; a short change window and
    // a compaction now and then make sure clients that fell behind meet 410s.
    emulator.store.setHistoryLimit(50);
    const compactions = setInterval(() => emulator.store.compact(), 700);
    await new Promise((resolve) => setTimeout(resolve, STORM_MS));
    clearInterval(compactions);
    // The storm ends: no more faults, no more changes. The client must converge.
    scenarios.stop();
    server.faults.disable();
  }, 60_000);

  afterAll(async () => {
    connection?.stop();
    scenarios?.stop();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const emulatorPods = () => new Map(emulator.store.list('pods').filter((p) => p.metadata.namespace === NAMESPACE).map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));

  it('the storm was real: pods changed, streams broke, relists happened', () => {
    expect(observer.of('PodObserved').length).toBeGreaterThan(20);
    expect(observer.of('PodDeleted').length).toBeGreaterThan(3);
    const reconnects = observer.of('ConnectionChanged').filter((o) => o.connection.phase === 'reconnecting');
    expect(reconnects.length).toBeGreaterThan(0);
    const relists = observer.of('Synced').filter((o) => o.stream === 'pods').length - 1;
    expect(relists).toBeGreaterThan(0);
    const malformed = observer.of('ConnectionChanged').some((o) => /malformed/.test(o.connection.detail ?? ''));
    console.info(
      `seed ${seed}: emulator made ${podChanges} pod changes, client saw ${observer.of('PodObserved').length} pod versions, ${observer.of('PodDeleted').length} deletes, ` +
        `${observer.of('EventObserved').length} events, ${reconnects.length} reconnect states, ${relists} pod relists, malformed reported: ${malformed}`,
    );
  });

  it('ends holding exactly the emulator pods: names, resourceVersions, statuses', async () => {
    const latest = new Map<string, ReturnType<typeof slimPod>>();
    await observer.waitFor(() => {
      latest.clear();
      for (const o of observer.observations) {
        if (o.kind === 'PodObserved') latest.set(`${o.pod.metadata.namespace}/${o.pod.metadata.name}`, o.pod);
        if (o.kind === 'PodDeleted') latest.delete(`${o.pod.metadata.namespace}/${o.pod.metadata.name}`);
      }
      const theirs = emulatorPods();
      return latest.size === theirs.size && [...theirs].every(([k, p]) => latest.get(k)?.metadata.resourceVersion === p.metadata.resourceVersion);
    }, 'client to converge', 20_000);
    const theirs = emulatorPods();
    expect([...latest.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [key, pod] of theirs) expect(latest.get(key)!.status, key).toEqual(slimPod(pod).status);
  }, 30_000);

  it('saw every pod’s versions in resourceVersion order, none twice', () => {
    const byUid = new Map<string, number[]>();
    for (const o of observer.of('PodObserved')) {
      const list = byUid.get(o.pod.metadata.uid!) ?? [];
      list.push(Number(o.pod.metadata.resourceVersion));
      byUid.set(o.pod.metadata.uid!, list);
    }
    expect(byUid.size).toBeGreaterThan(3);
    for (const [uid, rvs] of byUid) {
      for (let i = 1; i < rvs.length; i++) expect(rvs[i]!, `pod ${uid} version ${i}`).toBeGreaterThan(rvs[i - 1]!);
    }
    const events = observer.of('EventObserved').map((o) => `${o.event.metadata.uid}@${o.event.metadata.resourceVersion}`);
    expect(new Set(events).size).toBe(events.length);
  });
});
