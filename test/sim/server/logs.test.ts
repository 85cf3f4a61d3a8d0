import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/model/types.js';
import type { ApiServer } from '../../../src/sim/server/index.js';
import { rfc3339Nano } from '../../../src/sim/server/podLogs.js';
import { startCluster, type Cluster } from './fixtures.js';

let cluster: Cluster & { server: ApiServer };
const logUrl = (pod: string, query = '') => `${cluster.server.url}/api/v1/namespaces/demo/pods/${pod}/log${query}`;
const updatePod = (name: string, mutate: (pod: Pod) => void) =>
  cluster.emulator.store.update('pods', 'demo', name, (p) => mutate(p as unknown as Pod));
const text = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

beforeEach(async () => {
  cluster = await startCluster();
});
afterEach(async () => {
  await cluster.server.close();
});

describe('pod logs', () => {
  it.each([
    ['', 'GET /healthz 200 (1)\nGET /healthz 200 (2)\nGET /healthz 200 (3)\nGET /healthz 200 (4)\nGET /healthz 200 (5)\n'],
    ['?tailLines=2', 'GET /healthz 200 (4)\nGET /healthz 200 (5)\n'],
    ['?tailLines=0', ''],
    ['?limitBytes=25', 'GET /healthz 200 (1)\nGET '],
    ['?container=app&tailLines=1&timestamps=true', '2026-11-25T10:00:05Z GET /healthz 200 (5)\n'],
    ['?sinceTime=2026-11-25T10:00:04Z', 'GET /healthz 200 (4)\nGET /healthz 200 (5)\n'],
  ])('serves the current instance%s as text/plain', async (query, expected) => {
    const res = await text(logUrl('web-7d4b9-abcde', query));
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    expect(res.body).toBe(expected);
  });

  it('serves sinceSeconds against the emulated clock', async () => {
    cluster.clock.advance(10_000);
    expect((await text(logUrl('web-7d4b9-abcde', '?sinceSeconds=6'))).body).toBe('GET /healthz 200 (4)\nGET /healthz 200 (5)\n');
  });

  it('serves the last instance of a container waiting in CrashLoopBackOff, and the one before with previous=true', async () => {
    expect((await text(logUrl('crashloop-6f9c7-x2kqp'))).body).toBe('starting\npanic: connection refused\n');
    expect((await text(logUrl('crashloop-6f9c7-x2kqp', '?previous=true'))).body).toBe('first instance: panic: boom\n');
  });

  it('formats timestamps as Go RFC3339Nano', () => {
    expect(rfc3339Nano(Date.parse('2026-11-25T10:00:00.500Z'))).toBe('2026-11-25T10:00:00.5Z');
    expect(rfc3339Nano(Date.parse('2026-11-25T10:00:00.123Z'))).toBe('2026-11-25T10:00:00.123Z');
    expect(rfc3339Nano(Date.parse('2026-11-25T10:00:00Z'))).toBe('2026-11-25T10:00:00Z');
  });

  it.each([
    ['web-7d4b9-abcde', '?previous=true', 400, 'previous terminated container "app" in pod "web-7d4b9-abcde" not found'],
    ['pulling-5c8d-qwert', '', 400, 'a container name must be specified for pod pulling-5c8d-qwert, choose one of: [app sidecar]'],
    ['pulling-5c8d-qwert', '?container=sidecar', 400, 'container "sidecar" in pod "pulling-5c8d-qwert" is waiting to start: ContainerCreating'],
    ['pulling-5c8d-qwert', '?container=db', 400, 'container db is not valid for pod pulling-5c8d-qwert'],
    ['pending-1a2b3-ppppp', '', 400, 'pod pending-1a2b3-ppppp does not have a host assigned'],
    ['nope', '', 404, 'pods "nope" not found'],
    ['web-7d4b9-abcde', '?tailLines=-1', 400, 'tailLines: Invalid value: "-1": must be greater than or equal to 0'],
  ])('%s%s → %i %s', async (pod, query, code, message) => {
    const res = await text(logUrl(pod, query));
    expect(res.status).toBe(code);
    expect(JSON.parse(res.body)).toMatchObject({ kind: 'Status', code, message });
  });

  it('names the init containers too when the choice is ambiguous', async () => {
    updatePod('pulling-5c8d-qwert', (p) => {
      p.spec.initContainers = [{ name: 'migrate' }];
    });
    const res = await text(logUrl('pulling-5c8d-qwert'));
    expect(JSON.parse(res.body).message).toBe('a container name must be specified for pod pulling-5c8d-qwert, choose one of: [app sidecar] or one of the init containers: [migrate]');
  });

  it('uses the waiting reason of a container still initializing', async () => {
    updatePod('pulling-5c8d-qwert', (p) => {
      p.status.containerStatuses![0]!.state = { waiting: { reason: 'PodInitializing' } };
    });
    const res = await text(logUrl('pulling-5c8d-qwert', '?container=app'));
    expect(JSON.parse(res.body).message).toBe('container "app" in pod "pulling-5c8d-qwert" is waiting to start: PodInitializing');
  });

  it('follows new lines until the container stops', async () => {
    const { logs } = cluster.emulator;
    const res = await fetch(logUrl('web-7d4b9-abcde', '?follow=true&tailLines=1'));
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const read = async () => decoder.decode((await reader.read()).value);
    expect(await read()).toBe('GET /healthz 200 (5)\n');
    logs.append('demo', 'web-7d4b9-abcde', 'app', { at: cluster.clock.now(), text: 'GET /ready 200' });
    expect(await read()).toBe('GET /ready 200\n');
    updatePod('web-7d4b9-abcde', (p) => {
      p.status.containerStatuses![0]!.state = { terminated: { exitCode: 0, reason: 'Completed' } };
    });
    expect((await reader.read()).done).toBe(true);
  });

  it('does not follow a container that is not running: it answers the last lines and ends', async () => {
    const res = await text(logUrl('crashloop-6f9c7-x2kqp', '?follow=true'));
    expect(res.body).toBe('starting\npanic: connection refused\n');
  });

  it('ends a followed log when the pod is removed, and on server close', async () => {
    const res = await fetch(logUrl('web-7d4b9-abcde', '?follow=true&tailLines=0'));
    const reader = res.body!.getReader();
    const pending = reader.read();
    cluster.emulator.store.remove('pods', 'demo', 'web-7d4b9-abcde');
    expect((await pending).done).toBe(true);

    cluster.emulator.logs.startInstance('kube-system', 'coredns-5d78c-zzzzz', 'app');
    const other = await fetch(`${cluster.server.url}/api/v1/namespaces/kube-system/pods/coredns-5d78c-zzzzz/log?follow=true`);
    const otherReader = other.body!.getReader();
    const closing = otherReader.read().catch(() => ({ done: true }));
    await cluster.server.close();
    expect((await closing).done).toBe(true);
    cluster = await startCluster();
  });
});
