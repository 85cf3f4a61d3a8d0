// Background load for benchmarks (`podtui sim --pods N --namespaces M
// --churn R --event-rate R`): N ordinary running pods spread over M
// namespaces, created at once, then a steady storm of pod updates (ready
// flips, restarts) and Events on the clock. One ticker drives everything;
// the pods have no timers of their own, so 30,000 of them stay cheap.
import type { ContainerStatus, Pod, PodCondition } from '../model/types.js';
import type { Emulator } from './emulator.js';
import { containerId, generateNameSuffix, imageId, normalizedImage, podTemplateHash, randomUid, type Random } from './kubelet/names.js';
import { EventRecorder } from './kubelet/recorder.js';
import { Timers } from './kubelet/timers.js';
import type { StoredObject } from './store.js';

export interface LoadOptions {
  pods: number;
  namespaces: number;
  /** Pod updates per second, spread over the pods. */
  churn: number;
  /** Events per second (repeats of a pod's Event grow its count, as in a cluster). */
  eventRate: number;
  random?: () => number;
}

/** How often the ticker runs (emulated ms). */
const TICK_MS = 200;
/** Pods per Deployment, so names and owners look like a cluster's. */
const PODS_PER_DEPLOYMENT = 10;
const NODES = 50;
/** Events come from a troubled few, as in a real cluster; this also bounds how many Event objects exist. */
const EVENT_PODS = 2_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const IMAGES = ['nginx:1.27.3', 'ghcr.io/acme/api:4.2.0', 'ghcr.io/acme/worker:2.8.1', 'redis:7.4.1', 'ghcr.io/acme/frontend:1.19.0'];

const EVENTS: readonly { type: 'Normal' | 'Warning'; reason: string; message: string }[] = [
  { type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503' },
  { type: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://10.244.0.1:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' },
  { type: 'Normal', reason: 'Pulled', message: '' },
];

interface LoadPod {
  namespace: string;
  name: string;
  uid: string;
  image: string;
  node: string;
}

function condition(type: string, status: 'True' | 'False', at: string, reason?: string, message?: string): PodCondition {
  return { type, status, ...(reason && { reason }), ...(message && { message }), lastProbeTime: null, lastTransitionTime: at };
}

function conditions(ready: boolean, created: string, readySince: string, container: string): PodCondition[] {
  const notReady = ready ? [] : ['ContainersNotReady', `containers with unready status: [${container}]`];
  return [
    condition('PodReadyToStartContainers', 'True', created),
    condition('Initialized', 'True', created),
    condition('Ready', ready ? 'True' : 'False', readySince, notReady[0], notReady[1]),
    condition('ContainersReady', ready ? 'True' : 'False', readySince, notReady[0], notReady[1]),
    condition('PodScheduled', 'True', created),
  ];
}

interface Owner {
  deployment: string;
  hash: string;
  uid: string;
}

function loadPod(emulator: Emulator, random: Random, meta: LoadPod, index: number, owner: Owner): Pod {
  const { deployment, hash } = owner;
  const { store, clock } = emulator;
  const createdMs = clock.now() - Math.floor(random() * 30 * DAY_MS);
  const created = store.timestamp(createdMs);
  const started = store.timestamp(createdMs + 4_000);
  const ip = `10.${244 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`;
  const nodeIndex = Number(meta.node.slice(5));
  const status: ContainerStatus = {
    name: 'app',
    image: normalizedImage(meta.image),
    imageID: imageId(meta.image),
    containerID: containerId(random),
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: started } },
    lastState: {},
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      uid: meta.uid,
      creationTimestamp: created,
      generateName: `${deployment}-${hash}-`,
      labels: { app: deployment, 'pod-template-hash': hash },
      ownerReferences: [{ kind: 'ReplicaSet', name: `${deployment}-${hash}`, uid: owner.uid, controller: true }],
    },
    spec: {
      nodeName: meta.node,
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      containers: [
        {
          name: 'app',
          image: meta.image,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 },
        },
      ],
    },
    status: {
      phase: 'Running',
      conditions: conditions(true, created, started, 'app'),
      hostIP: `10.0.${nodeIndex >> 8}.${nodeIndex & 255}`,
      podIP: ip,
      podIPs: [{ ip }],
      startTime: created,
      qosClass: 'Burstable',
      containerStatuses: [status],
    },
  };
}

export function startLoad(emulator: Emulator, options: LoadOptions): { stop(): void } {
  const { store, clock } = emulator;
  const random = options.random ?? Math.random;
  const namespaces = Math.max(1, options.namespaces);
  for (let n = 0; n < namespaces; n++) {
    const name = `load-${n}`;
    if (store.get('namespaces', undefined, name)) continue;
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      status: { phase: 'Active' },
    } as StoredObject);
  }

  const pods: LoadPod[] = [];
  // The ReplicaSet each namespace is filling; a new one every PODS_PER_DEPLOYMENT pods.
  const owners: Owner[] = [];
  for (let i = 0; i < options.pods; i++) {
    const namespace = `load-${i % namespaces}`;
    const perNamespace = Math.floor(i / namespaces);
    if (perNamespace % PODS_PER_DEPLOYMENT === 0) {
      owners[i % namespaces] = { deployment: `svc-${perNamespace / PODS_PER_DEPLOYMENT}`, hash: podTemplateHash(random), uid: randomUid(random) };
    }
    const owner = owners[i % namespaces]!;
    const { deployment, hash } = owner;
    const meta: LoadPod = {
      namespace,
      name: `${deployment}-${hash}-${generateNameSuffix(random)}`,
      uid: randomUid(random),
      image: IMAGES[i % IMAGES.length]!,
      node: `node-${1 + (i % NODES)}`,
    };
    // A clash of random suffixes would be refused by the store; draw again, as generateName does.
    while (store.get('pods', namespace, meta.name)) meta.name = `${deployment}-${hash}-${generateNameSuffix(random)}`;
    store.create('pods', loadPod(emulator, random, meta, i, owner) as unknown as StoredObject);
    pods.push(meta);
  }

  const recorder = new EventRecorder(store, clock);
  const timers = new Timers(clock);
  // Counted from the start, so fractional rates (0.5/s) add up exactly.
  let ticks = 0;
  let updatesDone = 0;
  let eventsDone = 0;
  const due = (rate: number) => Math.floor((rate * ticks * TICK_MS) / 1000 + 1e-9);
  const pick = (limit: number) => pods[Math.floor(random() * Math.min(limit, pods.length))];

  const update = (pod: LoadPod) => {
    if (!store.get('pods', pod.namespace, pod.name)) return;
    const now = clock.now();
    store.update<StoredObject & Pod>('pods', pod.namespace, pod.name, (p) => {
      const status = p.status.containerStatuses?.[0];
      if (!status) return;
      const at = store.timestamp(now);
      if (random() < 0.7) {
        // A readiness flip.
        status.ready = !status.ready;
      } else {
        // A restart: the old instance's exit goes to lastState.
        status.lastState = {
          terminated: { exitCode: 1, reason: 'Error', startedAt: status.state?.running?.startedAt ?? at, finishedAt: at, containerID: status.containerID ?? '' },
        };
        status.restartCount += 1;
        status.containerID = containerId(random);
        status.state = { running: { startedAt: at } };
        status.ready = false;
      }
      const created = p.metadata.creationTimestamp ?? at;
      p.status.conditions = conditions(status.ready, created, at, status.name);
    });
  };

  const event = (pod: LoadPod) => {
    const kind = EVENTS[Math.floor(random() * EVENTS.length)]!;
    const message = kind.reason === 'Pulled' ? `Container image "${pod.image}" already present on machine` : kind.message;
    recorder.record(
      { namespace: pod.namespace, name: pod.name, uid: pod.uid, fieldPath: 'spec.containers{app}' },
      { component: 'kubelet', host: pod.node },
      kind.type,
      kind.reason,
      message,
    );
  };

  if (pods.length > 0 && (options.churn > 0 || options.eventRate > 0)) {
    timers.every(TICK_MS, () => {
      ticks += 1;
      for (const target = due(options.churn); updatesDone < target; updatesDone++) update(pick(pods.length)!);
      for (const target = due(options.eventRate); eventsDone < target; eventsDone++) event(pick(EVENT_PODS)!);
    });
  }

  return {
    stop() {
      timers.stop();
      recorder.stop();
    },
  };
}
