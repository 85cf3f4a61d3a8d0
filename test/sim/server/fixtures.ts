// A small cluster for the API server's tests: two namespaces, a running web
// pod, a crash-looping pod with a previous instance's logs, a pod that is
// still pulling its image, an unscheduled pod, and their events, written
// through the store as the kubelet and the scheduler would write them.
import { eventsV1ToCore } from '../../../src/model/eventsV1.js';
import type { ContainerStatus, KubeEvent, Pod } from '../../../src/model/types.js';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator, type Emulator } from '../../../src/sim/emulator.js';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../../src/sim/server/index.js';
import type { StoredObject } from '../../../src/sim/store.js';

export const START = '2026-11-25T10:00:00Z';

const stored = <T>(object: T) => object as unknown as StoredObject;

export function podObject(namespace: string, name: string, options: { node?: string; labels?: Record<string, string>; containers?: string[]; statuses?: ContainerStatus[]; phase?: Pod['status']['phase'] } = {}): Pod {
  const containers = options.containers ?? ['app'];
  return {
    metadata: { name, namespace, labels: options.labels ?? { app: name.split('-')[0]! } },
    spec: {
      ...(options.node !== undefined && { nodeName: options.node }),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      containers: containers.map((c) => ({ name: c, image: `registry.example/${c}:1.0` })),
    },
    status: {
      phase: options.phase ?? (options.node ? 'Running' : 'Pending'),
      ...(options.node !== undefined && { hostIP: '10.0.0.11', podIP: `10.244.1.${name.length}`, podIPs: [{ ip: `10.244.1.${name.length}` }] }),
      ...(options.statuses && { containerStatuses: options.statuses }),
    },
  };
}

export function running(name: string, startedAt = START, restartCount = 0): ContainerStatus {
  return { name, image: `registry.example/${name}:1.0`, ready: true, started: true, restartCount, state: { running: { startedAt } } };
}

export function kubeletEvent(pod: StoredObject, reason: string, message: string, type = 'Normal', count = 1): KubeEvent {
  const name = pod.metadata.name;
  return {
    metadata: { name: `${name}.${reason.toLowerCase()}`, namespace: pod.metadata.namespace! },
    involvedObject: { kind: 'Pod', namespace: pod.metadata.namespace!, name, uid: pod.metadata.uid!, apiVersion: 'v1', fieldPath: 'spec.containers{app}' },
    reason,
    message,
    type,
    source: { component: 'kubelet', host: 'worker-1' },
    firstTimestamp: START,
    lastTimestamp: START,
    count,
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'worker-1',
  };
}

export interface Cluster {
  clock: VirtualClock;
  emulator: Emulator;
  web: StoredObject;
  crash: StoredObject;
}

/** Fills an emulator with the small cluster described at the top. */
export function seedCluster(emulator: Emulator): Omit<Cluster, 'clock' | 'emulator'> {
  const { store, logs, clock } = emulator;
  for (const ns of ['demo', 'kube-system']) store.create('namespaces', { metadata: { name: ns }, status: { phase: 'Active' } });

  const web = store.create('pods', stored(podObject('demo', 'web-7d4b9-abcde', { node: 'worker-1', labels: { app: 'web', tier: 'frontend' }, statuses: [running('app')] })));
  logs.startInstance('demo', 'web-7d4b9-abcde', 'app');
  for (let i = 1; i <= 5; i++) logs.append('demo', 'web-7d4b9-abcde', 'app', { at: clock.now() + i * 1000, text: `GET /healthz 200 (${i})` });

  const crash = store.create(
    'pods',
    stored(
      podObject('demo', 'crashloop-6f9c7-x2kqp', {
        node: 'worker-1',
        labels: { app: 'crashloop', tier: 'backend' },
        statuses: [
          {
            name: 'app',
            image: 'registry.example/app:1.0',
            ready: false,
            started: false,
            restartCount: 1,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=app pod=crashloop-6f9c7-x2kqp_demo(x)' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: START, finishedAt: START } },
          },
        ],
      }),
    ),
  );
  logs.startInstance('demo', 'crashloop-6f9c7-x2kqp', 'app');
  logs.append('demo', 'crashloop-6f9c7-x2kqp', 'app', { at: clock.now(), text: 'first instance: panic: boom' });
  logs.startInstance('demo', 'crashloop-6f9c7-x2kqp', 'app');
  logs.append('demo', 'crashloop-6f9c7-x2kqp', 'app', { at: clock.now() + 500, text: 'starting' });
  logs.append('demo', 'crashloop-6f9c7-x2kqp', 'app', { at: clock.now() + 1500, text: 'panic: connection refused' });

  store.create(
    'pods',
    stored(
      podObject('demo', 'pulling-5c8d-qwert', {
        node: 'worker-2',
        labels: { app: 'pulling' },
        containers: ['app', 'sidecar'],
        phase: 'Pending',
        statuses: [
          { name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
          { name: 'sidecar', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
        ],
      }),
    ),
  );
  store.create('pods', stored(podObject('kube-system', 'coredns-5d78c-zzzzz', { node: 'worker-2', labels: { 'k8s-app': 'kube-dns' }, statuses: [running('app')] })));
  store.create('pods', stored(podObject('demo', 'pending-1a2b3-ppppp', { labels: { app: 'pending' } })));

  store.create('events', stored(kubeletEvent(web, 'Started', 'Started container app')));
  store.create('events', stored(kubeletEvent(crash, 'BackOff', 'Back-off restarting failed container app in pod crashloop-6f9c7-x2kqp_demo(x)', 'Warning', 4)));
  // The scheduler writes through events.k8s.io/v1; the store keeps the core/v1 equivalent.
  store.create(
    'events',
    stored(
      eventsV1ToCore({
        metadata: { name: 'web-7d4b9-abcde.scheduled', namespace: 'demo' },
        regarding: { kind: 'Pod', namespace: 'demo', name: 'web-7d4b9-abcde', uid: web.metadata.uid!, apiVersion: 'v1' },
        reason: 'Scheduled',
        note: 'Successfully assigned demo/web-7d4b9-abcde to worker-1',
        type: 'Normal',
        action: 'Binding',
        eventTime: '2026-11-25T10:00:00.000000Z',
        reportingController: 'default-scheduler',
        reportingInstance: 'default-scheduler-control-plane',
      }),
    ),
  );
  return { web, crash };
}

export function makeCluster(): Cluster {
  const clock = new VirtualClock(START);
  const emulator = createEmulator(clock);
  return { clock, emulator, ...seedCluster(emulator) };
}

export async function startCluster(options: ApiServerOptions = {}): Promise<Cluster & { server: ApiServer }> {
  const cluster = makeCluster();
  const server = await startApiServer(cluster.emulator, options);
  return { ...cluster, server };
}

