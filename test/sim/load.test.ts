// Benchmark load: many ordinary running pods made fast and small, then a
// storm of pod updates and Events at the asked rates, driven by one ticker.
import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../../src/model/types.js';
import { VirtualClock } from '../../src/sim/clock.js';
import { createEmulator } from '../../src/sim/emulator.js';
import { startLoad } from '../../src/sim/load.js';
import { seededRandom } from '../../src/sim/scenarios/random.js';
import type { Change } from '../../src/sim/store.js';

const NAME = /^svc-\d+-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe('startLoad', () => {
  it('spreads running, Ready pods of ReplicaSets over load-N namespaces', () => {
    const emulator = createEmulator(new VirtualClock());
    startLoad(emulator, { pods: 95, namespaces: 4, churn: 0, eventRate: 0, random: seededRandom(1) }).stop();
    expect(emulator.store.list('namespaces').map((n) => n.metadata.name)).toEqual(['load-0', 'load-1', 'load-2', 'load-3']);
    const pods = emulator.store.list('pods') as unknown as Pod[];
    expect(pods).toHaveLength(95);
    const perNamespace = ['load-0', 'load-1', 'load-2', 'load-3'].map((ns) => pods.filter((p) => p.metadata.namespace === ns).length);
    expect(perNamespace).toEqual([24, 24, 24, 23]);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(NAME);
      expect(pod.status.phase).toBe('Running');
      expect(pod.status.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
        'PodReadyToStartContainers=True',
        'Initialized=True',
        'Ready=True',
        'ContainersReady=True',
        'PodScheduled=True',
      ]);
      expect(pod.status.containerStatuses?.[0]).toMatchObject({ ready: true, restartCount: 0, started: true });
      expect(pod.metadata.labels?.['pod-template-hash']).toBe(pod.metadata.ownerReferences?.[0]?.name.split('-').pop());
    }
    // Ten pods per ReplicaSet in each namespace: svc-0 … svc-2 in load-0.
    const load0 = new Set(pods.filter((p) => p.metadata.namespace === 'load-0').map((p) => p.metadata.ownerReferences?.[0]?.name));
    expect([...load0].map((n) => n?.replace(/-[^-]+$/, ''))).toEqual(['svc-0', 'svc-1', 'svc-2']);
  });

  it.each([
    { churn: 200, eventRate: 200, seconds: 10 },
    { churn: 0.5, eventRate: 0, seconds: 10 },
    { churn: 0, eventRate: 3, seconds: 4 },
  ])('churn $churn/s and $eventRate events/s for $seconds s', ({ churn, eventRate, seconds }) => {
    const clock = new VirtualClock();
    const emulator = createEmulator(clock);
    const load = startLoad(emulator, { pods: 300, namespaces: 3, churn, eventRate, random: seededRandom(2) });
    const changes: Change[] = [];
    emulator.store.subscribe((c) => changes.push(c));
    clock.advance(seconds * 1000);
    load.stop();
    expect(clock.pending).toBe(0);
    const updates = changes.filter((c) => c.kind === 'pods');
    expect(updates).toHaveLength(churn * seconds);
    expect(updates.every((c) => c.type === 'MODIFIED')).toBe(true);
    const eventWrites = changes.filter((c) => c.kind === 'events');
    expect(eventWrites).toHaveLength(eventRate * seconds);
    // Repeats of one pod's Event are one object whose count grows.
    const counts = new Map<string, number>();
    for (const c of eventWrites) counts.set(c.object.metadata.name, (c.object as unknown as KubeEvent).count ?? 0);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(eventRate * seconds);
    expect(emulator.store.count('events')).toBe(counts.size);
  });

  it('an update flips readiness or restarts the container, keeping the pod consistent', () => {
    const clock = new VirtualClock();
    const emulator = createEmulator(clock);
    const load = startLoad(emulator, { pods: 20, namespaces: 1, churn: 50, eventRate: 0, random: seededRandom(3) });
    clock.advance(20_000);
    load.stop();
    const pods = emulator.store.list('pods') as unknown as Pod[];
    const restarted = pods.filter((p) => (p.status.containerStatuses?.[0]?.restartCount ?? 0) > 0);
    expect(restarted.length).toBeGreaterThan(0);
    for (const pod of pods) {
      const status = pod.status.containerStatuses![0]!;
      const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
      expect(ready?.status).toBe(status.ready ? 'True' : 'False');
      if (!status.ready) expect(ready?.message).toBe('containers with unready status: [app]');
      if (status.restartCount > 0) expect(status.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    }
  });

  it('creates 30,000 pods in a few seconds at a few KB each', () => {
    const emulator = createEmulator(new VirtualClock());
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const load = startLoad(emulator, { pods: 30_000, namespaces: 50, churn: 0, eventRate: 0, random: seededRandom(4) });
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const seconds = (performance.now() - started) / 1000;
    const perPod = (process.memoryUsage().heapUsed - heapBefore) / 30_000;
    load.stop();
    console.log(`load: 30,000 pods in ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s CPU), ~${(perPod / 1024).toFixed(1)} KB heap per pod`);
    expect(emulator.store.count('pods')).toBe(30_000);
    // CPU time, not wall time: the machine is shared, and other work must not fail this test.
    expect(cpuSeconds).toBeLessThan(8);
    expect(perPod).toBeLessThan(8 * 1024);
  });
});
