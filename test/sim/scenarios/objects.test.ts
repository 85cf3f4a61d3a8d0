// What the emulator's pods and Events look like on the wire: realistic
// core/v1 objects, aggregated kubelet Events, the scheduler's events.k8s.io
// shaped ones, graceful deletion through the API, eviction, and the
// container logs each instance leaves.
import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../../../src/model/types.js';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator, type Emulator } from '../../../src/sim/emulator.js';
import { qosClassOf } from '../../../src/sim/kubelet/qos.js';
import { startScenarios } from '../../../src/sim/scenarios/index.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';
import { startLoad } from '../../../src/sim/load.js';
import { createPod, deletePod } from '../../../src/sim/server/objects.js';
import type { Change } from '../../../src/sim/store.js';
import { harness, onePod } from './harness.js';

function play(names: string[], seconds: number, seed = 4) {
  const clock = new VirtualClock();
  const emulator = createEmulator(clock);
  const changes: Change[] = [];
  emulator.store.subscribe((c) => changes.push(c));
  const running = startScenarios(emulator, { names, namespace: 'demo', random: seededRandom(seed) });
  clock.advance(seconds * 1000);
  return { clock, emulator, changes, running };
}

const pods = (emulator: Emulator) => emulator.store.list('pods') as unknown as Pod[];
const podOf = (emulator: Emulator, prefix: string) => pods(emulator).find((p) => p.metadata.name.startsWith(prefix))!;
const eventsOf = (emulator: Emulator, pod: Pod) =>
  (emulator.store.list('events') as unknown as KubeEvent[]).filter((e) => e.involvedObject.uid === pod.metadata.uid);

describe('pod objects', () => {
  it('a running pod reads like one from a real cluster', () => {
    const { emulator, running } = play(['crashloop'], 6);
    running.stop();
    const pod = podOf(emulator, 'crashloop-');
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      nodeName: 'node-1',
      containers: [{ name: 'app', image: 'ghcr.io/acme/payments-worker:3.2.0', imagePullPolicy: 'IfNotPresent' }],
    });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', controller: true });
    expect(pod.metadata.labels?.['pod-template-hash']).toMatch(/^[a-z0-9]{10}$/);
    expect(pod.status).toMatchObject({
      phase: 'Running',
      hostIP: '10.0.0.11',
      hostIPs: [{ ip: '10.0.0.11' }],
      podIP: '10.244.1.2',
      podIPs: [{ ip: '10.244.1.2' }],
      qosClass: 'Burstable',
      startTime: '2026-11-25T10:00:01Z',
    });
    expect(pod.status.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(pod.status.conditions?.every((c) => c.lastProbeTime === null && typeof c.lastTransitionTime === 'string')).toBe(true);
    const status = pod.status.containerStatuses?.[0];
    expect(status).toMatchObject({ name: 'app', image: 'ghcr.io/acme/payments-worker:3.2.0', ready: true, started: true, restartCount: 0 });
    expect(status?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(status?.imageID).toMatch(/^ghcr\.io\/acme\/payments-worker@sha256:[0-9a-f]{64}$/);
    expect(status?.state?.running?.startedAt).toBe('2026-11-25T10:00:03Z');
  });

  it.each([
    { resources: [{}], qos: 'BestEffort' },
    { resources: [{ requests: { cpu: '100m' } }], qos: 'Burstable' },
    { resources: [{ limits: { cpu: '1', memory: '1Gi' } }], qos: 'Guaranteed' },
    { resources: [{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, {}], qos: 'Burstable' },
    { resources: [{ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }], qos: 'Burstable' },
  ])('qosClass of $resources is $qos', ({ resources, qos }) => {
    expect(qosClassOf(resources.map((r, i) => ({ name: `c${i}`, resources: r })))).toBe(qos);
  });

  it('init containers show PodInitializing until they run', () => {
    const { emulator, running } = play(['init-slow'], 1);
    running.stop();
    const pod = podOf(emulator, 'init-slow-');
    expect(pod.status.initContainerStatuses?.map((s) => s.state?.waiting?.reason)).toEqual(['PodInitializing', 'PodInitializing']);
    expect(pod.status.containerStatuses?.map((s) => s.state?.waiting?.reason)).toEqual(['PodInitializing']);
    expect(pod.status.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [wait-for-db fetch-config]',
    });
  });
});

describe('events', () => {
  it('kubelet Events repeat into one object whose count and lastTimestamp grow', () => {
    const { emulator, changes, running } = play(['crashloop'], 120);
    running.stop();
    const pod = podOf(emulator, 'crashloop-');
    const backOff = eventsOf(emulator, pod).find((e) => e.reason === 'BackOff')!;
    expect(backOff).toMatchObject({
      type: 'Warning',
      message: `Back-off restarting failed container app in pod ${pod.metadata.name}_demo(${pod.metadata.uid})`,
      involvedObject: { kind: 'Pod', namespace: 'demo', name: pod.metadata.name, uid: pod.metadata.uid, fieldPath: 'spec.containers{app}' },
      source: { component: 'kubelet', host: 'node-1' },
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
      firstTimestamp: '2026-11-25T10:00:13Z',
      count: 10,
    });
    expect(backOff.metadata.name).toMatch(new RegExp(`^${pod.metadata.name}\\.[0-9a-f]{16,}$`));
    const writes = changes.filter((c) => c.kind === 'events' && c.object.metadata.name === backOff.metadata.name);
    expect(writes.map((c) => c.type)).toEqual(['ADDED', ...Array(9).fill('MODIFIED')]);
    expect(writes.map((c) => (c.object as unknown as KubeEvent).count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(backOff.lastTimestamp).toBe('2026-11-25T10:01:55Z');
  });

  it('the scheduler writes events.k8s.io-shaped Events, FailedScheduling with a growing series', () => {
    const { emulator, running } = play(['unschedulable', 'healthy'], 125);
    running.stop();
    const scheduled = (emulator.store.list('events') as unknown as KubeEvent[]).find((e) => e.reason === 'Scheduled')!;
    expect(scheduled).toMatchObject({ type: 'Normal', action: 'Binding', reportingComponent: 'default-scheduler', firstTimestamp: null, lastTimestamp: null });
    expect(scheduled.eventTime).toMatch(/^2026-11-25T10:00:00\.\d{6}Z$/);
    expect(scheduled.count).toBeUndefined();
    const pod = podOf(emulator, 'unschedulable-');
    const failed = eventsOf(emulator, pod).find((e) => e.reason === 'FailedScheduling')!;
    expect(failed).toMatchObject({
      type: 'Warning',
      action: 'Scheduling',
      reportingComponent: 'default-scheduler',
      message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
      series: { count: 3, lastObservedTime: '2026-11-25T10:02:00.000000Z' },
    });
    expect(pod.status.conditions).toEqual([
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: failed.message, lastProbeTime: null, lastTransitionTime: '2026-11-25T10:00:00Z' },
    ]);
  });

  it('events expire an hour after they last happened', () => {
    const { clock, emulator, running } = play(['job-success', 'crashloop'], 60);
    const job = podOf(emulator, 'job-success-');
    expect(eventsOf(emulator, job).length).toBeGreaterThan(0);
    clock.advance(62 * 60_000);
    running.stop();
    expect(eventsOf(emulator, job)).toEqual([]);
    expect(eventsOf(emulator, podOf(emulator, 'crashloop-')).map((e) => e.reason)).toContain('BackOff');
  });
});

describe('graceful deletion through the API', () => {
  it.each([
    { grace: 30, sigterm: { afterMs: 2_000, exitCode: 0 }, gone: 2, phase: 'Succeeded', exit: 'Completed(0)' },
    { grace: 5, sigterm: 'ignored' as const, gone: 5, phase: 'Failed', exit: 'Error(137)' },
    { grace: 5, sigterm: { afterMs: 8_000, exitCode: 143 }, gone: 5, phase: 'Failed', exit: 'Error(137)' },
  ])('grace $grace s, SIGTERM answered by $sigterm: removed after $gone s', ({ grace, sigterm, gone, phase, exit }) => {
    const h = harness();
    h.run('web', onePod({ instances: [{}], sigterm }));
    h.clock.advance(10_000);
    const changes: { change: Change; at: number }[] = [];
    h.emulator.store.subscribe((change) => changes.push({ change, at: h.clock.now() }));
    const start = h.clock.now();
    deletePod(h.emulator, 'demo', 'web', grace);
    expect(h.pod('web')?.metadata.deletionTimestamp).toBe(h.emulator.store.timestamp(start + grace * 1000));
    h.clock.advance(60_000);
    h.stop();
    expect(h.pod('web')).toBeUndefined();
    const podWrites = changes.filter((c) => c.change.kind === 'pods');
    const removal = podWrites[podWrites.length - 1]!;
    expect(removal.change.type).toBe('DELETED');
    expect(removal.at - start).toBe(gone * 1000);
    // The kubelet's last status before the DELETE: terminal phase, the container's exit.
    const last = podWrites[podWrites.length - 2]!.change.object as unknown as Pod;
    expect(last.status.phase).toBe(phase);
    const t = last.status.containerStatuses?.[0]?.state?.terminated;
    expect(`${t?.reason}(${t?.exitCode})`).toBe(exit);
    const killing = changes.map((c) => c.change.object as unknown as KubeEvent).find((e) => e.reason === 'Killing');
    expect(killing?.message).toBe('Stopping container app');
  });

  it.each(['crashloop', 'imagepull', 'liveness', 'init-slow'])('a forced DELETE (grace 0) of a %s pod silences its kubelet', (scenario) => {
    const { clock, emulator, running } = play([scenario], 20);
    const pod = podOf(emulator, `${scenario}-`);
    deletePod(emulator, 'demo', pod.metadata.name, 0);
    const changes: Change[] = [];
    emulator.store.subscribe((c) => changes.push(c));
    expect(() => clock.advance(10 * 60_000)).not.toThrow();
    running.stop();
    const about = (c: Change) =>
      c.object.metadata.uid === pod.metadata.uid || (c.object as unknown as KubeEvent).involvedObject?.uid === pod.metadata.uid;
    // Only its replacement (the ReplicaSet's) is written; nothing more about the removed pod.
    expect(changes.filter(about)).toEqual([]);
    expect(emulator.logs.read('demo', pod.metadata.name, pod.spec.containers[0]!.name)).toBeUndefined();
  });

  it('a pod no node took is removed at once, and the scheduler stops trying', () => {
    const { clock, emulator, running } = play(['unschedulable'], 5);
    const pod = podOf(emulator, 'unschedulable-');
    deletePod(emulator, 'demo', pod.metadata.name, 30);
    const removed = pods(emulator).find((p) => p.metadata.uid === pod.metadata.uid);
    expect(removed).toBeUndefined();
    const events = eventsOf(emulator, pod).length;
    clock.advance(5 * 60_000);
    running.stop();
    expect(eventsOf(emulator, pod).length).toBe(events);
  });
});

describe('eviction', () => {
  it('the evicted pod stays Failed with reason Evicted and DisruptionTarget; its ReplicaSet replaces it', () => {
    const { emulator, running } = play(['evicted'], 60);
    running.stop();
    const [first, second] = pods(emulator).sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1));
    const message =
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91236Ki. Container thumbnailer was using 1398100Ki, request is 128Mi, has larger consumption of memory. ';
    expect(first!.status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message });
    expect(first!.status.conditions?.[0]).toMatchObject({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message });
    expect(first!.status.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(second!.status.phase).toBe('Running');
    expect(eventsOf(emulator, first!).map((e) => `${e.type} ${e.reason}`)).toEqual(
      expect.arrayContaining(['Warning Evicted', 'Normal Killing']),
    );
  });
});

describe('container logs', () => {
  it('the crashed instance keeps its last words for --previous; the new one starts over', () => {
    const { emulator, running } = play(['crashloop'], 10);
    running.stop();
    const pod = podOf(emulator, 'crashloop-');
    const previous = emulator.logs.read('demo', pod.metadata.name, 'app', true)?.map((l) => l.text) ?? [];
    expect(previous[0]).toBe('payments-worker 3.2.0 starting (node v20.18.1, pid 1)');
    expect(previous.slice(-2)).toEqual([
      '    at async Worker.start (/app/dist/worker.js:88:5)',
      'fatal: could not connect to database, exiting with code 1',
    ]);
    const current = emulator.logs.read('demo', pod.metadata.name, 'app')?.map((l) => l.text);
    expect(current).toEqual(['payments-worker 3.2.0 starting (node v20.18.1, pid 1)', 'loading config from /etc/payments/config.yaml', 'connecting to postgres at postgres.shop.svc:5432 ...']);
  });

  it('a long-running container keeps writing every few seconds', () => {
    const { emulator, running } = play(['healthy'], 66);
    running.stop();
    const pod = podOf(emulator, 'healthy-');
    const lines = emulator.logs.read('demo', pod.metadata.name, 'nginx') ?? [];
    expect(lines.length).toBe(3 + 6);
    expect(lines[lines.length - 1]?.text).toMatch(/^10\.244\.0\.1 - - \[25\/Nov\/2026:10:01:04 \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.32"$/);
  });
});

describe('pods created through the API', () => {
  it('are scheduled and run by the emulated kubelet, and stop on DELETE', () => {
    const { clock, emulator, running } = play(['unschedulable'], 1);
    createPod(emulator.store, 'demo', { metadata: { name: 'adhoc' }, spec: { containers: [{ name: 'shell', image: 'busybox:1.36.1' }] } });
    clock.advance(10_000);
    const pod = pods(emulator).find((p) => p.metadata.name === 'adhoc')!;
    expect(pod.spec.nodeName).toMatch(/^node-\d$/);
    expect(pod.status).toMatchObject({ phase: 'Running', qosClass: 'BestEffort' });
    expect(pod.status.containerStatuses?.[0]).toMatchObject({ name: 'shell', ready: true, restartCount: 0, image: 'docker.io/library/busybox:1.36.1' });
    expect(eventsOf(emulator, pod).map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    deletePod(emulator, 'demo', 'adhoc', 30);
    clock.advance(2_000);
    running.stop();
    expect(pods(emulator).some((p) => p.metadata.name === 'adhoc')).toBe(false);
  });

  it('leaves pods that already have a node alone (load pods run on their own)', () => {
    const { clock, emulator, running } = play(['unschedulable'], 1);
    const load = startLoad(emulator, { pods: 20, namespaces: 2, churn: 0, eventRate: 0, random: seededRandom(1) });
    const before = emulator.store.resourceVersion;
    clock.advance(5 * 60_000);
    load.stop();
    running.stop();
    // Only the unschedulable pod's FailedScheduling series moved.
    const after = Number(emulator.store.resourceVersion) - Number(before);
    expect(after).toBe(5);
  });
});

