import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiServer } from '../../../src/sim/server/index.js';
import type { StoredObject } from '../../../src/sim/store.js';
import { kubeletEvent, startCluster, type Cluster } from './fixtures.js';
import { getJson, openWatch, take, type OpenWatch } from './http.js';

let cluster: Cluster & { server: ApiServer };
const watches: OpenWatch[] = [];
const watch = async (path: string) => {
  const w = await openWatch(cluster.server.url + path);
  watches.push(w);
  return w;
};
const setLabel = (name: string, key: string, value: string | undefined) =>
  cluster.emulator.store.update('pods', 'demo', name, (p) => {
    const labels = { ...(p.metadata.labels as Record<string, string>) };
    if (value === undefined) delete labels[key];
    else labels[key] = value;
    p.metadata.labels = labels;
  });
const summary = (lines: { type: string; object: StoredObject }[]) => lines.map((l) => `${l.type} ${l.object.metadata.name} ${l.object.metadata.resourceVersion}`);

beforeEach(async () => {
  cluster = await startCluster({ bookmarkIntervalMs: 50 });
});
afterEach(async () => {
  for (const w of watches.splice(0)) w.close();
  await cluster.server.close();
});

describe('WATCH', () => {
  it('without a resourceVersion starts with a synthetic ADDED per current object, then streams changes', async () => {
    const w = await watch('/api/v1/namespaces/demo/pods?watch=1');
    expect(w.status).toBe(200);
    const initial = await take(w, 4);
    expect(initial.map((l) => `${l.type} ${l.object.metadata.name}`)).toEqual([
      'ADDED crashloop-6f9c7-x2kqp',
      'ADDED pending-1a2b3-ppppp',
      'ADDED pulling-5c8d-qwert',
      'ADDED web-7d4b9-abcde',
    ]);
    expect(initial[0]!.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
    const updated = setLabel('web-7d4b9-abcde', 'version', '2');
    const [next] = await take(w, 1);
    expect(next).toMatchObject({ type: 'MODIFIED', object: { metadata: { name: 'web-7d4b9-abcde', resourceVersion: updated.metadata.resourceVersion, labels: { version: '2' } } } });
  });

  it('with resourceVersion=0 also starts from the current state', async () => {
    const w = await watch('/api/v1/namespaces/kube-system/pods?watch=true&resourceVersion=0');
    expect((await take(w, 1))[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'coredns-5d78c-zzzzz' } } });
  });

  it('resumes from a resourceVersion: replays what came after it, in order, then goes live', async () => {
    const { store } = cluster.emulator;
    const from = store.resourceVersion;
    const a = setLabel('web-7d4b9-abcde', 'step', 'a');
    const b = setLabel('crashloop-6f9c7-x2kqp', 'step', 'b');
    const w = await watch(`/api/v1/pods?watch=1&resourceVersion=${from}`);
    const c = setLabel('web-7d4b9-abcde', 'step', 'c');
    expect(summary((await take(w, 3)) as never)).toEqual([
      `MODIFIED web-7d4b9-abcde ${a.metadata.resourceVersion}`,
      `MODIFIED crashloop-6f9c7-x2kqp ${b.metadata.resourceVersion}`,
      `MODIFIED web-7d4b9-abcde ${c.metadata.resourceVersion}`,
    ]);
  });

  it('sends an object entering the label selector as ADDED and leaving it as DELETED with the old object at the new resourceVersion', async () => {
    const w = await watch(`/api/v1/pods?watch=1&labelSelector=tier=frontend&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    const left = setLabel('web-7d4b9-abcde', 'tier', 'backend');
    const entered = setLabel('crashloop-6f9c7-x2kqp', 'tier', 'frontend');
    setLabel('pending-1a2b3-ppppp', 'unrelated', 'x');
    const modified = setLabel('crashloop-6f9c7-x2kqp', 'version', '2');
    const lines = await take(w, 3);
    expect(summary(lines as never)).toEqual([
      `DELETED web-7d4b9-abcde ${left.metadata.resourceVersion}`,
      `ADDED crashloop-6f9c7-x2kqp ${entered.metadata.resourceVersion}`,
      `MODIFIED crashloop-6f9c7-x2kqp ${modified.metadata.resourceVersion}`,
    ]);
    // The DELETED carries the object as it was while it still matched.
    expect(lines[0]!.object.metadata.labels.tier).toBe('frontend');
  });

  it('narrows by field selector and namespace, and sends DELETED with the deletion resourceVersion', async () => {
    const { store } = cluster.emulator;
    const w = await watch(`/api/v1/namespaces/demo/pods?watch=1&fieldSelector=spec.nodeName=worker-1&resourceVersion=${store.resourceVersion}`);
    store.remove('pods', 'kube-system', 'coredns-5d78c-zzzzz');
    store.remove('pods', 'demo', 'pulling-5c8d-qwert');
    const removed = store.remove('pods', 'demo', 'web-7d4b9-abcde')!;
    const [line] = await take(w, 1);
    expect(line).toMatchObject({ type: 'DELETED', object: { metadata: { name: 'web-7d4b9-abcde', resourceVersion: removed.metadata.resourceVersion } } });
    expect(Number(removed.metadata.resourceVersion)).toBe(Number(store.resourceVersion));
  });

  it('watches one pod by name through the old /watch/ prefix', async () => {
    const w = await watch(`/api/v1/watch/namespaces/demo/pods/web-7d4b9-abcde?resourceVersion=${cluster.emulator.store.resourceVersion}`);
    setLabel('crashloop-6f9c7-x2kqp', 'x', '1');
    setLabel('web-7d4b9-abcde', 'x', '1');
    expect((await take(w, 1))[0]).toMatchObject({ type: 'MODIFIED', object: { metadata: { name: 'web-7d4b9-abcde' } } });
  });

  it('answers a resourceVersion older than the kept window with an ERROR 410 Expired event, then ends', async () => {
    const { store } = cluster.emulator;
    setLabel('web-7d4b9-abcde', 'x', '1');
    store.compact();
    const oldest = store.oldestResumableRV;
    const w = await watch('/api/v1/pods?watch=1&resourceVersion=2');
    const [line] = await take(w, 1);
    expect(line).toEqual({
      type: 'ERROR',
      object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: 2 (${oldest})`, reason: 'Expired', code: 410 },
    });
    expect(await w.ended).toBe('end');
  });

  it('expires resourceVersions that fell out of a small history window', async () => {
    const { store } = cluster.emulator;
    store.setHistoryLimit(3);
    const from = store.resourceVersion;
    for (let i = 0; i < 5; i++) setLabel('web-7d4b9-abcde', 'n', String(i));
    const w = await watch(`/api/v1/pods?watch=1&resourceVersion=${from}`);
    expect((await take(w, 1))[0]!.object).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('sends BOOKMARKs with the current resourceVersion when allowed, and none otherwise', async () => {
    const from = cluster.emulator.store.resourceVersion;
    const plain = await watch(`/api/v1/pods?watch=1&resourceVersion=${from}`);
    const w = await watch(`/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=${from}`);
    const [bookmark] = await take(w, 1);
    expect(bookmark).toEqual({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: from } } });
    const changed = setLabel('web-7d4b9-abcde', 'x', '1');
    const lines = await take(w, 2);
    expect(lines[0]!.type).toBe('MODIFIED');
    expect(lines[1]).toEqual({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: changed.metadata.resourceVersion } } });
    expect((await plain.next()).type).toBe('MODIFIED');
    await expect(plain.next(200)).rejects.toThrow('no watch event');
  });

  it('ends the stream after timeoutSeconds', async () => {
    const started = Date.now();
    const w = await watch(`/api/v1/pods?watch=1&timeoutSeconds=1&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    expect(await w.ended).toBe('end');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('converts events on the fly for events.k8s.io/v1 watchers, with their field selectors', async () => {
    const { store } = cluster.emulator;
    const w = await watch(`/apis/events.k8s.io/v1/events?watch=1&fieldSelector=regarding.name=web-7d4b9-abcde&resourceVersion=${store.resourceVersion}`);
    store.create('events', kubeletEvent(cluster.crash, 'Pulled', 'Container image "registry.example/app:1.0" already present on machine') as never);
    store.create('events', kubeletEvent(cluster.web, 'Killing', 'Stopping container app') as never);
    const [line] = await take(w, 1);
    expect(line).toMatchObject({
      type: 'ADDED',
      object: { apiVersion: 'events.k8s.io/v1', kind: 'Event', reason: 'Killing', note: 'Stopping container app', regarding: { name: 'web-7d4b9-abcde' }, deprecatedCount: 1 },
    });
  });

  it('ends open watches promptly when the server closes', async () => {
    const w = await watch('/api/v1/pods?watch=1');
    await take(w, 5);
    const started = Date.now();
    await cluster.server.close();
    expect(await w.ended).not.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
    cluster = await startCluster();
  });

  it('refuses a resourceVersion the store never reached with 504 Timeout, as the watch cache does', async () => {
    const current = cluster.emulator.store.resourceVersion;
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/pods?watch=1&resourceVersion=100000`);
    expect(status).toBe(504);
    expect(body).toMatchObject({
      kind: 'Status',
      reason: 'Timeout',
      code: 504,
      message: `Timeout: Too large resource version: 100000, current: ${current}`,
      details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 },
    });
  });

  it('refuses an unparseable resourceVersion', async () => {
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/pods?watch=1&resourceVersion=abc`);
    expect(status).toBe(400);
    expect(body.reason).toBe('BadRequest');
  });
});
