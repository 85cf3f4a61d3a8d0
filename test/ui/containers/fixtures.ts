// Realistic pods, as a kubelet reports them, for the containers section,
// the conditions pane and the container details model. Times are fixed so
// relative ages are exact: `now` is 14:10:00 UTC, five minutes after the
// crash-looping container last died.
import type { EventEntry, PodView, TimelineEntry } from '../../../src/model/views.js';
import type { KubeEvent, Pod } from '../../../src/model/types.js';

export const now = Date.parse('2026-11-25T14:10:00Z');

const uid = '5f1c2a7e-8d0b-4c1e-9a6f-3e2d1c0b9a87';

/** A web pod in CrashLoopBackOff: init migration done, a log-shipper sidecar, the app failing, a debug container attached. */
export function crashLoopPod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-7d4b9c6f5-x2x8q',
      namespace: 'shop',
      uid,
      resourceVersion: '48213',
      creationTimestamp: '2026-11-25T13:58:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
    },
    spec: {
      nodeName: 'worker-2',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      initContainers: [
        {
          name: 'migrate',
          image: 'ghcr.io/acme/web-migrate:1.4.2',
          command: ['/bin/migrate', 'up'],
          resources: { requests: { cpu: '50m', memory: '64Mi' } },
        },
        {
          name: 'log-shipper',
          image: 'fluent/fluent-bit:3.1',
          restartPolicy: 'Always',
          readinessProbe: { tcpSocket: { port: 2020 }, periodSeconds: 5 },
          resources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { memory: '64Mi' } },
        },
      ],
      containers: [
        {
          name: 'app',
          image: 'ghcr.io/acme/web:1.4.2',
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
          startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 2, failureThreshold: 30 },
          livenessProbe: {
            httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
            initialDelaySeconds: 5,
            periodSeconds: 10,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 3,
          },
          readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5, failureThreshold: 2 },
          lifecycle: {
            postStart: { exec: { command: ['sh', '-c', 'touch /tmp/started'] } },
            preStop: { sleep: { seconds: 5 } },
          },
          resources: { requests: { memory: '128Mi', cpu: '100m' }, limits: { memory: '256Mi' } },
        },
      ],
      ephemeralContainers: [{ name: 'debugger-k9x2p', image: 'busybox:1.36', command: ['sh'] }],
    },
    status: {
      phase: 'Running',
      qosClass: 'Burstable',
      hostIP: '10.0.1.12',
      hostIPs: [{ ip: '10.0.1.12' }],
      podIP: '10.244.2.17',
      podIPs: [{ ip: '10.244.2.17' }, { ip: 'fd00:10:244:2::11' }],
      startTime: '2026-11-25T13:58:01Z',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-25T13:58:03Z' },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-25T13:58:20Z' },
        {
          type: 'Ready',
          status: 'False',
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [app]',
          lastProbeTime: null,
          lastTransitionTime: '2026-11-25T14:05:12Z',
        },
        {
          type: 'ContainersReady',
          status: 'False',
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [app]',
          lastProbeTime: null,
          lastTransitionTime: '2026-11-25T14:05:12Z',
        },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-25T13:58:00Z' },
      ],
      initContainerStatuses: [
        {
          name: 'migrate',
          image: 'ghcr.io/acme/web-migrate:1.4.2',
          imageID: 'ghcr.io/acme/web-migrate@sha256:1b2c',
          containerID: 'containerd://aa01',
          ready: true,
          started: false,
          restartCount: 0,
          state: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: '2026-11-25T13:58:05Z',
              finishedAt: '2026-11-25T13:58:15Z',
              containerID: 'containerd://aa01',
            },
          },
        },
        {
          name: 'log-shipper',
          image: 'docker.io/fluent/fluent-bit:3.1',
          imageID: 'docker.io/fluent/fluent-bit@sha256:9f8e',
          containerID: 'containerd://aa02',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: '2026-11-25T13:58:17Z' } },
        },
      ],
      containerStatuses: [
        {
          name: 'app',
          image: 'ghcr.io/acme/web:1.4.2',
          imageID: 'ghcr.io/acme/web@sha256:c0ffee',
          containerID: 'containerd://bb03',
          ready: false,
          started: false,
          restartCount: 3,
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 40s restarting failed container=app pod=web-7d4b9c6f5-x2x8q_shop(${uid})`,
            },
          },
          lastState: {
            terminated: {
              exitCode: 1,
              reason: 'Error',
              startedAt: '2026-11-25T14:05:00Z',
              finishedAt: '2026-11-25T14:05:12Z',
              containerID: 'containerd://bb03',
            },
          },
        },
      ],
      ephemeralContainerStatuses: [
        {
          name: 'debugger-k9x2p',
          image: 'docker.io/library/busybox:1.36',
          ready: false,
          restartCount: 0,
          state: { running: { startedAt: '2026-11-25T14:08:30Z' } },
        },
      ],
    },
  };
}

/** A worker whose last instance was OOM-killed and whose current one runs; no probes, Guaranteed QoS. */
export function oomKilledPod(): Pod {
  return {
    metadata: { name: 'queue-worker-0', namespace: 'batch', uid: 'a1b2', creationTimestamp: '2026-11-25T12:00:00Z' },
    spec: {
      nodeName: 'worker-1',
      containers: [
        {
          name: 'worker',
          image: 'ghcr.io/acme/worker:2.0.0',
          livenessProbe: { grpc: { port: 9090, service: 'health' }, periodSeconds: 15 },
          readinessProbe: { tcpSocket: { port: 9090 } },
          resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        },
      ],
    },
    status: {
      phase: 'Running',
      qosClass: 'Guaranteed',
      hostIP: '10.0.1.11',
      podIP: '10.244.1.9',
      startTime: '2026-11-25T12:00:01Z',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-11-25T14:09:30Z' }],
      containerStatuses: [
        {
          name: 'worker',
          image: 'ghcr.io/acme/worker:2.0.0',
          ready: true,
          started: true,
          restartCount: 1,
          state: { running: { startedAt: '2026-11-25T14:09:20Z' } },
          lastState: {
            terminated: {
              exitCode: 137,
              reason: 'OOMKilled',
              startedAt: '2026-11-25T12:00:05Z',
              finishedAt: '2026-11-25T14:09:18Z',
            },
          },
        },
      ],
    },
  };
}

/** A pod being deleted: preStop hook failed, grace period running; still Pending on an unpulled image for its second container. */
export function terminatingPod(): Pod {
  return {
    metadata: {
      name: 'api-0',
      namespace: 'shop',
      uid: 'c3d4',
      creationTimestamp: '2026-11-25T13:00:00Z',
      deletionTimestamp: '2026-11-25T14:10:20Z',
      deletionGracePeriodSeconds: 30,
    },
    spec: {
      nodeName: 'worker-3',
      containers: [
        {
          name: 'api',
          image: 'ghcr.io/acme/api:3.2.0',
          lifecycle: {
            preStop: { httpGet: { path: '/drain', port: 8081 } },
            postStart: { httpGet: { path: 'warm', port: 8081, host: 'fd00::1', scheme: 'HTTPS' } },
          },
        },
        { name: 'cache', image: 'redis:7.4-alpine' },
      ],
    },
    status: {
      phase: 'Running',
      qosClass: 'BestEffort',
      hostIP: '10.0.1.13',
      podIP: '10.244.3.4',
      startTime: '2026-11-25T13:00:01Z',
      containerStatuses: [
        {
          name: 'api',
          image: 'ghcr.io/acme/api:3.2.0',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: '2026-11-25T13:00:04Z' } },
        },
        {
          name: 'cache',
          image: 'redis:7.4-alpine',
          ready: false,
          started: false,
          restartCount: 0,
          state: {
            waiting: {
              reason: 'ImagePullBackOff',
              message: 'Back-off pulling image "redis:7.4-alpine": ErrImagePull: failed to pull and unpack image',
            },
          },
        },
      ],
    },
  };
}

let eventSeq = 0;

/** A kubelet event about one container of a pod, as the model hands it over (an EventEntry in a timeline entry). */
export function containerEvent(
  pod: Pod,
  container: string,
  reason: string,
  message: string,
  options: { type?: 'Normal' | 'Warning'; count?: number; firstAt: string; lastAt?: string },
): TimelineEntry {
  eventSeq += 1;
  const type = options.type ?? 'Warning';
  const count = options.count ?? 1;
  const lastAt = options.lastAt ?? options.firstAt;
  const isInit = (pod.spec.initContainers ?? []).some((c) => c.name === container);
  const fieldPath = `spec.${isInit ? 'initContainers' : 'containers'}{${container}}`;
  const event: KubeEvent = {
    metadata: { name: `${pod.metadata.name}.${eventSeq.toString(16)}`, namespace: pod.metadata.namespace, uid: `ev-${eventSeq}` },
    involvedObject: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, fieldPath },
    reason,
    message,
    type,
    count,
    source: { component: 'kubelet', host: pod.spec.nodeName },
    firstTimestamp: options.firstAt,
    lastTimestamp: lastAt,
  };
  const entry: EventEntry = {
    uid: `ev-${eventSeq}`,
    type,
    reason,
    message,
    count,
    firstAt: Date.parse(options.firstAt),
    lastAt: Date.parse(lastAt),
    component: 'kubelet',
    container,
    event,
  };
  return { source: 'event', id: entry.uid, at: entry.lastAt, podKey: `${pod.metadata.namespace}/${pod.metadata.name}`, event: entry };
}

/** The crash loop's kubelet events: liveness failures, readiness failures, the kill, the back-off. */
export function crashLoopTimeline(pod: Pod): TimelineEntry[] {
  return [
    containerEvent(pod, 'app', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500', {
      count: 6,
      firstAt: '2026-11-25T14:01:10Z',
      lastAt: '2026-11-25T14:04:50Z',
    }),
    containerEvent(pod, 'app', 'Unhealthy', 'Readiness probe failed: Get "http://10.244.2.17:8080/ready": dial tcp 10.244.2.17:8080: connect: connection refused', {
      count: 4,
      firstAt: '2026-11-25T14:01:00Z',
      lastAt: '2026-11-25T14:05:05Z',
    }),
    containerEvent(pod, 'app', 'Killing', 'Container app failed liveness probe, will be restarted', {
      type: 'Normal',
      firstAt: '2026-11-25T14:05:10Z',
    }),
    containerEvent(pod, 'app', 'BackOff', `Back-off restarting failed container app in pod web-7d4b9c6f5-x2x8q_shop(${uid})`, {
      count: 3,
      firstAt: '2026-11-25T14:03:00Z',
      lastAt: '2026-11-25T14:05:13Z',
    }),
    // The newest liveness failure is a separate event object (a different message), seen last.
    containerEvent(pod, 'app', 'Unhealthy', 'Liveness probe failed: Get "http://10.244.2.17:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', {
      firstAt: '2026-11-25T14:05:08Z',
    }),
  ];
}

/**
 * The terminating pod's stop, as the kubelet words it: Killing first, then the
 * preStop hook runs and fails. The kubelet keeps the hook's error out of the
 * Event ("do not record the message in the event so that secrets won't leak").
 */
export function terminatingTimeline(pod: Pod): TimelineEntry[] {
  return [
    containerEvent(pod, 'api', 'Killing', 'Stopping container api', { type: 'Normal', firstAt: '2026-11-25T14:09:50Z' }),
    containerEvent(pod, 'api', 'FailedPreStopHook', 'PreStopHook failed', { firstAt: '2026-11-25T14:09:52Z' }),
  ];
}

/** A PodView for a pod and its timeline; the row holds only what the panes under test never read. */
export function viewOf(pod: Pod, timeline: TimelineEntry[]): PodView {
  const namespace = pod.metadata.namespace ?? 'default';
  return {
    row: {
      key: `${namespace}/${pod.metadata.name}`,
      uid: pod.metadata.uid ?? '',
      namespace,
      name: pod.metadata.name,
      ready: '0/1',
      status: 'Running',
      health: 'progressing',
      restarts: 0,
      createdAt: Date.parse(pod.metadata.creationTimestamp ?? '2026-11-25T00:00:00Z'),
      node: pod.spec.nodeName ?? '<none>',
      ip: pod.status.podIP ?? '<none>',
      qosClass: pod.status.qosClass ?? '',
      labels: pod.metadata.labels ?? {},
    },
    pod,
    timeline,
    dropped: 0,
  };
}
