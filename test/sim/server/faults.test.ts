import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultName } from '../../../src/cli.js';
import { FaultController, type FaultKind } from '../../../src/sim/faults.js';
import type { ApiServer } from '../../../src/sim/server/index.js';
import { startCluster, type Cluster } from './fixtures.js';
import { getJson, openWatch, take } from './http.js';

let cluster: Cluster & { server: ApiServer };
const always = () => 0;
/** Returns the given draws in turn, then repeats the last one. */
const draws = (...values: number[]) => {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)]!;
};
const touch = (value: string) =>
  cluster.emulator.store.update('pods', 'demo', 'web-7d4b9-abcde', (p) => {
    p.metadata.labels = { ...(p.metadata.labels as object), touch: value };
  });

beforeEach(async () => {
  cluster = await startCluster();
});
afterEach(async () => {
  await cluster.server.close();
});

describe('FaultController', () => {
  it('uses the same fault names as the CLI', () => {
    // Fails to compile when the two unions drift apart.
    const sameNames: [FaultKind] extends [FaultName] ? ([FaultName] extends [FaultKind] ? true : false) : false = true;
    expect(sameNames).toBe(true);
  });

  it('tracks which faults are active', () => {
    const faults = new FaultController();
    faults.enable(['drop', 'slow']);
    faults.enable(['error']);
    expect([...faults.active].sort()).toEqual(['drop', 'error', 'slow']);
    faults.disable(['slow']);
    expect([...faults.active].sort()).toEqual(['drop', 'error']);
    faults.disable();
    expect(faults.active.size).toBe(0);
  });

  it('strikes deterministically with a given random function and rate', () => {
    const faults = new FaultController();
    faults.enable(['drop'], { rate: 0.5, random: draws(0.1, 0.7, 0.4, 0.9) });
    expect([1, 2, 3, 4].map(() => faults.strikes('drop'))).toEqual([true, false, true, false]);
    expect(faults.strikes('garbage')).toBe(false);
  });

  it('refuses a rate outside 0..1', () => {
    expect(() => new FaultController().enable(['error'], { rate: 2 })).toThrow(RangeError);
  });
});

describe('faults through HTTP', () => {
  it('error: answers 500 InternalError or 429 with Retry-After: 1', async () => {
    cluster.server.faults.enable(['error'], { rate: 1, random: draws(0, 0.1, 0, 0.9) });
    const first = await getJson(`${cluster.server.url}/api/v1/pods`);
    expect(first.status).toBe(500);
    expect(first.body).toMatchObject({ kind: 'Status', reason: 'InternalError', code: 500 });
    const second = await getJson(`${cluster.server.url}/api/v1/pods`);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(second.body).toMatchObject({ reason: 'TooManyRequests', details: { retryAfterSeconds: 1 } });
    cluster.server.faults.disable(['error']);
    expect((await getJson(`${cluster.server.url}/api/v1/pods`)).status).toBe(200);
  });

  it('error: leaves discovery alone so clients can still start', async () => {
    cluster.server.faults.enable(['error'], { rate: 1, random: always });
    expect((await getJson(`${cluster.server.url}/api/v1`)).status).toBe(200);
  });

  it('expire: compacts the window so a resuming watch gets 410 Expired', async () => {
    const from = cluster.emulator.store.resourceVersion;
    touch('1');
    cluster.server.faults.enable(['expire'], { rate: 1, random: always });
    const w = await openWatch(`${cluster.server.url}/api/v1/pods?watch=1&resourceVersion=${from}`);
    expect((await take(w, 1))[0]).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
  });

  it('expire: makes a continued list answer 410 Expired', async () => {
    const first = await getJson(`${cluster.server.url}/api/v1/pods?limit=2`);
    touch('1');
    cluster.server.faults.enable(['expire'], { rate: 1, random: always });
    const next = await getJson(`${cluster.server.url}/api/v1/pods?limit=2&continue=${first.body.metadata.continue}`);
    expect(next.status).toBe(410);
    expect(next.body).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
  });

  it('expire: spares a watch from the latest resourceVersion', async () => {
    touch('1');
    cluster.server.faults.enable(['expire'], { rate: 1, random: always });
    const w = await openWatch(`${cluster.server.url}/api/v1/pods?watch=1&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    touch('2');
    expect((await take(w, 1))[0]!.type).toBe('MODIFIED');
    w.close();
  });

  it('slow: stalls a list and each watch write by at least the minimum stall', async () => {
    cluster.server.faults.enable(['slow'], { rate: 1, random: always });
    let started = Date.now();
    expect((await getJson(`${cluster.server.url}/api/v1/namespaces/kube-system/pods`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const w = await openWatch(`${cluster.server.url}/api/v1/pods?watch=1&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    started = Date.now();
    touch('1');
    touch('2');
    const lines = await take(w, 2);
    expect(lines.map((l) => l.object.metadata.labels.touch)).toEqual(['1', '2']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    w.close();
  });

  it('slow: a client that leaves during the stall leaves no watcher behind', async () => {
    const listeners = () => (cluster.emulator.store as unknown as { listeners: Set<unknown> }).listeners.size;
    const before = listeners();
    cluster.server.faults.enable(['slow'], { rate: 1, random: always });
    const controller = new AbortController();
    const request = fetch(`${cluster.server.url}/api/v1/pods?watch=1`, { signal: controller.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await request;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(listeners()).toBe(before);
  });

  it('garbage: puts a malformed line before events; the real events still arrive in order', async () => {
    const w = await openWatch(`${cluster.server.url}/api/v1/pods?watch=1&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    cluster.server.faults.enable(['garbage'], { rate: 0.5, random: draws(0.9, 0.1) });
    touch('1');
    touch('2');
    const lines = await take(w, 2);
    expect(lines.map((l) => l.object.metadata.labels.touch)).toEqual(['1', '2']);
    expect(w.malformed).toHaveLength(1);
    expect(() => JSON.parse(w.malformed[0]!)).toThrow();
    w.close();
  });

  it('drop: cuts the stream in the middle of an event line', async () => {
    const w = await openWatch(`${cluster.server.url}/api/v1/pods?watch=1&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    cluster.server.faults.enable(['drop'], { rate: 0.5, random: draws(0.9, 0.1) });
    touch('1');
    expect((await take(w, 1))[0]!.object.metadata.labels.touch).toBe('1');
    touch('2');
    expect(await w.ended).toBe('error');
    await expect(w.next(100)).rejects.toThrow();
  });

  it('drop (silent): the stream goes quiet, without an error, an end or a bookmark, until the client gives up', async () => {
    // Frequent bookmarks, to show that they stop too.
    await cluster.server.close();
    cluster = await startCluster({ bookmarkIntervalMs: 50 });
    const w = await openWatch(`${cluster.server.url}/api/v1/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    cluster.server.faults.enable(['drop'], { rate: 0.5, random: draws(0.9, 0.1), dropMode: 'silent' });
    touch('1');
    let first = await w.next();
    while (first.type === 'BOOKMARK') first = await w.next(); // written before the fault was on
    expect(first.object.metadata.labels.touch).toBe('1');
    touch('2');
    // Neither the change, nor bookmarks, nor the end after timeoutSeconds=1 arrive.
    await expect(w.next(1_500)).rejects.toThrow('no watch event');
    const state = await Promise.race([w.ended, new Promise((resolve) => setTimeout(() => resolve('open'), 100))]);
    expect(state).toBe('open');
    w.close();
  });

  it('401: every request, discovery included, is Unauthorized until cleared', async () => {
    cluster.server.faults.setAuthFailure(401);
    for (const path of ['/api', '/api/v1/pods', '/version']) {
      const { status, body } = await getJson(cluster.server.url + path);
      expect(status).toBe(401);
      expect(body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    }
    cluster.server.faults.setAuthFailure(undefined);
    expect((await getJson(`${cluster.server.url}/api/v1/pods`)).status).toBe(200);
  });

  it.each([
    ['/api/v1/pods', 'pods is forbidden: User "system:serviceaccount:default:podtui" cannot list resource "pods" in API group "" at the cluster scope'],
    ['/api/v1/pods?watch=1', 'pods is forbidden: User "system:serviceaccount:default:podtui" cannot watch resource "pods" in API group "" at the cluster scope'],
    ['/api/v1/namespaces/demo/pods/web-7d4b9-abcde', 'pods "web-7d4b9-abcde" is forbidden: User "system:serviceaccount:default:podtui" cannot get resource "pods" in API group "" in the namespace "demo"'],
    ['/api/v1/namespaces/demo/pods/web-7d4b9-abcde/log', 'pods "web-7d4b9-abcde" is forbidden: User "system:serviceaccount:default:podtui" cannot get resource "pods/log" in API group "" in the namespace "demo"'],
    ['/apis/events.k8s.io/v1/events', 'events.events.k8s.io is forbidden: User "system:serviceaccount:default:podtui" cannot list resource "events" in API group "events.k8s.io" at the cluster scope'],
  ])('403 on %s says %s', async (path, message) => {
    cluster.server.faults.setAuthFailure(403);
    const { status, body } = await getJson(cluster.server.url + path);
    expect(status).toBe(403);
    expect(body).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403, message });
    expect((await getJson(`${cluster.server.url}/api/v1`)).status).toBe(200);
  });

  it('403 can forbid only cluster-wide requests, or only some resources', async () => {
    cluster.server.faults.setAuthFailure(403, { clusterWideOnly: true });
    expect((await getJson(`${cluster.server.url}/api/v1/pods`)).status).toBe(403);
    expect((await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods`)).status).toBe(200);
    cluster.server.faults.setAuthFailure(403, { resources: ['events.events.k8s.io'] });
    expect((await getJson(`${cluster.server.url}/apis/events.k8s.io/v1/events`)).status).toBe(403);
    expect((await getJson(`${cluster.server.url}/api/v1/events`)).status).toBe(200);
  });
});
