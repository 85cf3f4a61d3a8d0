// Every field the model declares must count: a change to any one of them makes
// a new version, and the same content shares the previous one. The samples are
// `Required<…>`, so a field added to types.ts fails to compile here until it is
// added to the sample, and then fails these tests until statusVersion.ts
// compares it.
import { describe, expect, test } from 'vitest';
import { shareMetadata, shareStatus } from '../../src/model/statusVersion.js';
import type { ContainerState, ContainerStatus, ObjectMeta, PodCondition, PodStatus } from '../../src/model/types.js';
import { crashloopHistory } from './fixtures/history.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const condition: Required<PodCondition> = {
  type: 'Ready',
  status: 'False',
  reason: 'ContainersNotReady',
  message: 'containers with unready status: [app]',
  lastProbeTime: null,
  lastTransitionTime: '2026-11-25T10:00:05Z',
};
const terminated: Required<NonNullable<ContainerState['terminated']>> = {
  exitCode: 137,
  signal: 9,
  reason: 'OOMKilled',
  message: 'out of memory',
  startedAt: '2026-11-25T10:00:01Z',
  finishedAt: '2026-11-25T10:00:04Z',
  containerID: 'containerd://0a1b2c3d',
};
const containerStatus: Required<ContainerStatus> = {
  name: 'app',
  image: 'ghcr.io/acme/api:1.4.2',
  imageID: 'ghcr.io/acme/api@sha256:5e2f',
  containerID: 'containerd://4e5f6a7b',
  ready: false,
  started: false,
  restartCount: 3,
  state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app pod=api_demo(1)' } },
  lastState: { terminated },
};
const status: Required<PodStatus> = {
  phase: 'Running',
  reason: 'Evicted',
  message: 'The node was low on resource: memory.',
  conditions: [condition, { ...condition, type: 'ContainersReady' }],
  hostIP: '10.0.0.4',
  hostIPs: [{ ip: '10.0.0.4' }],
  podIP: '10.244.1.7',
  podIPs: [{ ip: '10.244.1.7' }],
  startTime: '2026-11-25T10:00:00Z',
  qosClass: 'Burstable',
  nominatedNodeName: 'worker-2',
  initContainerStatuses: [{ ...containerStatus, name: 'migrate' }],
  containerStatuses: [containerStatus],
  ephemeralContainerStatuses: [{ ...containerStatus, name: 'debugger' }],
};
const metadata: Required<ObjectMeta> = {
  name: 'api-6f9c7-b8w4z',
  namespace: 'demo',
  uid: '7c2d0c8e-1f4b-4d7a-9a51-3f0e8f1c2b6d',
  resourceVersion: '4012',
  creationTimestamp: '2026-11-25T10:00:00Z',
  deletionTimestamp: '2026-11-25T10:05:30Z',
  deletionGracePeriodSeconds: 30,
  labels: { app: 'api' },
  annotations: { 'kubernetes.io/psp': 'restricted' },
  ownerReferences: [{ kind: 'ReplicaSet', name: 'api-6f9c7', uid: 'r1', controller: true }],
  generateName: 'api-6f9c7-',
};

type Edit<T> = [string, (value: T) => void];
const different = (value: unknown): unknown => (typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : typeof value === 'string' ? `${value}-x` : value === null ? '2026-11-25T10:09:00Z' : undefined);

/** One edit per field of `sample` (and of `nested` objects inside it): each changes only that field. */
function fieldEdits<T extends object>(sample: T, at: (root: T) => Record<string, unknown>, path: string): Edit<T>[] {
  return Object.keys(at(sample)).map((key) => [
    `${path}.${key}`,
    (root: T) => {
      const target = at(root);
      const changed = different(target[key]);
      if (changed === undefined) target[key] = Array.isArray(target[key]) ? [] : { changed: 'yes' };
      else target[key] = changed;
    },
  ]);
}

const statusEdits: Edit<PodStatus>[] = [
  ...fieldEdits<PodStatus>(status, (s) => s as unknown as Record<string, unknown>, 'status'),
  ...fieldEdits<PodStatus>(status, (s) => s.conditions![1] as unknown as Record<string, unknown>, 'conditions[1]'),
  ...fieldEdits<PodStatus>(status, (s) => s.containerStatuses![0] as unknown as Record<string, unknown>, 'containerStatuses[0]'),
  ...fieldEdits<PodStatus>(status, (s) => s.containerStatuses![0]!.lastState!.terminated as unknown as Record<string, unknown>, 'lastState.terminated'),
  ...fieldEdits<PodStatus>(status, (s) => s.initContainerStatuses![0]!.state!.waiting as unknown as Record<string, unknown>, 'init state.waiting'),
  ...fieldEdits<PodStatus>(status, (s) => s.podIPs![0] as unknown as Record<string, unknown>, 'podIPs[0]'),
  ['a condition added', (s) => void s.conditions!.push({ type: 'PodScheduled', status: 'True' })],
  ['a condition removed', (s) => void s.conditions!.pop()],
  ['running instead of waiting', (s) => void (s.containerStatuses![0]!.state = { running: { startedAt: '2026-11-25T10:00:06Z' } })],
  ['terminated added beside waiting', (s) => void (s.ephemeralContainerStatuses![0]!.state!.terminated = terminated)],
  ['state gone', (s) => void delete s.containerStatuses![0]!.state],
];

describe('shareStatus', () => {
  test.each(statusEdits)('a change of %s is a new status that reads as sent', (_, edit) => {
    const previous = clone(status);
    const next = clone(status);
    edit(next);
    const expected = clone(next);
    const shared = shareStatus(previous, next);
    expect(shared).not.toBe(previous);
    expect(shared).toEqual(expected);
  });

  test('the same content is the previous status itself', () => {
    const previous = clone(status);
    expect(shareStatus(previous, clone(status))).toBe(previous);
  });

  test('only the changed path is new: the rest is the previous version’s', () => {
    const previous = clone(status);
    const next = clone(status);
    next.containerStatuses![0]!.state = { running: { startedAt: '2026-11-25T10:00:06Z' } };
    const shared = shareStatus(previous, next);
    expect(shared.conditions).toBe(previous.conditions);
    expect(shared.initContainerStatuses).toBe(previous.initContainerStatuses);
    expect(shared.podIPs).toBe(previous.podIPs);
    expect(shared.containerStatuses![0]!.lastState).toBe(previous.containerStatuses![0]!.lastState);
    expect(shared.containerStatuses![0]!.imageID).toBe(previous.containerStatuses![0]!.imageID);
  });

  test('no key appears that the sender did not send', () => {
    const previous = clone(crashloopHistory().versions[4]!.status);
    const next = clone(crashloopHistory().versions[5]!.status);
    const sent = clone(next);
    expect(shareStatus(previous, next)).toStrictEqual(sent);
  });
});

describe('shareMetadata', () => {
  test.each(fieldEdits<ObjectMeta>(metadata, (m) => m as unknown as Record<string, unknown>, 'metadata'))('a change of %s is new metadata', (_, edit) => {
    const previous = clone(metadata);
    const next = clone(metadata);
    edit(next);
    const expected = clone(next);
    const shared = shareMetadata(previous, next);
    expect(shared).not.toBe(previous);
    expect(shared).toEqual(expected);
  });

  test.each<Edit<ObjectMeta>>([
    ['a label added', (m) => void (m.labels!.tier = 'web')],
    ['an annotation removed', (m) => void delete m.annotations!['kubernetes.io/psp']],
    ['an owner reference changed', (m) => void (m.ownerReferences![0]!.controller = false)],
  ])('%s is new metadata', (_, edit) => {
    const previous = clone(metadata);
    const next = clone(metadata);
    edit(next);
    expect(shareMetadata(previous, next)).not.toBe(previous);
  });

  test('a new resourceVersion alone keeps the labels, annotations and owners of the previous version', () => {
    const previous = clone(metadata);
    const next = { ...clone(metadata), resourceVersion: '4013' };
    const shared = shareMetadata(previous, next);
    expect(shared.resourceVersion).toBe('4013');
    expect(shared.labels).toBe(previous.labels);
    expect(shared.annotations).toBe(previous.annotations);
    expect(shared.ownerReferences).toBe(previous.ownerReferences);
    expect(shareMetadata(previous, clone(metadata))).toBe(previous);
  });
});
