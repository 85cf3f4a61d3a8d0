import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiServer } from '../../../src/sim/server/index.js';
import { startCluster, type Cluster } from './fixtures.js';
import { getJson, openWatch, postJson, take } from './http.js';

let cluster: Cluster & { server: ApiServer };

beforeEach(async () => {
  cluster = await startCluster();
});
afterEach(async () => {
  await cluster.server.close();
});

const newPod = (metadata: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
});

describe('GET one object', () => {
  it('returns the pod with kind and apiVersion', async () => {
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods/web-7d4b9-abcde`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'web-7d4b9-abcde', uid: cluster.web.metadata.uid } });
  });

  it('answers a missing pod with the API server NotFound Status', async () => {
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods/nope`);
    expect(status).toBe(404);
    expect(body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'pods' },
      code: 404,
    });
  });

  it.each([
    ['GET', '/api/v1/deployments'],
    ['GET', '/api/v1/namespaces/demo/configmaps'],
    ['GET', '/apis/apps/v1/deployments'],
    ['GET', '/api/v1/pods/web-7d4b9-abcde'],
    ['GET', '/api/v1/namespaces/demo/pods/web-7d4b9-abcde/exec'],
    ['GET', '/nothing/here'],
  ])('%s %s is 404 NotFound', async (method, path) => {
    const { status, body } = await getJson(cluster.server.url + path, { method });
    expect(status).toBe(404);
    expect(body).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' });
  });

  it.each([
    ['PUT', '/api/v1/namespaces/demo/pods/web-7d4b9-abcde'],
    ['PATCH', '/api/v1/namespaces/demo/pods/web-7d4b9-abcde'],
    ['POST', '/api/v1/pods'],
    ['DELETE', '/api/v1/namespaces/demo/pods'],
    ['DELETE', '/api/v1/namespaces/demo'],
    ['POST', '/api/v1/namespaces/demo/pods/web-7d4b9-abcde/log'],
  ])('%s %s is 405 MethodNotAllowed', async (method, path) => {
    const { status, body } = await getJson(cluster.server.url + path, { method, body: method === 'GET' ? undefined : '{}' });
    expect(status).toBe(405);
    expect(body).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 });
  });
});

describe('POST a pod', () => {
  it('creates it with uid, creationTimestamp, the API defaults and phase Pending, and watchers see it', async () => {
    const w = await openWatch(`${cluster.server.url}/api/v1/namespaces/demo/pods?watch=1&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    const { status, body } = await postJson(`${cluster.server.url}/api/v1/namespaces/demo/pods`, newPod({ name: 'nginx' }));
    expect(status).toBe(201);
    expect(body).toMatchObject({
      kind: 'Pod',
      metadata: { name: 'nginx', namespace: 'demo', creationTimestamp: '2026-11-25T10:00:00Z' },
      spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' },
      status: { phase: 'Pending' },
    });
    expect(body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await take(w, 1))[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'nginx', resourceVersion: body.metadata.resourceVersion } } });
    w.close();
  });

  it('fills in a name from generateName', async () => {
    const { status, body } = await postJson(`${cluster.server.url}/api/v1/namespaces/demo/pods`, newPod({ generateName: 'batch-' }));
    expect(status).toBe(201);
    expect(body.metadata.name).toMatch(/^batch-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(cluster.emulator.store.get('pods', 'demo', body.metadata.name)).toBeDefined();
  });

  it.each([
    ['an existing name', newPod({ name: 'web-7d4b9-abcde' }), 409, 'AlreadyExists', 'pods "web-7d4b9-abcde" already exists'],
    ['no name', newPod({}), 422, 'Invalid', 'Pod "" is invalid: metadata.name: Required value: name or generateName is required'],
    ['no containers', { metadata: { name: 'empty' }, spec: { containers: [] } }, 422, 'Invalid', 'Pod "empty" is invalid: spec.containers: Required value'],
    ['another kind', { ...newPod({ name: 'x' }), kind: 'Service' }, 400, 'BadRequest', 'the object provided is unrecognized (must be of type Pod)'],
    ['another API version', { ...newPod({ name: 'x' }), apiVersion: 'v2' }, 400, 'BadRequest', 'the API version in the data (v2) does not match the expected API version (v1)'],
    ['another namespace in the body', newPod({ name: 'x', namespace: 'kube-system' }), 400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request'],
  ])('refuses %s', async (_name, pod, code, reason, message) => {
    const { status, body } = await postJson(`${cluster.server.url}/api/v1/namespaces/demo/pods`, pod);
    expect(status).toBe(code);
    expect(body).toMatchObject({ kind: 'Status', code, reason, message });
  });

  it('refuses a pod in a namespace that does not exist', async () => {
    const { status, body } = await postJson(`${cluster.server.url}/api/v1/namespaces/nowhere/pods`, newPod({ name: 'x' }));
    expect(status).toBe(404);
    expect(body.message).toBe('namespaces "nowhere" not found');
  });

  it('refuses a body that is not JSON', async () => {
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods`, { method: 'POST', body: '{nope' });
    expect(status).toBe(400);
    expect(body.reason).toBe('BadRequest');
  });
});

describe('POST an event', () => {
  const regarding = { kind: 'Pod', namespace: 'demo', name: 'web-7d4b9-abcde', apiVersion: 'v1' };

  it('stores an events.k8s.io/v1 Event once, in core/v1 shape', async () => {
    const { status, body } = await postJson(`${cluster.server.url}/apis/events.k8s.io/v1/namespaces/demo/events`, {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.preempted' },
      regarding,
      reason: 'Preempted',
      note: 'Preempted by pod 1234',
      type: 'Normal',
      action: 'Preempting',
      eventTime: '2026-11-25T10:00:05.000000Z',
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-cp',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: 'Preempted by pod 1234', regarding });
    const stored = cluster.emulator.store.get('events', 'demo', 'web.preempted')!;
    expect(stored).toMatchObject({ involvedObject: regarding, message: 'Preempted by pod 1234', reportingComponent: 'default-scheduler', firstTimestamp: null, eventTime: '2026-11-25T10:00:05.000000Z' });
    expect(stored).not.toHaveProperty('note');
    const core = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/events/web.preempted`);
    expect(core.body).toMatchObject({ kind: 'Event', apiVersion: 'v1', message: 'Preempted by pod 1234' });
  });

  it('creates a core/v1 Event', async () => {
    const { status } = await postJson(`${cluster.server.url}/api/v1/namespaces/demo/events`, {
      metadata: { generateName: 'web.' },
      involvedObject: regarding,
      reason: 'Pulled',
      message: 'Container image "nginx:1.27" already present on machine',
      type: 'Normal',
      source: { component: 'kubelet', host: 'worker-1' },
      count: 1,
    });
    expect(status).toBe(201);
    const { body } = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/events?fieldSelector=reason=Pulled`);
    expect(body.items).toHaveLength(1);
  });

  it('refuses an event about nothing', async () => {
    const { status, body } = await postJson(`${cluster.server.url}/api/v1/namespaces/demo/events`, { metadata: { name: 'x' }, reason: 'Nothing' });
    expect(status).toBe(422);
    expect(body.message).toBe('Event "x" is invalid: involvedObject: Required value');
  });
});

describe('DELETE a pod', () => {
  it('with the default grace period sets deletionTimestamp to its end and leaves removal to the kubelet', async () => {
    const { store } = cluster.emulator;
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods/web-7d4b9-abcde`, { method: 'DELETE' });
    expect(status).toBe(200);
    expect(body.metadata).toMatchObject({ deletionTimestamp: '2026-11-25T10:00:30Z', deletionGracePeriodSeconds: 30 });
    expect(store.get('pods', 'demo', 'web-7d4b9-abcde')?.metadata.deletionTimestamp).toBe('2026-11-25T10:00:30Z');
    cluster.clock.advance(29_000);
    expect(store.get('pods', 'demo', 'web-7d4b9-abcde')).toBeDefined();
    cluster.clock.advance(1_000);
    expect(store.get('pods', 'demo', 'web-7d4b9-abcde')).toBeUndefined();
  });

  it.each([
    ['query', '?gracePeriodSeconds=5', undefined],
    ['DeleteOptions body', '', JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 5 })],
  ])('takes the grace period from the %s', async (_name, query, body) => {
    const res = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods/crashloop-6f9c7-x2kqp${query}`, { method: 'DELETE', ...(body && { body }) });
    expect(res.body.metadata).toMatchObject({ deletionTimestamp: '2026-11-25T10:00:05Z', deletionGracePeriodSeconds: 5 });
    cluster.clock.advance(5_000);
    expect(cluster.emulator.store.get('pods', 'demo', 'crashloop-6f9c7-x2kqp')).toBeUndefined();
  });

  it('removes at once with gracePeriodSeconds=0, and watchers get DELETED', async () => {
    const w = await openWatch(`${cluster.server.url}/api/v1/pods?watch=1&resourceVersion=${cluster.emulator.store.resourceVersion}`);
    const { status } = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods/web-7d4b9-abcde?gracePeriodSeconds=0`, { method: 'DELETE' });
    expect(status).toBe(200);
    expect(cluster.emulator.store.get('pods', 'demo', 'web-7d4b9-abcde')).toBeUndefined();
    expect((await take(w, 1))[0]).toMatchObject({ type: 'DELETED', object: { metadata: { name: 'web-7d4b9-abcde' } } });
    w.close();
  });

  it('removes a pod that never reached a node at once, whatever the grace period', async () => {
    await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods/pending-1a2b3-ppppp?gracePeriodSeconds=60`, { method: 'DELETE' });
    expect(cluster.emulator.store.get('pods', 'demo', 'pending-1a2b3-ppppp')).toBeUndefined();
  });

  it('lets a second, shorter delete hurry a terminating pod but not a longer one', async () => {
    const url = `${cluster.server.url}/api/v1/namespaces/demo/pods/web-7d4b9-abcde`;
    await getJson(`${url}?gracePeriodSeconds=20`, { method: 'DELETE' });
    const longer = await getJson(`${url}?gracePeriodSeconds=60`, { method: 'DELETE' });
    expect(longer.body.metadata.deletionGracePeriodSeconds).toBe(20);
    const shorter = await getJson(`${url}?gracePeriodSeconds=3`, { method: 'DELETE' });
    expect(shorter.body.metadata).toMatchObject({ deletionGracePeriodSeconds: 3, deletionTimestamp: '2026-11-25T10:00:03Z' });
  });

  it('answers 404 for a pod that is not there', async () => {
    const { status, body } = await getJson(`${cluster.server.url}/api/v1/namespaces/demo/pods/nope`, { method: 'DELETE' });
    expect(status).toBe(404);
    expect(body.message).toBe('pods "nope" not found');
  });
});
