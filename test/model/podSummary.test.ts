import { describe, expect, it } from 'vitest';
import { formatAge, formatRestarts, podRow } from '../../src/model/podSummary.js';
import { parseQuantity } from '../../src/model/quantity.js';
import { computeQosClass, qosClass } from '../../src/model/qos.js';
import type { ResourceRequirements } from '../../src/model/types.js';
import { NOW, makePod, terminated, waiting, type ContainerFixture } from './fixtures/pods.js';

const crashed = (finishedSecondsAgo: number) => terminated(1, 'Error', { finishedSecondsAgo });

describe('podRow identity and placement', () => {
  it('keys a pod by namespace/name and keeps uid, labels and creation time', () => {
    const pod = makePod({
      name: 'web-7d4b9c-x2x9k',
      namespace: 'shop',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c' },
      createdSecondsAgo: 3600,
      containers: [{ name: 'web' }],
    });
    const row = podRow(pod);
    expect(row.key).toBe('shop/web-7d4b9c-x2x9k');
    expect(row.namespace).toBe('shop');
    expect(row.name).toBe('web-7d4b9c-x2x9k');
    expect(row.uid).toBe(pod.metadata.uid);
    expect(row.labels).toEqual({ app: 'web', 'pod-template-hash': '7d4b9c' });
    expect(row.createdAt).toBe(NOW - 3_600_000);
    expect(row.node).toBe('worker-1');
    expect(row.ip).toBe(pod.status.podIP);
    expect(row.ip).toMatch(/^10\.244\.1\.\d+$/);
  });

  it.each([
    ['unscheduled: no node, no IP', { node: null }, '<none>', '<none>'],
    ['scheduled, sandbox not ready: node, no IP', { podIP: null }, 'worker-1', '<none>'],
  ] as const)('%s', (_title, overrides, node, ip) => {
    const row = podRow(makePod({ name: 'p', containers: [{ name: 'app', state: waiting('ContainerCreating') }], ...overrides }));
    expect([row.node, row.ip]).toEqual([node, ip]);
  });

  it('shows the first of a dual-stack pod IPs, as kubectl -o wide', () => {
    const pod = makePod({ name: 'dual', containers: [{ name: 'app' }] });
    pod.status.podIP = '10.244.1.9';
    pod.status.podIPs = [{ ip: '10.244.1.9' }, { ip: 'fd00:10:244:1::9' }];
    expect(podRow(pod).ip).toBe('10.244.1.9');
  });

  it('has no labels object to share when the pod has none', () => {
    const pod = makePod({ name: 'bare', containers: [{ name: 'app' }] });
    delete pod.metadata.labels;
    expect(podRow(pod).labels).toEqual({});
  });
});

describe('podRow from the previous version\'s row', () => {
  const base = () => makePod({ name: 'web-7d4b9c-x2x9k', namespace: 'shop', containers: [{ name: 'web' }, { name: 'proxy' }] });

  it.each<[string, (pod: ReturnType<typeof base>) => void, boolean]>([
    ['a new resourceVersion only: the same row', (pod) => (pod.metadata.resourceVersion = '99999'), true],
    ['a container turns unready', (pod) => (pod.status.containerStatuses![1]!.ready = false), false],
    ['a restart', (pod) => (pod.status.containerStatuses![0]!.restartCount = 1), false],
    ['a new pod IP', (pod) => ((pod.status.podIP = '10.244.7.7'), (pod.status.podIPs = [{ ip: '10.244.7.7' }])), false],
  ])('%s', (_title, change, same) => {
    const first = base();
    const before = podRow(first);
    const pod = structuredClone(first);
    pod.metadata.labels = first.metadata.labels; // as structural sharing leaves it
    change(pod);
    const row = podRow(pod, before);
    expect(row).toEqual(podRow(pod)); // what a row made from scratch says
    expect(row === before).toBe(same);
    expect(row.key).toBe(before.key);
  });

  it('a different pod under the row makes a row of its own', () => {
    const before = podRow(base());
    const other = makePod({ name: 'api-5f6c7d-abcde', namespace: 'shop', containers: [{ name: 'api' }] });
    expect(podRow(other, before)).toEqual(podRow(other));
  });
});

describe('formatRestarts equals kubectl RESTARTS', () => {
  const cases: [string, ContainerFixture, string][] = [
    ['never restarted', { name: 'app' }, '0'],
    ['crash-looping, last exit 32 s ago', { name: 'app', state: waiting('CrashLoopBackOff'), restartCount: 4, lastState: crashed(32) }, '4 (32s ago)'],
    ['restarted 5 minutes ago', { name: 'app', restartCount: 1, lastState: crashed(300) }, '1 (5m ago)'],
    ['restarted 3m20s ago', { name: 'app', restartCount: 2, lastState: crashed(200) }, '2 (3m20s ago)'],
    ['restarted 2 days ago', { name: 'app', restartCount: 12, lastState: crashed(2 * 86400 + 3600) }, '12 (2d1h ago)'],
    ['restart count without a kept lastState', { name: 'app', restartCount: 3 }, '3'],
  ];
  it.each(cases)('%s', (_title, container, expected) => {
    const row = podRow(makePod({ name: 'api', containers: [container] }));
    expect(formatRestarts(row, NOW)).toBe(expected);
  });

  it('ages with now', () => {
    const row = podRow(makePod({ name: 'api', containers: [{ name: 'app', restartCount: 1, lastState: crashed(10) }] }));
    expect(formatRestarts(row, NOW)).toBe('1 (10s ago)');
    expect(formatRestarts(row, NOW + 3600_000)).toBe('1 (60m ago)');
  });
});

describe('formatAge equals kubectl AGE', () => {
  it.each([
    [45, '45s'],
    [600, '10m'],
    [3 * 3600 + 600, '3h10m'],
    [9 * 86400, '9d'],
  ])('created %i s ago → %s', (seconds, expected) => {
    expect(formatAge(podRow(makePod({ name: 'p', createdSecondsAgo: seconds, containers: [{ name: 'app' }] })), NOW)).toBe(expected);
  });

  it('is <unknown> without a creationTimestamp', () => {
    const pod = makePod({ name: 'p', containers: [{ name: 'app' }] });
    delete pod.metadata.creationTimestamp;
    expect(formatAge(podRow(pod), NOW)).toBe('<unknown>');
  });
});

describe('QoS class', () => {
  const guaranteed: ResourceRequirements = {
    requests: { cpu: '500m', memory: '256Mi' },
    limits: { cpu: '0.5', memory: '268435456' },
  };
  const cases: [string, ResourceRequirements[], ResourceRequirements[], string][] = [
    ['no resources anywhere', [{}], [], 'BestEffort'],
    ['requests equal limits (different spellings)', [guaranteed], [], 'Guaranteed'],
    ['only limits: requests default to them', [{ limits: { cpu: '1', memory: '1Gi' } }], [], 'Guaranteed'],
    ['requests below limits', [{ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '128Mi' } }], [], 'Burstable'],
    ['requests only', [{ requests: { cpu: '100m' } }], [], 'Burstable'],
    ['memory limit only', [{ limits: { memory: '1Gi' } }], [], 'Burstable'],
    ['one container guaranteed, one best effort', [guaranteed, {}], [], 'Burstable'],
    ['only ephemeral-storage: not a QoS resource', [{ requests: { 'ephemeral-storage': '1Gi' } }], [], 'BestEffort'],
    ['init container with requests makes a best-effort pod burstable', [{}], [{ requests: { cpu: '50m' } }], 'Burstable'],
    ['guaranteed init and app containers', [guaranteed], [{ limits: { cpu: '1', memory: '1Gi' } }], 'Guaranteed'],
  ];
  it.each(cases)('%s → %s', (_title, app, init, expected) => {
    const pod = makePod({
      name: 'q',
      qosClass: null,
      containers: app.map((resources, index) => ({ name: `c${index}`, resources })),
      initContainers: init.map((resources, index) => ({ name: `i${index}`, resources, state: terminated(0, 'Completed') })),
    });
    expect(computeQosClass(pod)).toBe(expected);
    expect(podRow(pod).qosClass).toBe(expected);
  });

  it('takes status.qosClass when the kubelet reported it', () => {
    const pod = makePod({ name: 'q', qosClass: 'Guaranteed', containers: [{ name: 'app' }] });
    expect(qosClass(pod)).toBe('Guaranteed');
  });
});

describe('parseQuantity', () => {
  it.each([
    ['1', 1],
    ['500m', 0.5],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['2k', 2000],
    ['1e3', 1000],
    ['1.5E-3', 0.0015],
    ['100n', 1e-7],
    ['12Xi', undefined],
    ['', undefined],
    ['abc', undefined],
  ])('%s → %s', (text, expected) => {
    const value = parseQuantity(text);
    if (expected === undefined) expect(value).toBeUndefined();
    else expect(value).toBeCloseTo(expected, 12);
  });
});

