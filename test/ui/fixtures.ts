// Hand-made PodViews of the demo's pods as the model would hand them to the
// screen: real field values (kubelet messages, kubectl STATUS strings), so the
// panes are tested on what a user would actually see.
import type { ContainerState, KubeEvent, Pod } from '../../src/model/types.js';
import type { EventEntry, Health, PodRow, PodView, TimelineEntry, Transition } from '../../src/model/views.js';

/** 2026-11-25 14:00:00 UTC: the moment the demo cluster started. */
export const T0 = Date.parse('2026-11-25T14:00:00Z');
export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
export const s = (seconds: number): number => T0 + seconds * 1000;

let nextId = 0;

export function eventEntry(
  pod: Pod,
  at: number,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  options: { count?: number; firstAt?: number; container?: string; component?: string } = {},
): TimelineEntry {
  const uid = `ev-${++nextId}`;
  const component = options.component ?? (reason === 'Scheduled' ? 'default-scheduler' : 'kubelet');
  const event: KubeEvent = {
    metadata: { name: `${pod.metadata.name}.${uid}`, namespace: pod.metadata.namespace, uid },
    involvedObject: {
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      ...(options.container !== undefined && { fieldPath: `spec.containers{${options.container}}` }),
    },
    reason,
    message,
    type,
    source: { component },
    firstTimestamp: iso(options.firstAt ?? at),
    lastTimestamp: iso(at),
    count: options.count ?? 1,
  };
  const entry: EventEntry = {
    uid,
    type,
    reason,
    message,
    count: options.count ?? 1,
    firstAt: options.firstAt ?? at,
    lastAt: at,
    component,
    ...(options.container !== undefined && { container: options.container }),
    event,
  };
  return { source: 'event', id: `event:${uid}`, at, podKey: `${pod.metadata.namespace}/${pod.metadata.name}`, event: entry };
}

export function transitionEntry(pod: Pod, transition: Omit<Transition, 'observedAt' | 'resourceVersion'> & { resourceVersion?: string }): TimelineEntry {
  const id = `transition:${++nextId}`;
  return {
    source: 'transition',
    id,
    at: transition.at,
    podKey: `${pod.metadata.namespace}/${pod.metadata.name}`,
    transition: { observedAt: transition.at, resourceVersion: String(1000 + nextId), ...transition },
  };
}

function containerState(kind: 'running' | 'terminated' | 'crashloop', at: number, pod: Pod): ContainerState {
  switch (kind) {
    case 'running':
      return { running: { startedAt: iso(at) } };
    case 'terminated':
      return { terminated: { exitCode: 1, reason: 'Error', startedAt: iso(at - 5000), finishedAt: iso(at) } };
    case 'crashloop':
      return {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 10s restarting failed container=app pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
        },
      };
  }
}

function row(pod: Pod, fields: { ready: string; status: string; health: Health; restarts: number; lastRestartAt?: number }): PodRow {
  return {
    key: `${pod.metadata.namespace}/${pod.metadata.name}`,
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    createdAt: Date.parse(pod.metadata.creationTimestamp ?? iso(T0)),
    node: pod.spec.nodeName ?? '<none>',
    ip: pod.status.podIP ?? '<none>',
    qosClass: pod.status.qosClass ?? 'BestEffort',
    labels: pod.metadata.labels ?? {},
    ...fields,
  };
}

const readyConditions = (at: number, ready: boolean): Pod['status']['conditions'] => [
  { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: iso(at + 2000) },
  { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: iso(at + 1000) },
  ready
    ? { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: iso(at + 6000) }
    : { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastProbeTime: null, lastTransitionTime: iso(at + 14_000) },
  ready
    ? { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: iso(at + 6000) }
    : { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastProbeTime: null, lastTransitionTime: iso(at + 14_000) },
  { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: iso(at) },
];

function basePod(name: string, uid: string, node: string, ip: string, labels: Record<string, string>, createdAt: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'demo', uid, resourceVersion: '4242', creationTimestamp: iso(createdAt), labels },
    spec: {
      nodeName: node,
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      containers: [{ name: 'app', image: `registry.example.com/demo/${labels['app'] ?? 'app'}:1.4.2` }],
    },
    status: { phase: 'Running', hostIP: '10.0.1.11', podIP: ip, podIPs: [{ ip }], startTime: iso(createdAt), qosClass: 'Burstable' },
  };
}

/** A pod in its third crash: waiting CrashLoopBackOff, lastState Error exit 1. */
export function crashloopView(): PodView {
  const pod = basePod('crashloop-6f9c7-x2kqp', '8d1f4c2e-5b7a-4e0f-9c3d-2a6b8e1f0c44', 'worker-1', '10.244.1.17', { app: 'crashloop', 'pod-template-hash': '6f9c7' }, T0);
  pod.status.conditions = readyConditions(T0, false);
  pod.status.containerStatuses = [
    {
      name: 'app',
      image: 'registry.example.com/demo/crashloop:1.4.2',
      ready: false,
      started: false,
      restartCount: 2,
      state: containerState('crashloop', s(40), pod),
      lastState: containerState('terminated', s(40), pod),
    },
  ];
  const img = 'registry.example.com/demo/crashloop:1.4.2';
  const app = { name: 'app', kind: 'app' as const };
  const timeline: TimelineEntry[] = [
    eventEntry(pod, s(0), 'Normal', 'Scheduled', 'Successfully assigned demo/crashloop-6f9c7-x2kqp to worker-1'),
    eventEntry(pod, s(1), 'Normal', 'Pulling', `Pulling image "${img}"`, { container: 'app' }),
    eventEntry(pod, s(2), 'Normal', 'Pulled', `Successfully pulled image "${img}" in 1.2s (1.2s including waiting). Image size: 48213504 bytes.`, { container: 'app' }),
    eventEntry(pod, s(2), 'Normal', 'Created', 'Created container: app', { container: 'app', count: 3, firstAt: s(2) }),
    eventEntry(pod, s(3), 'Normal', 'Started', 'Started container app', { container: 'app', count: 3, firstAt: s(3) }),
    transitionEntry(pod, { kind: 'ContainerStateChanged', at: s(3), type: 'Normal', reason: 'Running', message: 'app: Running', container: app, state: { to: containerState('running', s(3), pod) } }),
    transitionEntry(pod, { kind: 'ConditionChanged', at: s(6), type: 'Normal', reason: 'Ready', message: 'Ready: False → True', condition: { type: 'Ready', from: 'False', to: 'True' } }),
    transitionEntry(pod, { kind: 'ContainerStateChanged', at: s(9), type: 'Warning', reason: 'Terminated', message: 'app: Terminated (Error, exit code 1)', container: app, state: { from: containerState('running', s(3), pod), to: containerState('terminated', s(9), pod) } }),
    transitionEntry(pod, { kind: 'ConditionChanged', at: s(9), type: 'Warning', reason: 'NotReady', message: 'Ready: True → False (ContainersNotReady)', condition: { type: 'Ready', from: 'True', to: 'False', reason: 'ContainersNotReady' } }),
    transitionEntry(pod, { kind: 'ContainerRestarted', at: s(10), type: 'Warning', reason: 'Restarted', message: 'app: restarted (restart 1)', container: app, restartCount: 1 }),
    transitionEntry(pod, { kind: 'ContainerStateChanged', at: s(24), type: 'Warning', reason: 'Terminated', message: 'app: Terminated (Error, exit code 1)', container: app, state: { to: containerState('terminated', s(24), pod) } }),
    transitionEntry(pod, { kind: 'ContainerStateChanged', at: s(25), type: 'Warning', reason: 'CrashLoopBackOff', message: 'app: CrashLoopBackOff (back-off 10s restarting failed container=app pod=crashloop-6f9c7-x2kqp_demo(8d1f4c2e-5b7a-4e0f-9c3d-2a6b8e1f0c44))', container: app, state: { to: containerState('crashloop', s(25), pod) } }),
    transitionEntry(pod, { kind: 'ContainerRestarted', at: s(35), type: 'Warning', reason: 'Restarted', message: 'app: restarted (restart 2)', container: app, restartCount: 2 }),
    transitionEntry(pod, { kind: 'ContainerStateChanged', at: s(40), type: 'Warning', reason: 'Terminated', message: 'app: Terminated (Error, exit code 1)', container: app, state: { to: containerState('terminated', s(40), pod) } }),
    eventEntry(pod, s(41), 'Warning', 'BackOff', 'Back-off restarting failed container app in pod crashloop-6f9c7-x2kqp_demo(8d1f4c2e-5b7a-4e0f-9c3d-2a6b8e1f0c44)', { container: 'app', count: 7, firstAt: s(25) }),
  ];
  return { row: row(pod, { ready: '0/1', status: 'CrashLoopBackOff', health: 'failing', restarts: 2, lastRestartAt: s(40) }), pod, timeline, dropped: 0 };
}

export function healthyView(suffix: string, ip: string, createdAt = s(0)): PodView {
  const pod = basePod(`healthy-7d4b9-${suffix}`, `3b2c1d0e-${suffix}-4f5a-8b9c-0d1e2f3a4b5c`, 'worker-2', ip, { app: 'web', tier: 'frontend' }, createdAt);
  pod.status.conditions = readyConditions(createdAt, true);
  pod.status.containerStatuses = [
    { name: 'app', image: 'registry.example.com/demo/web:1.4.2', ready: true, started: true, restartCount: 0, state: { running: { startedAt: iso(createdAt + 3000) } } },
  ];
  const timeline: TimelineEntry[] = [
    eventEntry(pod, createdAt, 'Normal', 'Scheduled', `Successfully assigned demo/${pod.metadata.name} to worker-2`),
    eventEntry(pod, createdAt + 1000, 'Normal', 'Pulled', 'Container image "registry.example.com/demo/web:1.4.2" already present on machine', { container: 'app' }),
    eventEntry(pod, createdAt + 2000, 'Normal', 'Created', 'Created container: app', { container: 'app' }),
    eventEntry(pod, createdAt + 3000, 'Normal', 'Started', 'Started container app', { container: 'app' }),
    transitionEntry(pod, { kind: 'ConditionChanged', at: createdAt + 6000, type: 'Normal', reason: 'Ready', message: 'Ready: False → True', condition: { type: 'Ready', from: 'False', to: 'True' } }),
  ];
  return { row: row(pod, { ready: '1/1', status: 'Running', health: 'healthy', restarts: 0 }), pod, timeline, dropped: 0 };
}

export function imagePullView(): PodView {
  const pod = basePod('imagepull-5c8d4-qq1zz', '0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f', 'worker-1', '10.244.1.22', { app: 'imagepull' }, s(5));
  pod.status.phase = 'Pending';
  pod.status.conditions = readyConditions(s(5), false);
  pod.status.containerStatuses = [
    {
      name: 'app',
      image: 'registry.example.com/demo/does-not-exist:0.0.1',
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example.com/demo/does-not-exist:0.0.1"' } },
    },
  ];
  const timeline: TimelineEntry[] = [
    eventEntry(pod, s(5), 'Normal', 'Scheduled', 'Successfully assigned demo/imagepull-5c8d4-qq1zz to worker-1'),
    eventEntry(pod, s(20), 'Warning', 'Failed', 'Error: ImagePullBackOff', { container: 'app', count: 4, firstAt: s(8) }),
  ];
  return { row: row(pod, { ready: '0/1', status: 'ImagePullBackOff', health: 'failing', restarts: 0 }), pod, timeline, dropped: 0 };
}

export function completedView(): PodView {
  const pod = basePod('job-success-h8x2p', '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', 'worker-3', '10.244.3.9', { 'job-name': 'job-success' }, s(0));
  pod.spec.restartPolicy = 'Never';
  pod.status.phase = 'Succeeded';
  pod.status.qosClass = 'BestEffort';
  pod.status.containerStatuses = [
    { name: 'app', ready: false, started: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: iso(s(3)), finishedAt: iso(s(13)) } } },
  ];
  const timeline: TimelineEntry[] = [eventEntry(pod, s(0), 'Normal', 'Scheduled', 'Successfully assigned demo/job-success-h8x2p to worker-3')];
  return { row: row(pod, { ready: '0/1', status: 'Completed', health: 'finished', restarts: 0 }), pod, timeline, dropped: 0 };
}

/** The demo namespace as the list shows it (unsorted, as the model's map holds it). */
export function demoViews(): PodView[] {
  return [crashloopView(), healthyView('abcde', '10.244.2.5'), healthyView('fghij', '10.244.2.6', s(1)), imagePullView(), completedView()];
}

/** Many healthy pods, for windowing. */
export function manyViews(count: number): PodView[] {
  return Array.from({ length: count }, (_, i) => healthyView(String(i).padStart(5, '0'), `10.244.${Math.floor(i / 250)}.${i % 250}`));
}
