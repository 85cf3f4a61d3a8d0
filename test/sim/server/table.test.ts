import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../../../src/model/types.js';
import { coreEvents, eventsV1, namespaces, pods } from '../../../src/sim/server/resources.js';
import { tableListFormat, tableOfOne, tableRequest, type TableRequest } from '../../../src/sim/server/table.js';
import type { StoredObject } from '../../../src/sim/store.js';
import { kubeletEvent, podObject, running, START } from './fixtures.js';

const now = Date.parse(START) + 5 * 60_000;
const request: TableRequest = { apiVersion: 'meta.k8s.io/v1', includeObject: 'Metadata' };
const stored = (o: unknown) => o as StoredObject;
const cells = (def: typeof pods, object: unknown) => (tableOfOne(def, request, stored(object), now) as { rows: { cells: unknown[] }[] }).rows[0]!.cells;

const pod = (overrides: Partial<Pod['status']> = {}, spec: Partial<Pod['spec']> = {}): Pod => {
  const base = podObject('demo', 'web-1', { node: 'worker-1', statuses: [running('app')] });
  return { ...base, metadata: { ...base.metadata, uid: 'u1', creationTimestamp: START, resourceVersion: '7' }, spec: { ...base.spec, ...spec }, status: { ...base.status, ...overrides } };
};

describe('tableRequest', () => {
  const query = new URLSearchParams();
  it.each([
    ['application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json', 'meta.k8s.io/v1'],
    ['application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json', 'meta.k8s.io/v1beta1'],
    ['application/json', undefined],
    ['application/json, application/json;as=Table;v=v1;g=meta.k8s.io', undefined],
    ['application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json', undefined],
    [undefined, undefined],
  ])('%s → %s', (accept, apiVersion) => {
    expect(tableRequest(accept, query)?.apiVersion).toBe(apiVersion);
  });

  it('reads includeObject', () => {
    const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io';
    expect(tableRequest(accept, new URLSearchParams('includeObject=Object'))?.includeObject).toBe('Object');
    expect(tableRequest(accept, new URLSearchParams('includeObject=bogus'))?.includeObject).toBe('Metadata');
  });
});

describe('pod rows', () => {
  it.each([
    ['running', pod(), ['web-1', '1/1', 'Running', '0', '5m', '10.244.1.5', 'worker-1', '<none>', '<none>']],
    ['nominated, no IP', pod({ podIPs: [], podIP: undefined, nominatedNodeName: 'worker-9' }), ['web-1', '1/1', 'Running', '0', '5m', '<none>', 'worker-1', 'worker-9', '<none>']],
    [
      'readiness gates',
      pod({ conditions: [{ type: 'example.com/lb', status: 'True' }] }, { readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] }),
      ['web-1', '1/1', 'Running', '0', '5m', '10.244.1.5', 'worker-1', '<none>', '1/2'],
    ],
    [
      'restarted two minutes ago',
      pod({ containerStatuses: [{ ...running('app', START, 3), lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-11-25T10:03:00Z' } } }] }),
      ['web-1', '1/1', 'Running', '3 (2m ago)', '5m', '10.244.1.5', 'worker-1', '<none>', '<none>'],
    ],
  ])('%s', (_name, object, expected) => {
    expect(cells(pods, object)).toEqual(expected);
  });

  it.each([
    ['Succeeded', 'The pod has completed successfully.'],
    ['Failed', 'The pod failed.'],
  ] as const)('marks a %s pod Completed for kubectl', (phase, message) => {
    const table = tableOfOne(pods, request, stored(pod({ phase })), now) as { rows: { conditions: unknown[] }[] };
    expect(table.rows[0]!.conditions).toEqual([{ type: 'Completed', status: 'True', reason: phase, message }]);
  });

  it('carries the object metadata, or the whole object, as asked', () => {
    const meta = tableOfOne(pods, request, stored(pod()), now) as { metadata: unknown; rows: { object: unknown }[] };
    expect(meta.metadata).toEqual({ resourceVersion: '7' });
    expect(meta.rows[0]!.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod().metadata });
    const full = tableOfOne(pods, { ...request, includeObject: 'Object' }, stored(pod()), now) as { rows: { object: { kind: string } }[] };
    expect(full.rows[0]!.object.kind).toBe('Pod');
    const none = tableOfOne(pods, { ...request, includeObject: 'None' }, stored(pod()), now) as { rows: object[] };
    expect(none.rows[0]).not.toHaveProperty('object');
  });
});

describe('event rows', () => {
  const target = stored({ metadata: { name: 'web-1', namespace: 'demo', uid: 'u1' } });
  const kubelet = kubeletEvent(target, 'BackOff', '  Back-off restarting failed container app  ', 'Warning', 7);

  it.each([
    ['kubelet event with count', { ...kubelet, firstTimestamp: '2026-11-25T10:00:00Z', lastTimestamp: '2026-11-25T10:04:00Z' }, ['60s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{app}', 'kubelet, worker-1', 'Back-off restarting failed container app', '5m', 7, 'web-1.backoff']],
    [
      'singleton scheduler event (eventTime, no count, reporting fields only)',
      { metadata: { name: 'web-1.s', namespace: 'demo' }, involvedObject: { kind: 'Pod', name: 'web-1' }, reason: 'Scheduled', message: 'Successfully assigned demo/web-1 to worker-1', type: 'Normal', eventTime: '2026-11-25T10:02:00.000000Z', firstTimestamp: null, lastTimestamp: null, reportingComponent: 'default-scheduler', reportingInstance: '' },
      ['3m', 'Normal', 'Scheduled', 'pod/web-1', '', 'default-scheduler', 'Successfully assigned demo/web-1 to worker-1', '3m', 1, 'web-1.s'],
    ],
    [
      'series',
      { ...kubelet, series: { count: 12, lastObservedTime: '2026-11-25T10:04:30.000000Z' } },
      ['30s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{app}', 'kubelet, worker-1', 'Back-off restarting failed container app', '5m', 12, 'web-1.backoff'],
    ],
    [
      'no involved name, no times',
      { metadata: { name: 'n.1', namespace: 'demo' }, involvedObject: { kind: 'Node' }, reason: 'RegisteredNode', firstTimestamp: null, lastTimestamp: null, eventTime: null },
      ['<unknown>', '', 'RegisteredNode', 'node', '', '', '', '<unknown>', 1, 'n.1'],
    ],
  ] as [string, KubeEvent, unknown[]][])('%s', (_name, event, expected) => {
    expect(cells(coreEvents, event)).toEqual(expected);
    // events.k8s.io/v1 Tables print the same stored Event.
    expect(cells(eventsV1, event)).toEqual(expected);
  });
});

describe('list tables', () => {
  it('wraps rows under the Table kind with the printer columns, names and priorities as kube-apiserver has them', () => {
    const format = tableListFormat(namespaces, request, now);
    expect(format.itemsKey).toBe('rows');
    expect(format.head).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect((format.head.columnDefinitions as { name: string }[]).map((c) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(format.item(stored({ metadata: { name: 'demo', creationTimestamp: START }, status: { phase: 'Active' } }))).toMatchObject({ cells: ['demo', 'Active', '5m'] });
    const podHead = tableListFormat(pods, request, now).head.columnDefinitions as { name: string; priority: number }[];
    expect(podHead.map((c) => `${c.name}:${c.priority}`)).toEqual(['Name:0', 'Ready:0', 'Status:0', 'Restarts:0', 'Age:0', 'IP:1', 'Node:1', 'Nominated Node:1', 'Readiness Gates:1']);
    const eventHead = tableListFormat(coreEvents, request, now).head.columnDefinitions as { name: string; priority: number }[];
    expect(eventHead.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
  });
});
