// The watch loop against a stub API server whose faults the test triggers one
// at a time: each case breaks the server in one way and checks that the
// client's observations stay exactly true.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectCluster, type ClusterConnection, type ConnectOptions } from '../../src/kube/cluster.js';
import { loadClusterConfig } from '../../src/kube/kubeconfig.js';
import { Observer } from './observer.js';
import { StubApiServer, stubEvent, stubPod } from './stubApiServer.js';

let stub: StubApiServer;
let connection: ClusterConnection | undefined;
let observer: Observer;

beforeEach(async () => {
  stub = await new StubApiServer(50).start();
  observer = new Observer();
});
afterEach(async () => {
  connection?.stop();
  connection = undefined;
  await stub.close();
});

const fast: ConnectOptions = { idleMs: 400, backoff: { initialMs: 20, maxMs: 200 }, random: () => 0.5 };

function connect(options: ConnectOptions = {}, scope: { namespace?: string; allNamespaces?: boolean } = {}) {
  const config = loadClusterConfig({ kubeconfig: stub.writeKubeconfig(scope.namespace ?? 'default'), allNamespaces: scope.allNamespaces ?? false });
  connection = connectCluster(config, { ...fast, ...options });
  connection.start(observer.handle);
}

const live = (stream = 'pods') => () => observer.lastState(stream)?.phase === 'live';
const serverPods = () => new Map(stub.list('pods').map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p.metadata.resourceVersion!]));
const inSync = () => {
  const mine = observer.pods();
  const theirs = serverPods();
  return mine.size === theirs.size && [...theirs].every(([k, rv]) => mine.get(k) === rv);
};

describe('list then watch', () => {
  it('lists in pages, reports Synced once, then goes live', async () => {
    for (let i = 0; i < 5; i++) stub.put('pods', stubPod(`web-${i}`));
    connect({ pageSize: 2 });
    await observer.waitFor(live(), 'live');
    const lists = stub.requests.filter((r) => r.path === '/api/v1/namespaces/default/pods' && !r.query.has('watch'));
    expect(lists.map((r) => [r.query.get('limit'), r.query.get('continue')])).toEqual([
      ['2', null],
      ['2', '2'],
      ['2', '4'],
    ]);
    expect(observer.of('PodObserved').map((o) => o.pod.metadata.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);
    expect(observer.of('Synced').filter((o) => o.stream === 'pods')).toHaveLength(1);
    const watch = stub.watchRequests()[0]!;
    expect(watch.query.get('resourceVersion')).toBe(String(stub.resourceVersion));
    expect(watch.query.get('allowWatchBookmarks')).toBe('true');
    expect(Number(watch.query.get('timeoutSeconds'))).toBeGreaterThanOrEqual(300);
  });

  it('delivers slimmed, sanitized pods and follows ADDED, MODIFIED, DELETED in order', async () => {
    connect();
    await observer.waitFor(live(), 'live');
    stub.put('pods', stubPod('api-\u001b[31mred'));
    stub.put('pods', stubPod('api-\u001b[31mred', 'default', 'Failed'));
    stub.remove('pods', 'default', 'api-\u001b[31mred');
    await observer.waitFor(() => observer.of('PodDeleted').length === 1, 'delete');
    const pods = observer.observations.filter((o) => o.kind === 'PodObserved' || o.kind === 'PodDeleted');
    expect(pods.map((o) => [o.kind, o.pod.metadata.name, o.pod.status.phase])).toEqual([
      ['PodObserved', 'api-red', 'Running'],
      ['PodObserved', 'api-red', 'Failed'],
      ['PodDeleted', 'api-red', 'Failed'],
    ]);
    const first = observer.of('PodObserved')[0]!.pod;
    expect(first.metadata).not.toHaveProperty('managedFields');
    expect(first.spec.containers[0]).not.toHaveProperty('env');
  });

  it('sanitizes listed pods too, page by page, and leaves plain text as served', async () => {
    stub.put('pods', stubPod('web-0', 'default', 'Running', { status: { phase: 'Running', message: 'plain café 🚀' } }));
    stub.put('pods', stubPod('web-1\u009b2J', 'default', 'Failed', { status: { phase: 'Failed', message: 'OOMKilled\n\u001b]0;pwned\u0007' } }));
    stub.put('pods', stubPod('web-2\u202e', 'default', 'Pending'));
    stub.put('pods', stubPod('web-3', 'default', 'Pending', { spec: { containers: [{ name: 'app', image: 'nginx:1.27', args: ['--tab=\t'] }] } }));
    connect({ pageSize: 1 });
    await observer.waitFor(live(), 'live');
    const pods = observer.of('PodObserved').map((o) => o.pod);
    expect(pods.map((p) => [p.metadata.name, p.status.phase, p.status.message])).toEqual([
      ['web-0', 'Running', 'plain café 🚀'],
      ['web-1', 'Failed', 'OOMKilled'],
      ['web-2', 'Pending', undefined],
      ['web-3', 'Pending', undefined],
    ]);
    // "--tab=" is six columns wide: the tab reaches the stop at eight.
    expect(pods[3]!.spec.containers[0]!.args).toEqual(['--tab=  ']);
  });

  it('passes the label and field selectors to LIST and WATCH', async () => {
    connect({ labelSelector: 'app=web', fieldSelector: 'spec.nodeName=worker-1' });
    await observer.waitFor(live(), 'live');
    for (const r of stub.requests.filter((r) => r.path.endsWith('/pods'))) {
      expect([r.query.get('labelSelector'), r.query.get('fieldSelector')]).toEqual(['app=web', 'spec.nodeName=worker-1']);
    }
    const eventRequests = stub.requests.filter((r) => r.path.endsWith('/events'));
    expect(new Set(eventRequests.map((r) => r.query.get('fieldSelector')))).toEqual(new Set(['involvedObject.kind=Pod', 'regarding.kind=Pod']));
  });
});

describe('lifecycle', () => {
  it('reports connecting, then live, per stream', async () => {
    connect();
    await observer.waitFor(() => live()() && live('events')() && live('events.k8s.io')(), 'all live');
    for (const stream of ['pods', 'events', 'events.k8s.io']) {
      expect(observer.states(stream).map((s) => s.phase)).toEqual(['connecting', 'live']);
    }
  });

  it('stop() closes every stream, cancels retries and emits nothing more', async () => {
    connect();
    await observer.waitFor(() => stub.openWatches === 3, 'three watches');
    stub.override = () => ({ status: 500 }); // the next attempt would fail and schedule a retry
    stub.cutWatches();
    await observer.waitFor(() => observer.lastState('pods')?.phase === 'reconnecting', 'reconnecting');
    connection!.stop();
    const count = observer.observations.length;
    const requests = stub.requests.length;
    stub.override = undefined;
    stub.put('pods', stubPod('after-stop'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(observer.observations.length).toBe(count);
    expect(stub.requests.length).toBe(requests);
    expect(stub.openWatches).toBe(0);
  });
});

describe('faults', () => {
  it('a stream cut mid-line resumes from the last resourceVersion: nothing lost, nothing repeated', async () => {
    stub.put('pods', stubPod('a'));
    connect();
    await observer.waitFor(live(), 'live');
    stub.put('pods', stubPod('b'));
    await observer.waitFor(() => observer.pods().has('default/b'), 'b');
    const watchesBefore = stub.watchRequests().length;
    stub.cutWatches();
    stub.put('pods', stubPod('a', 'default', 'Succeeded')); // while nobody watches
    await observer.waitFor(inSync, 'resync');
    expect(stub.watchRequests().length).toBeGreaterThan(watchesBefore);
    const rvs = observer.of('PodObserved').map((o) => o.pod.metadata.resourceVersion);
    expect(new Set(rvs).size).toBe(rvs.length);
    expect(observer.of('Synced').filter((o) => o.stream === 'pods')).toHaveLength(1); // no relist needed
  });

  it('410 Expired relists and reconciles: delete the vanished, update the changed, nothing for the unchanged', async () => {
    for (const name of ['keep', 'change', 'vanish']) stub.put('pods', stubPod(name));
    connect();
    await observer.waitFor(live(), 'live');
    stub.cutWatches();
    stub.remove('pods', 'default', 'vanish');
    stub.put('pods', stubPod('change', 'default', 'Failed'));
    stub.put('pods', stubPod('new'));
    stub.compact(); // the client's RV is now too old
    const mark = observer.observations.length;
    await observer.waitFor(() => observer.of('Synced').filter((o) => o.stream === 'pods').length === 2, 'second Synced');
    const after = observer.since(mark).flatMap((o) => {
      if (o.kind === 'PodObserved' || o.kind === 'PodDeleted') return [[o.kind, o.pod.metadata.name]];
      return o.kind === 'Synced' && o.stream === 'pods' ? [['Synced']] : [];
    });
    expect(after).toEqual([
      ['PodObserved', 'change'],
      ['PodObserved', 'new'],
      ['PodDeleted', 'vanish'],
      ['Synced'],
    ]);
    expect(inSync()).toBe(true);
  });

  it('an ERROR 410 event inside the stream relists too', async () => {
    stub.put('pods', stubPod('a'));
    connect();
    await observer.waitFor(live(), 'live');
    stub.expireWatches();
    await observer.waitFor(() => observer.of('Synced').filter((o) => o.stream === 'pods').length === 2, 'relist');
    expect(observer.of('PodObserved')).toHaveLength(1); // unchanged pod not repeated
  });

  it('an HTTP 410 answering the WATCH request relists too', async () => {
    stub.put('pods', stubPod('a'));
    let gone = true;
    stub.override = (r) => {
      if (gone && r.query.get('watch') === '1' && r.path.endsWith('/pods')) {
        gone = false;
        return { status: 410, body: { kind: 'Status', code: 410, reason: 'Gone', message: 'too old resource version: 101 (130)' } };
      }
      return undefined;
    };
    connect();
    await observer.waitFor(() => observer.of('Synced').filter((o) => o.stream === 'pods').length === 2 && live()(), 'relist, then live');
    expect(observer.states('pods').map((s) => s.phase)).toEqual(['connecting', 'live']); // a relist is not an outage
  });

  it('a 504 Too large resource version (the server went back in time: restarted, restored) relists instead of retrying the same version', async () => {
    stub.put('pods', stubPod('a'));
    let tooLarge = true;
    stub.override = (r) => {
      if (tooLarge && r.query.get('watch') === '1' && r.path.endsWith('/pods')) {
        tooLarge = false;
        const message = `Timeout: Too large resource version: ${r.query.get('resourceVersion')}, current: 7`;
        return { status: 504, body: { kind: 'Status', code: 504, reason: 'Timeout', message, details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }] } } };
      }
      return undefined;
    };
    connect();
    await observer.waitFor(() => observer.of('Synced').filter((o) => o.stream === 'pods').length === 2 && live()(), 'relist, then live');
    expect(observer.states('pods').map((s) => s.phase)).toEqual(['connecting', 'live']);
  });

  it('a 410 on a continue token starts the list over', async () => {
    for (let i = 0; i < 4; i++) stub.put('pods', stubPod(`p-${i}`));
    let expiredOnce = false;
    stub.override = (r) => {
      if (r.path.endsWith('/pods') && r.query.get('continue') && !expiredOnce) {
        expiredOnce = true;
        return { status: 410, body: { kind: 'Status', code: 410, reason: 'Expired', message: 'The provided continue parameter is too old' } };
      }
      return undefined;
    };
    connect({ pageSize: 2 });
    await observer.waitFor(live(), 'live');
    const lists = stub.requests.filter((r) => r.path.endsWith('/pods') && !r.query.has('watch'));
    expect(lists.map((r) => r.query.get('continue'))).toEqual([null, '2', null, '2']);
    expect(observer.of('PodObserved').map((o) => o.pod.metadata.name)).toEqual(['p-0', 'p-1', 'p-2', 'p-3']);
    expect(observer.of('PodDeleted')).toEqual([]);
  });

  it('a server that vanishes right after a busy stream is retried with back-off, not in a tight loop', async () => {
    connect({ backoff: { initialMs: 50, maxMs: 200 } });
    await observer.waitFor(live(), 'live');
    stub.put('pods', stubPod('busy'));
    await observer.waitFor(() => observer.pods().has('default/busy'), 'a delivery');
    stub.override = () => ({ status: 0 });
    const before = stub.requests.length;
    stub.cutWatches();
    await new Promise((resolve) => setTimeout(resolve, 600));
    // Three streams, each at most ~1 immediate resume plus back-off 50, 100, 200, 200… ms.
    expect(stub.requests.length - before).toBeLessThan(25);
    expect(observer.lastState('pods')).toMatchObject({ phase: 'reconnecting' });
  });

  it('a malformed line is reported and skipped; the watch carries on', async () => {
    connect();
    await observer.waitFor(live(), 'live');
    stub.garbleWatches();
    await observer.waitFor(() => /skipped 1 malformed watch line/.test(observer.lastState('pods')?.detail ?? ''), 'report');
    stub.put('pods', stubPod('after-garbage'));
    await observer.waitFor(inSync, 'pod after garbage');
  });

  it('a silent stream is presumed dead after the idle limit and replaced', async () => {
    connect({ idleMs: 300 });
    await observer.waitFor(live(), 'live');
    const before = stub.watchRequests().length;
    stub.pauseBookmarks(true);
    await observer.waitFor(() => stub.watchRequests().length > before, 'a new watch', 3_000);
    stub.pauseBookmarks(false);
    stub.put('pods', stubPod('later'));
    await observer.waitFor(inSync, 'pod after replacement');
  });

  it('learns the bookmark rhythm and replaces a silent stream after 2.5 gaps, not the 2-minute default', async () => {
    connect({ idleMs: undefined, minIdleMs: 100 }); // stub bookmarks every 50 ms
    await observer.waitFor(live(), 'live');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few bookmarks to time
    const before = stub.watchRequests().length;
    stub.pauseBookmarks(true);
    const silentAt = Date.now();
    await observer.waitFor(() => stub.watchRequests().length > before, 'a new watch', 3_000);
    expect(Date.now() - silentAt).toBeLessThan(2_000);
  });

  it.each([
    [401, 'unauthorized', 'Unauthorized'],
    [403, 'forbidden', 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"'],
  ] as const)('%i reaches the state as %s and the watch resumes once allowed', async (status, phase, message) => {
    let denied = true;
    stub.override = (r) => (denied && r.path.endsWith('/pods') ? { status, body: { kind: 'Status', code: status, reason: phase === 'unauthorized' ? 'Unauthorized' : 'Forbidden', message } } : undefined);
    stub.put('pods', stubPod('a'));
    connect();
    await observer.waitFor(() => observer.lastState('pods')?.phase === phase, phase);
    const state = observer.lastState('pods')!;
    expect(state.detail).toBe(message);
    expect(state.nextAttemptAt).toBeGreaterThan(state.since - 1);
    denied = false;
    await observer.waitFor(live(), 'live again');
    await observer.waitFor(inSync, 'pods after recovery');
  });

  it.each([
    ['a bad selector (400)', 'pods', 400, 'unable to parse requirement: found \'=\', expected: identifier', 'error', "unable to parse requirement: found '=', expected: identifier (HTTP 400)"],
    ['an overloaded server (503)', 'pods', 503, 'the server is currently unable to handle the request', 'reconnecting', 'the server is currently unable to handle the request'],
    ['an old server without events.k8s.io (404)', 'events.k8s.io', 404, 'the server could not find the requested resource', 'error', 'the server could not find the requested resource (HTTP 404); using core/v1 events only'],
  ] as const)('%s shows as %s with the server reason', async (_name, stream, status, message, phase, detail) => {
    const path = stream === 'pods' ? '/api/v1/namespaces/default/pods' : '/apis/events.k8s.io/v1/namespaces/default/events';
    stub.override = (r) => (r.path === path ? { status, body: { kind: 'Status', code: status, message } } : undefined);
    connect();
    await observer.waitFor(() => observer.lastState(stream)?.phase === phase, phase);
    expect(observer.lastState(stream)!.detail).toBe(detail);
    expect(observer.lastState(stream)!.nextAttemptAt).toBeDefined();
  });

  it('429 honours Retry-After', async () => {
    let throttled = true;
    stub.override = (r) => (throttled && r.path.endsWith('/pods') ? { status: 429, headers: { 'retry-after': '1' }, body: { kind: 'Status', code: 429, reason: 'TooManyRequests', message: 'Too many requests, please try again later.' } } : undefined);
    connect();
    await observer.waitFor(() => observer.lastState('pods')?.phase === 'reconnecting', 'reconnecting');
    const state = observer.lastState('pods')!;
    expect(state.nextAttemptAt! - state.since).toBeGreaterThanOrEqual(1000);
    const triedAt = stub.requests.filter((r) => r.path.endsWith('/pods')).length;
    throttled = false;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stub.requests.filter((r) => r.path.endsWith('/pods')).length).toBe(triedAt); // still waiting
    await observer.waitFor(live(), 'live after Retry-After');
  });

  it('a cluster-wide list forbidden falls back to the context namespace and says so', async () => {
    stub.override = (r) =>
      r.path.startsWith('/api/v1/pods')
        ? { status: 403, body: { kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope' } }
        : undefined;
    stub.put('pods', stubPod('mine', 'team-a'));
    stub.put('pods', stubPod('theirs', 'team-b'));
    connect({}, { namespace: 'team-a', allNamespaces: true });
    await observer.waitFor(live(), 'live');
    const phases = observer.states('pods').map((s) => [s.phase, s.detail]);
    expect(phases).toContainEqual(['forbidden', 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope']);
    expect(observer.lastState('pods')!.detail).toBe('cluster-wide list of pods forbidden; showing namespace "team-a" only');
    expect([...observer.pods().keys()]).toEqual(['team-a/mine']);
  });
});

describe('events', () => {
  it('an event served by both APIs is observed once per version', async () => {
    stub.put('events', stubEvent('a.1', 'a', 'Scheduled'));
    connect();
    await observer.waitFor(() => live('events')() && live('events.k8s.io')(), 'both event streams live');
    stub.put('events', stubEvent('a.2', 'a', 'Pulled'));
    stub.put('events', { ...stubEvent('a.2', 'a', 'Pulled'), count: 2 });
    stub.remove('events', 'default', 'a.1');
    await observer.waitFor(() => observer.of('EventDeleted').length === 1, 'delete');
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the slower stream's echoes arrive
    expect(observer.of('EventObserved').map((o) => [o.event.metadata.name, o.event.count])).toEqual([
      ['a.1', 1],
      ['a.2', 1],
      ['a.2', 2],
    ]);
    expect(observer.of('EventDeleted')).toHaveLength(1);
    expect(observer.of('EventObserved')[0]!.event.message).toBe('Scheduled for a');
  });

  it('when RBAC forbids events.k8s.io, core/v1 carries on and the state says so', async () => {
    stub.override = (r) => (r.path.startsWith('/apis/events.k8s.io') ? { status: 403, body: { kind: 'Status', code: 403, reason: 'Forbidden', message: 'events.events.k8s.io is forbidden: User "jane" cannot list resource "events" in API group "events.k8s.io" in the namespace "default"' } } : undefined);
    connect();
    await observer.waitFor(() => live('events')() && observer.lastState('events.k8s.io')?.phase === 'forbidden', 'states');
    expect(observer.lastState('events.k8s.io')!.detail).toMatch(/cannot list resource "events" in API group "events.k8s.io".*; using core\/v1 events only$/);
    stub.put('events', stubEvent('b.1', 'b', 'Started'));
    await observer.waitFor(() => observer.of('EventObserved').length === 1, 'event via core/v1');
  });
});
