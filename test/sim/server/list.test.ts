import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../../../src/sim/server/index.js';
import { startCluster, type Cluster } from './fixtures.js';
import { getJson } from './http.js';

let cluster: Cluster & { server: ApiServer };
const names = (body: { items: { metadata: { name: string } }[] }) => body.items.map((i) => i.metadata.name);

beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(async () => {
  await cluster.server.close();
});

describe('LIST', () => {
  it('lists every pod in key order with the list kind, the store resourceVersion and typed items', async () => {
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/pods`);
    expect(status).toBe(200);
    expect(body.kind).toBe('PodList');
    expect(body.apiVersion).toBe('v1');
    expect(body.metadata.resourceVersion).toBe(cluster.emulator.store.resourceVersion);
    expect(names(body)).toEqual(['crashloop-6f9c7-x2kqp', 'pending-1a2b3-ppppp', 'pulling-5c8d-qwert', 'web-7d4b9-abcde', 'coredns-5d78c-zzzzz']);
    expect(body.items.every((p: { kind: string; apiVersion: string }) => p.kind === 'Pod' && p.apiVersion === 'v1')).toBe(true);
    // In the order the API server writes them, which `kubectl get --raw` shows.
    expect(Object.keys(body.items[0]).slice(0, 3)).toEqual(['kind', 'apiVersion', 'metadata']);
    expect(body.metadata.continue).toBeUndefined();
  });

  it.each([
    ['/api/v1/namespaces/kube-system/pods', ['coredns-5d78c-zzzzz']],
    ['/api/v1/namespaces/nowhere/pods', []],
    ['/api/v1/pods?labelSelector=tier', ['crashloop-6f9c7-x2kqp', 'web-7d4b9-abcde']],
    ['/api/v1/pods?labelSelector=tier%20notin%20(frontend),app!=pending', ['crashloop-6f9c7-x2kqp', 'pulling-5c8d-qwert', 'coredns-5d78c-zzzzz']],
    ['/api/v1/pods?fieldSelector=spec.nodeName=worker-2', ['pulling-5c8d-qwert', 'coredns-5d78c-zzzzz']],
    ['/api/v1/pods?fieldSelector=spec.nodeName%3D', ['pending-1a2b3-ppppp']],
    ['/api/v1/pods?fieldSelector=status.phase!=Running', ['pending-1a2b3-ppppp', 'pulling-5c8d-qwert']],
    ['/api/v1/pods?fieldSelector=metadata.name=web-7d4b9-abcde', ['web-7d4b9-abcde']],
    ['/api/v1/pods?fieldSelector=metadata.namespace=kube-system', ['coredns-5d78c-zzzzz']],
    ['/api/v1/namespaces/demo/pods?labelSelector=app%20in%20(web,crashloop)&fieldSelector=metadata.name!=web-7d4b9-abcde', ['crashloop-6f9c7-x2kqp']],
  ])('%s', async (path, expected) => {
    const { status, body } = await getJson(cluster.server.url + path);
    expect(status).toBe(200);
    expect(names(body)).toEqual(expected);
  });

  it.each([
    ['/api/v1/events?fieldSelector=involvedObject.name=web-7d4b9-abcde', ['web-7d4b9-abcde.scheduled', 'web-7d4b9-abcde.started']],
    ['/api/v1/events?fieldSelector=type=Warning', ['crashloop-6f9c7-x2kqp.backoff']],
    ['/api/v1/namespaces/demo/events?fieldSelector=reason=Scheduled,involvedObject.kind=Pod', ['web-7d4b9-abcde.scheduled']],
    ['/apis/events.k8s.io/v1/events?fieldSelector=regarding.kind=Pod,regarding.name=crashloop-6f9c7-x2kqp', ['crashloop-6f9c7-x2kqp.backoff']],
    ['/apis/events.k8s.io/v1/namespaces/demo/events?fieldSelector=reportingController=default-scheduler', ['web-7d4b9-abcde.scheduled']],
  ])('%s', async (path, expected) => {
    const { body } = await getJson(cluster.server.url + path);
    expect(names(body)).toEqual(expected);
  });

  it('selects events by involvedObject.uid', async () => {
    const uid = cluster.web.metadata.uid!;
    const { body } = await getJson(`${cluster.server.url}/api/v1/events?fieldSelector=involvedObject.uid=${uid}`);
    expect(names(body)).toEqual(['web-7d4b9-abcde.scheduled', 'web-7d4b9-abcde.started']);
  });

  it('serves the same stored Events through events.k8s.io/v1, converted', async () => {
    const { body } = await getJson(`${cluster.server.url}/apis/events.k8s.io/v1/namespaces/demo/events`);
    expect(body.kind).toBe('EventList');
    expect(body.apiVersion).toBe('events.k8s.io/v1');
    const backOff = body.items.find((e: { reason: string }) => e.reason === 'BackOff');
    expect(backOff).toMatchObject({
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      regarding: { kind: 'Pod', name: 'crashloop-6f9c7-x2kqp', fieldPath: 'spec.containers{app}' },
      note: 'Back-off restarting failed container app in pod crashloop-6f9c7-x2kqp_demo(x)',
      deprecatedCount: 4,
      deprecatedSource: { component: 'kubelet', host: 'worker-1' },
    });
    expect(backOff).not.toHaveProperty('involvedObject');
  });

  it('keeps a scheduler event in core/v1 shape with eventTime and no firstTimestamp or count', async () => {
    const { body } = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/events?fieldSelector=reason=Scheduled`);
    expect(body.items[0]).toMatchObject({ kind: 'Event', apiVersion: 'v1', eventTime: '2026-11-25T10:00:00.000000Z', firstTimestamp: null, reportingComponent: 'default-scheduler' });
    expect(body.items[0]).not.toHaveProperty('count');
  });

  it('lists and gets namespaces', async () => {
    const list = await getJson(`${cluster.server.url}/api/v1/namespaces`);
    expect(list.body.kind).toBe('NamespaceList');
    expect(names(list.body)).toEqual(['demo', 'kube-system']);
    const one = await getJson(`${cluster.server.url}/api/v1/namespaces/demo`);
    expect(one.body).toMatchObject({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'demo' }, status: { phase: 'Active' } });
  });

  it.each([
    ['/api/v1/pods?labelSelector=app%20in%20web', 'unable to parse requirement'],
    ['/api/v1/pods?fieldSelector=spec.hostname=x', 'field label not supported: spec.hostname'],
    ['/api/v1/events?fieldSelector=regarding.name=x', 'field label not supported: regarding.name'],
    ['/api/v1/pods?limit=-1', 'invalid limit'],
    ['/api/v1/pods?limit=2&continue=bm90IGEgdG9rZW4', 'continue key is not valid'],
  ])('refuses %s with 400 BadRequest', async (path, message) => {
    const { status, body } = await getJson(cluster.server.url + path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    expect(body.message).toContain(message);
  });
});

describe('LIST paging', () => {
  it('pages with limit and continue, each page keeping the first page resourceVersion', async () => {
    const seen: string[] = [];
    let path = '/api/v1/pods?limit=2';
    const versions = new Set<string>();
    const remaining: number[] = [];
    for (let page = 0; page < 10; page++) {
      const { body } = await getJson(cluster.server.url + path);
      seen.push(...names(body));
      versions.add(body.metadata.resourceVersion);
      if (!body.metadata.continue) break;
      remaining.push(body.metadata.remainingItemCount);
      path = `/api/v1/pods?limit=2&continue=${encodeURIComponent(body.metadata.continue)}`;
    }
    expect(seen).toEqual(['crashloop-6f9c7-x2kqp', 'pending-1a2b3-ppppp', 'pulling-5c8d-qwert', 'web-7d4b9-abcde', 'coredns-5d78c-zzzzz']);
    expect(versions.size).toBe(1);
    expect(remaining).toEqual([3, 1]);
  });

  it('gives no continue token when the last page is exactly full', async () => {
    const { body } = await getJson(`${cluster.server.url}/api/v1/namespaces/kube-system/pods?limit=1`);
    expect(names(body)).toEqual(['coredns-5d78c-zzzzz']);
    expect(body.metadata.continue).toBeUndefined();
  });

  it('pages a selected list without a remainingItemCount', async () => {
    const first = await getJson(`${cluster.server.url}/api/v1/pods?limit=1&labelSelector=tier`);
    expect(names(first.body)).toEqual(['crashloop-6f9c7-x2kqp']);
    expect(first.body.metadata.remainingItemCount).toBeUndefined();
    const second = await getJson(`${cluster.server.url}/api/v1/pods?limit=1&labelSelector=tier&continue=${first.body.metadata.continue}`);
    expect(names(second.body)).toEqual(['web-7d4b9-abcde']);
    expect(second.body.metadata.continue).toBeUndefined();
  });

  it('answers 410 Expired for a continue token whose resourceVersion was compacted', async () => {
    const first = await getJson(`${cluster.server.url}/api/v1/pods?limit=1`);
    cluster.emulator.store.update('pods', 'demo', 'web-7d4b9-abcde', (p) => {
      p.metadata.labels = { ...(p.metadata.labels as object), touched: 'yes' };
    });
    cluster.emulator.store.compact();
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/pods?limit=1&continue=${first.body.metadata.continue}`);
    expect(status).toBe(410);
    expect(body).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
  });
});
