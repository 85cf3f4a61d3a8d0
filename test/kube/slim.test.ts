import { describe, expect, it } from 'vitest';
import { slimEvent, slimEventV1, slimNamespace, slimPod } from '../../src/kube/slim.js';

/** A pod as a real API server returns it, with everything podtui does not use. */
function fullPod() {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-7d9f8b6c5d-x2x4q',
      generateName: 'web-7d9f8b6c5d-',
      namespace: 'shop',
      uid: '0b6a1f3e-7f7e-4a57-9d9c-3b0c1c6f2f11',
      resourceVersion: '48213',
      creationTimestamp: '2026-11-25T09:58:12Z',
      labels: { app: 'web', 'pod-template-hash': '7d9f8b6c5d' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"}}',
        'prometheus.io/scrape': 'true',
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9f8b6c5d', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
      managedFields: [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', time: '2026-11-25T09:58:12Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } }],
      finalizers: ['example.com/keep'],
    },
    spec: {
      volumes: [{ name: 'kube-api-access-abcde', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }],
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [{ name: 'SECRET_LOOKING', value: 'hunter2' }],
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
          volumeMounts: [{ name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
          readinessProbe: { httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' }, periodSeconds: 5, failureThreshold: 3 },
          terminationMessagePath: '/dev/termination-log',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      initContainers: [{ name: 'migrate', image: 'migrate:3', command: ['sh', '-c', 'migrate up'], env: [{ name: 'X', value: 'y' }] }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      nodeName: 'worker-1',
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      affinity: { nodeAffinity: {} },
      priority: 0,
      enableServiceLinks: true,
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-25T09:58:14Z' },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastProbeTime: null, lastTransitionTime: '2026-11-25T09:58:20Z' },
      ],
      hostIP: '10.0.0.11',
      hostIPs: [{ ip: '10.0.0.11' }],
      podIP: '10.244.1.7',
      podIPs: [{ ip: '10.244.1.7' }],
      startTime: '2026-11-25T09:58:12Z',
      initContainerStatuses: [
        { name: 'migrate', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-11-25T09:58:15Z', finishedAt: '2026-11-25T09:58:17Z', containerID: 'containerd://aa' } }, lastState: {}, ready: true, restartCount: 0, image: 'migrate:3', imageID: 'docker.io/library/migrate@sha256:01', containerID: 'containerd://aa', started: false, volumeMounts: [{ name: 'x', mountPath: '/x' }] },
      ],
      containerStatuses: [
        { name: 'app', state: { running: { startedAt: '2026-11-25T09:58:19Z' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-11-25T09:58:18Z', finishedAt: '2026-11-25T09:58:18Z', containerID: 'containerd://bb' } }, ready: false, restartCount: 1, image: 'docker.io/library/nginx:1.27', imageID: 'docker.io/library/nginx@sha256:02', containerID: 'containerd://cc', started: true, allocatedResources: { cpu: '100m' }, user: { linux: { uid: 0 } } },
      ],
      qosClass: 'Burstable',
    },
  };
}

describe('slimPod', () => {
  const pod = slimPod(fullPod());

  it.each([
    ['managedFields', () => 'managedFields' in pod.metadata],
    ['finalizers', () => 'finalizers' in pod.metadata],
    ['last-applied annotation', () => 'kubectl.kubernetes.io/last-applied-configuration' in (pod.metadata.annotations ?? {})],
    ['volumes', () => 'volumes' in pod.spec],
    ['tolerations', () => 'tolerations' in pod.spec],
    ['affinity', () => 'affinity' in pod.spec],
    ['container env', () => 'env' in pod.spec.containers[0]!],
    ['container volumeMounts', () => 'volumeMounts' in pod.spec.containers[0]!],
    ['init container env', () => 'env' in pod.spec.initContainers![0]!],
    ['status volumeMounts', () => 'volumeMounts' in pod.status.initContainerStatuses![0]!],
    ['status allocatedResources', () => 'allocatedResources' in pod.status.containerStatuses![0]!],
  ])('drops %s', (_name, present) => {
    expect(present()).toBe(false);
  });

  it('keeps everything the model declares', () => {
    expect(pod.metadata).toEqual({
      name: 'web-7d9f8b6c5d-x2x4q',
      generateName: 'web-7d9f8b6c5d-',
      namespace: 'shop',
      uid: '0b6a1f3e-7f7e-4a57-9d9c-3b0c1c6f2f11',
      resourceVersion: '48213',
      creationTimestamp: '2026-11-25T09:58:12Z',
      labels: { app: 'web', 'pod-template-hash': '7d9f8b6c5d' },
      annotations: { 'prometheus.io/scrape': 'true' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9f8b6c5d', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    });
    expect(pod.spec.nodeName).toBe('worker-1');
    expect(pod.spec.containers[0]!.readinessProbe).toEqual({ httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' }, periodSeconds: 5, failureThreshold: 3 });
    expect(pod.spec.containers[0]!.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' } });
    expect(pod.spec.initContainers![0]!.command).toEqual(['sh', '-c', 'migrate up']);
    expect(pod.status.conditions).toEqual(fullPod().status.conditions);
    expect(pod.status.containerStatuses![0]!.lastState).toEqual(fullPod().status.containerStatuses[0]!.lastState);
    expect(pod.status.qosClass).toBe('Burstable');
    expect(pod.status.podIPs).toEqual([{ ip: '10.244.1.7' }]);
  });

  it('is much smaller than the wire object', () => {
    expect(JSON.stringify(pod).length).toBeLessThan(JSON.stringify(fullPod()).length * 0.7);
  });

  it('drops annotations altogether when last-applied was the only one', () => {
    const raw = fullPod();
    raw.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } as typeof raw.metadata.annotations;
    expect(slimPod(raw).metadata.annotations).toBeUndefined();
  });

  it('sanitizes every string it keeps', () => {
    const raw = fullPod();
    raw.metadata.name = 'evil\u001b]0;owned\u0007-pod';
    raw.status.containerStatuses[0]!.state = { waiting: { reason: 'CrashLoopBackOff', message: 'back-off\u001b[2J 40s' } } as never;
    const clean = slimPod(raw);
    expect(clean.metadata.name).toBe('evil-pod');
    expect(clean.status.containerStatuses![0]!.state!.waiting!.message).toBe('back-off 40s');
  });

  it('survives a pod with no spec or status (a tombstone)', () => {
    expect(slimPod({ metadata: { name: 'gone', namespace: 'ns', uid: 'u', resourceVersion: '9' } })).toEqual({
      metadata: { name: 'gone', namespace: 'ns', uid: 'u', resourceVersion: '9' },
      spec: { containers: [] },
      status: {},
    });
  });
});

describe('slimEvent / slimEventV1 / slimNamespace', () => {
  it('keeps a core/v1 event and drops managedFields', () => {
    const event = slimEvent({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.17f', namespace: 'shop', uid: 'e1', resourceVersion: '7', managedFields: [{}] },
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web', uid: 'p1', fieldPath: 'spec.containers{app}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container app in pod web_shop(p1)',
      type: 'Warning',
      source: { component: 'kubelet', host: 'worker-1' },
      firstTimestamp: '2026-11-25T10:00:00Z',
      lastTimestamp: '2026-11-25T10:05:00Z',
      count: 12,
      reportingComponent: 'kubelet',
      reportingInstance: 'worker-1',
    });
    expect(event.metadata).toEqual({ name: 'web.17f', namespace: 'shop', uid: 'e1', resourceVersion: '7' });
    expect(event.count).toBe(12);
    expect(event.involvedObject.fieldPath).toBe('spec.containers{app}');
  });

  it('keeps an events.k8s.io/v1 event with its note and regarding', () => {
    const event = slimEventV1({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.18a', namespace: 'shop', uid: 'e2', resourceVersion: '8', managedFields: [{}] },
      regarding: { kind: 'Pod', namespace: 'shop', name: 'web', uid: 'p1' },
      reason: 'Scheduled',
      note: 'Successfully assigned shop/web to worker-1',
      type: 'Normal',
      eventTime: '2026-11-25T10:00:00.123456Z',
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-cp-1',
      action: 'Binding',
    });
    expect(event.note).toBe('Successfully assigned shop/web to worker-1');
    expect(event.regarding?.name).toBe('web');
    expect('managedFields' in event.metadata).toBe(false);
  });

  it('keeps a namespace name and phase', () => {
    expect(slimNamespace({ metadata: { name: 'shop', managedFields: [{}] }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })).toEqual({
      metadata: { name: 'shop' },
      status: { phase: 'Active' },
    });
  });
});
