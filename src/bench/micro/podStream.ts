// Realistic pod versions for the in-process benches: a Deployment's pod that
// runs, fails its readiness probe, crashes, backs off and comes back, over and
// over, the way a storm of updates looks to a client. Every version differs
// from the one before in something a user sees, so the model does real work.
import type { KubeEvent, Pod } from '../../model/types.js';

export const BASE_MS = Date.parse('2026-11-25T10:00:00Z');
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** 32 bits that look random, the same for the same inputs (a murmur3 finalizer). */
function mix(index: number, word: number): number {
  let h = Math.imul(index ^ Math.imul(word + 1, 0x9e3779b9), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A version-4 UUID as the API server makes them (random, so two differ from their first characters), fixed per index. */
function podUid(index: number): string {
  const hex = [0, 1, 2, 3].map((word) => mix(index, word).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function podIdentity(index: number, namespaces: number): { namespace: string; name: string; uid: string } {
  const namespace = `team-${String(index % namespaces).padStart(2, '0')}`;
  const name = `web-${(index * 2654435761 % 0xfffff).toString(36).padStart(4, '0')}-${index}`;
  return { namespace, name, uid: podUid(index) };
}

/** A running, ready pod of one app container, as the API server returns it. */
export function runningPod(index: number, namespaces: number, resourceVersion: number): Pod {
  const { namespace, name, uid } = podIdentity(index, namespaces);
  const created = iso(BASE_MS - 3_600_000);
  const started = iso(BASE_MS - 3_590_000);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid,
      resourceVersion: String(resourceVersion),
      creationTimestamp: created,
      labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d4b9c8f5', controller: true }],
      generateName: 'web-7d4b9c8f5-',
    },
    spec: {
      nodeName: `worker-${index % 20}`,
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      containers: [
        {
          name: 'app',
          image: 'registry.example.com/web:1.27.3',
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
          readinessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, failureThreshold: 3 },
          livenessProbe: { httpGet: { path: '/livez', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, failureThreshold: 3 },
        },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: `10.0.${index % 20}.10`,
      hostIPs: [{ ip: `10.0.${index % 20}.10` }],
      podIP: `10.244.${(index >> 8) & 255}.${index & 255}`,
      podIPs: [{ ip: `10.244.${(index >> 8) & 255}.${index & 255}` }],
      startTime: created,
      qosClass: 'Burstable',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: created },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: created },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: started },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: started },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: created },
      ],
      containerStatuses: [
        {
          name: 'app',
          image: 'registry.example.com/web:1.27.3',
          imageID: 'registry.example.com/web@sha256:3f1c0e8d9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d',
          containerID: `containerd://${uid.replace(/-/g, '')}0000`,
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: started } },
        },
      ],
    },
  };
}

const setReady = (pod: Pod, ready: boolean, at: string, reason?: string) => {
  for (const condition of pod.status.conditions ?? []) {
    if (condition.type !== 'Ready' && condition.type !== 'ContainersReady') continue;
    condition.status = ready ? 'True' : 'False';
    condition.lastTransitionTime = at;
    if (ready) {
      delete condition.reason;
      delete condition.message;
    } else {
      condition.reason = reason ?? 'ContainersNotReady';
      condition.message = 'containers with unready status: [app]';
    }
  }
};

/**
 * The next version of `pod` in its crash cycle: step 0 readiness lost,
 * 1 crashed (Error, exit 1), 2 CrashLoopBackOff, 3 running again, 4 ready.
 * Returns a new object as a client gets one from every watch event: parsed
 * from JSON (not structuredClone'd: JSON.parse internalizes short strings
 * such as "True" or "Ready", so the model compares them by reference, as it
 * does on the real path). The change is made on a draft that is then
 * parsed again: editing the parsed object itself (`delete condition.reason`)
 * turned those objects into slow dictionary-mode objects of ~450 bytes, which
 * no JSON.parse (and so no watch) ever hands over.
 */
export function nextVersion(pod: Pod, step: number, atMs: number, resourceVersion: number): Pod {
  return JSON.parse(JSON.stringify(draftNextVersion(pod, step, atMs, resourceVersion))) as Pod;
}

function draftNextVersion(pod: Pod, step: number, atMs: number, resourceVersion: number): Pod {
  const next = JSON.parse(JSON.stringify(pod)) as Pod;
  next.metadata.resourceVersion = String(resourceVersion);
  const at = iso(atMs);
  const status = next.status.containerStatuses![0]!;
  switch (step % 5) {
    case 0:
      status.ready = false;
      setReady(next, false, at);
      break;
    case 1:
      status.restartCount += 1;
      status.lastState = {
        terminated: { exitCode: 1, reason: 'Error', startedAt: status.state?.running?.startedAt ?? at, finishedAt: at, containerID: status.containerID },
      };
      status.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=app pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } };
      status.started = false;
      break;
    case 2:
      status.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off 20s restarting failed container=app pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } };
      break;
    case 3:
      status.state = { running: { startedAt: at } };
      status.started = true;
      status.containerID = `containerd://${pod.metadata.uid!.replace(/-/g, '')}${String(status.restartCount).padStart(4, '0')}`;
      break;
    case 4:
      status.ready = true;
      setReady(next, true, at);
      break;
  }
  return next;
}

/** The kubelet's Unhealthy event for the readiness probe, aggregated: `count` grows on repeats. */
export function unhealthyEvent(pod: Pod, count: number, atMs: number, resourceVersion: number): KubeEvent {
  const name = `${pod.metadata.name}.18b2c3d4e5f6a7b8`;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: pod.metadata.namespace, uid: `${pod.metadata.uid!.slice(0, 24)}e0000001`, resourceVersion: String(resourceVersion), creationTimestamp: iso(BASE_MS) },
    involvedObject: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: 'v1', fieldPath: 'spec.containers{app}' },
    reason: 'Unhealthy',
    message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
    type: 'Warning',
    count,
    firstTimestamp: iso(BASE_MS),
    lastTimestamp: iso(atMs),
    source: { component: 'kubelet', host: pod.spec.nodeName },
    reportingComponent: 'kubelet',
    reportingInstance: pod.spec.nodeName,
  };
}

