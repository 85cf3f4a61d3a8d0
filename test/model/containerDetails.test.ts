import { describe, expect, it } from 'vitest';
import { commandLine, containerDetails, shortImageDigest, stateDetail, unhealthyProbe } from '../../src/model/containerDetails.js';
import { describeHandler, describeProbe, describeProbeTiming } from '../../src/model/probeSpec.js';
import { probeFailures } from '../../src/model/probes.js';
import type { ContainerInstance } from '../../src/model/views.js';
import type { ContainerState, LifecycleHandler, Probe } from '../../src/model/types.js';
import {
  containerEvent,
  crashLoopPod,
  crashLoopTimeline,
  oomKilledPod,
  terminatingPod,
  terminatingTimeline,
  viewOf,
} from '../ui/containers/fixtures.js';

describe('describeProbe, in kubectl describe words', () => {
  const cases: { name: string; probe: Probe; expected: string }[] = [
    {
      name: 'httpGet with every field set',
      probe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      expected: 'http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3',
    },
    {
      name: 'httpGet on a named port, defaults filled in',
      probe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5, failureThreshold: 2 },
      expected: 'http-get http://:http/ready delay=0s timeout=1s period=5s #success=1 #failure=2',
    },
    {
      name: 'httpGet without a path probes /',
      probe: { httpGet: { port: 80 } },
      expected: 'http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3',
    },
    {
      name: 'https to an IPv6 host',
      probe: { httpGet: { path: '/livez', port: 6443, host: 'fd00::1', scheme: 'HTTPS' } },
      expected: 'http-get https://[fd00::1]:6443/livez delay=0s timeout=1s period=10s #success=1 #failure=3',
    },
    {
      name: 'exec',
      probe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 2, failureThreshold: 30 },
      expected: 'exec [cat /tmp/started] delay=0s timeout=1s period=2s #success=1 #failure=30',
    },
    {
      name: 'tcpSocket',
      probe: { tcpSocket: { port: 5432 }, timeoutSeconds: 3 },
      expected: 'tcp-socket :5432 delay=0s timeout=3s period=10s #success=1 #failure=3',
    },
    {
      name: 'grpc with a service',
      probe: { grpc: { port: 9090, service: 'health' }, periodSeconds: 15 },
      expected: 'grpc <pod>:9090 health delay=0s timeout=1s period=15s #success=1 #failure=3',
    },
    {
      name: 'grpc without a service',
      probe: { grpc: { port: 2379 }, successThreshold: 2 },
      expected: 'grpc <pod>:2379 delay=0s timeout=1s period=10s #success=2 #failure=3',
    },
  ];
  it.each(cases)('$name', ({ probe, expected }) => {
    expect(describeProbe(probe)).toBe(expected);
  });

  it('timing alone', () => {
    expect(describeProbeTiming({ tcpSocket: { port: 1 }, initialDelaySeconds: 30 })).toBe(
      'delay=30s timeout=1s period=10s #success=1 #failure=3',
    );
  });
});

describe('describeHandler for lifecycle hooks', () => {
  const cases: { handler: LifecycleHandler; expected: string }[] = [
    { handler: { sleep: { seconds: 5 } }, expected: 'sleep 5s' },
    { handler: { exec: { command: ['sh', '-c', 'nginx -s quit; sleep 10'] } }, expected: 'exec [sh -c nginx -s quit; sleep 10]' },
    { handler: { httpGet: { path: '/drain', port: 8081 } }, expected: 'http-get http://:8081/drain' },
    { handler: { httpGet: { path: 'warm', port: 8081, host: 'cache.local' } }, expected: 'http-get http://cache.local:8081/warm' },
    { handler: {}, expected: 'unknown' },
  ];
  it.each(cases)('$expected', ({ handler, expected }) => {
    expect(describeHandler(handler)).toBe(expected);
  });
});

describe('stateDetail', () => {
  const cases: { name: string; state: ContainerState | undefined; expected: ReturnType<typeof stateDetail> }[] = [
    { name: 'no state', state: undefined, expected: undefined },
    { name: 'empty state', state: {}, expected: undefined },
    {
      name: 'waiting in CrashLoopBackOff',
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app pod=web_shop(1)' } },
      expected: { kind: 'waiting', reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app pod=web_shop(1)' },
    },
    {
      name: 'running',
      state: { running: { startedAt: '2026-11-25T14:00:00Z' } },
      expected: { kind: 'running', startedAt: Date.parse('2026-11-25T14:00:00Z') },
    },
    {
      name: 'terminated with an error after 12 seconds',
      state: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-11-25T14:05:00Z', finishedAt: '2026-11-25T14:05:12Z' } },
      expected: {
        kind: 'terminated',
        exitCode: 1,
        reason: 'Error',
        startedAt: Date.parse('2026-11-25T14:05:00Z'),
        finishedAt: Date.parse('2026-11-25T14:05:12Z'),
        ranFor: 12_000,
      },
    },
    {
      name: 'OOMKilled: exit 137 is SIGKILL',
      state: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-11-25T14:05:12Z' } },
      expected: { kind: 'terminated', exitCode: 137, reason: 'OOMKilled', exitSignal: 'SIGKILL', finishedAt: Date.parse('2026-11-25T14:05:12Z') },
    },
    {
      name: 'stopped by SIGTERM (143)',
      state: { terminated: { exitCode: 143, reason: 'Error' } },
      expected: { kind: 'terminated', exitCode: 143, reason: 'Error', exitSignal: 'SIGTERM' },
    },
    {
      name: 'a runtime that reports the signal itself',
      state: { terminated: { exitCode: 0, signal: 11 } },
      expected: { kind: 'terminated', exitCode: 0, signal: 11, exitSignal: 'SIGSEGV' },
    },
  ];
  it.each(cases)('$name', ({ state, expected }) => {
    expect(stateDetail(state)).toEqual(expected);
  });
});

describe('unhealthyProbe', () => {
  const pod = crashLoopPod();
  const cases: { reason: string; message: string; expected: string | undefined }[] = [
    { reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', expected: 'liveness' },
    { reason: 'Unhealthy', message: 'Readiness probe failed: dial tcp 10.0.0.1:8080: connect: connection refused', expected: 'readiness' },
    { reason: 'Unhealthy', message: 'Startup probe failed: cat: can\'t open \'/tmp/started\': No such file or directory', expected: 'startup' },
    { reason: 'Unhealthy', message: 'Readiness probe errored: rpc error: code = Unknown', expected: 'readiness' },
    { reason: 'BackOff', message: 'Liveness probe failed: looks like one but is not Unhealthy', expected: undefined },
    { reason: 'Unhealthy', message: 'something else', expected: undefined },
  ];
  it.each(cases)('$reason: $message', ({ reason, message, expected }) => {
    const entry = containerEvent(pod, 'app', reason, message, { firstAt: '2026-11-25T14:00:00Z' });
    if (entry.source !== 'event') throw new Error('fixture must be an event');
    expect(unhealthyProbe(entry.event)).toBe(expected);
  });
});

describe('commandLine', () => {
  const cases: { command?: string[]; args?: string[]; expected: string | undefined }[] = [
    { expected: undefined },
    { command: ['/bin/migrate', 'up'], expected: '/bin/migrate up' },
    { args: ['--date', 'yesterday'], expected: '--date yesterday' },
    { command: ['sh', '-c'], args: ['until nc -z db 5432; do sleep 2; done'], expected: "sh -c 'until nc -z db 5432; do sleep 2; done'" },
    { command: ['echo', "it's", ''], expected: "echo 'it'\\''s' ''" },
  ];
  it.each(cases)('$expected', ({ command, args, expected }) => {
    expect(commandLine({ ...(command ? { command } : {}), ...(args ? { args } : {}) })).toBe(expected);
  });
});

describe('containerDetails', () => {
  it('lists init containers (sidecar marked), app containers, then ephemeral ones', () => {
    const details = containerDetails(crashLoopPod(), []);
    expect(details.map((d) => [d.name, d.kind])).toEqual([
      ['migrate', 'init'],
      ['log-shipper', 'sidecar'],
      ['app', 'app'],
      ['debugger-k9x2p', 'ephemeral'],
    ]);
  });

  it('reads the crash loop: waiting state, the last exit, restarts, probes with their latest failures, hooks, resources', () => {
    const pod = crashLoopPod();
    const timeline = crashLoopTimeline(pod);
    const app = containerDetails(pod, timeline, { probeFailures: probeFailures(viewOf(pod, timeline)) }).find((d) => d.name === 'app');
    expect(app?.status).toMatchObject({
      ready: false,
      started: false,
      restartCount: 3,
      state: { kind: 'waiting', reason: 'CrashLoopBackOff' },
      lastState: { kind: 'terminated', exitCode: 1, reason: 'Error', ranFor: 12_000 },
    });
    expect(app?.probes.map((p) => [p.probe, p.handler, p.failures?.count, p.failures?.latest.message])).toEqual([
      ['startup', 'exec [cat /tmp/started]', undefined, undefined],
      [
        'liveness',
        'http-get http://:8080/healthz',
        7,
        'Liveness probe failed: Get "http://10.244.2.17:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      ],
      [
        'readiness',
        'http-get http://:http/ready',
        4,
        'Readiness probe failed: Get "http://10.244.2.17:8080/ready": dial tcp 10.244.2.17:8080: connect: connection refused',
      ],
    ]);
    expect(app?.hooks).toEqual([
      { hook: 'postStart', handler: 'exec [sh -c touch /tmp/started]' },
      { hook: 'preStop', handler: 'sleep 5s' },
    ]);
    expect(app?.requests).toEqual([
      { resource: 'cpu', quantity: '100m' },
      { resource: 'memory', quantity: '128Mi' },
    ]);
    expect(app?.limits).toEqual([{ resource: 'memory', quantity: '256Mi' }]);
    expect(app?.ports).toEqual(['8080/TCP (http)']);
    expect(app?.command).toBeUndefined();
  });

  it("does not give one container's probe failures to another", () => {
    const pod = crashLoopPod();
    const timeline = crashLoopTimeline(pod);
    const shipper = containerDetails(pod, timeline, { probeFailures: probeFailures(viewOf(pod, timeline)) }).find((d) => d.name === 'log-shipper');
    expect(shipper?.probes).toEqual([{ probe: 'readiness', handler: 'tcp-socket :2020', timing: 'delay=0s timeout=1s period=5s #success=1 #failure=3' }]);
  });

  it('reads a preStop hook failure while the pod terminates, and a container not pulled yet', () => {
    const pod = terminatingPod();
    const [api, cache] = containerDetails(pod, terminatingTimeline(pod));
    expect(api?.hooks.map((h) => [h.hook, h.handler, h.failures?.count])).toEqual([
      ['postStart', 'http-get https://[fd00::1]:8081/warm', undefined],
      ['preStop', 'http-get http://:8081/drain', 1],
    ]);
    expect(api?.hooks[1]?.failures?.latest.reason).toBe('FailedPreStopHook');
    expect(cache?.status?.state).toMatchObject({ kind: 'waiting', reason: 'ImagePullBackOff' });
    expect(cache?.probes).toEqual([]);
    expect(cache?.requests).toEqual([]);
  });

  it('reads an OOM kill and prefers the image the runtime reports', () => {
    const [worker] = containerDetails(oomKilledPod(), []);
    expect(worker?.status?.lastState).toMatchObject({ kind: 'terminated', reason: 'OOMKilled', exitCode: 137, exitSignal: 'SIGKILL' });
    expect(worker?.status?.state).toMatchObject({ kind: 'running' });
    const [shipper] = containerDetails(crashLoopPod(), []).filter((d) => d.kind === 'sidecar');
    expect(shipper?.image).toBe('docker.io/fluent/fluent-bit:3.1');
  });

  it('at a past step, counts only the failures that had happened by then', () => {
    const pod = crashLoopPod();
    const timeline = crashLoopTimeline(pod);
    const history = { probeFailures: probeFailures(viewOf(pod, timeline)), until: Date.parse('2026-11-25T14:05:00Z') };
    const app = containerDetails(pod, timeline, history).find((d) => d.name === 'app');
    expect(app?.probes.map((p) => [p.probe, p.failures?.count, p.failures?.lastAt])).toEqual([
      ['startup', undefined, undefined],
      ['liveness', 6, Date.parse('2026-11-25T14:04:50Z')],
      // Seen first with count 4 and no repeat times known: all four count, at the first time.
      ['readiness', 4, Date.parse('2026-11-25T14:01:00Z')],
    ]);
    const before = containerDetails(pod, timeline, { ...history, until: Date.parse('2026-11-25T14:00:00Z') }).find((d) => d.name === 'app');
    expect(before?.probes.every((p) => p.failures === undefined)).toBe(true);
  });

  it('at a past step, counts the repeats of an aggregated Event seen by then', () => {
    const pod = terminatingPod();
    const entry = terminatingTimeline(pod).find((e) => e.source === 'event' && e.event.reason === 'FailedPreStopHook');
    if (entry?.source !== 'event') throw new Error('fixture has a preStop failure');
    const times = ['2026-11-25T14:09:52Z', '2026-11-25T14:09:57Z', '2026-11-25T14:10:02Z'].map(Date.parse);
    const repeated = { ...entry, event: { ...entry.event, count: 3, lastAt: times[2]!, occurrences: times } };
    const hookAt = (until: number | undefined) =>
      containerDetails(pod, [repeated], until === undefined ? {} : { until })[0]?.hooks.find((h) => h.hook === 'preStop')?.failures;
    expect(hookAt(undefined)).toMatchObject({ count: 3, lastAt: times[2] });
    expect(hookAt(times[1]! + 1)).toMatchObject({ count: 2, lastAt: times[1] });
    expect(hookAt(times[0]!)).toMatchObject({ count: 1, lastAt: times[0] });
    expect(hookAt(times[0]! - 1)).toBeUndefined();
  });

  it('hands each container the instances seen of it, and at a past step only those started by then', () => {
    const pod = crashLoopPod();
    const instance = (container: string, kind: ContainerInstance['kind'], restartCount: number, startedAt: string): ContainerInstance => ({
      container,
      kind,
      restartCount,
      startedAt: Date.parse(startedAt),
    });
    const instances = [
      instance('migrate', 'init', 0, '2026-11-25T13:58:05Z'),
      instance('app', 'app', 2, '2026-11-25T14:02:00Z'),
      instance('app', 'app', 3, '2026-11-25T14:05:00Z'),
    ];
    const details = containerDetails(pod, [], { instances });
    expect(details.map((d) => [d.name, d.instances.map((i) => i.restartCount)])).toEqual([
      ['migrate', [0]],
      ['log-shipper', []],
      ['app', [2, 3]],
      ['debugger-k9x2p', []],
    ]);
    const past = containerDetails(pod, [], { instances, until: Date.parse('2026-11-25T14:03:00Z') });
    expect(past.find((d) => d.name === 'app')?.instances.map((i) => i.restartCount)).toEqual([2]);
    // An instance that ended after the step was still running at it.
    const ended = { ...instance('app', 'app', 2, '2026-11-25T14:02:00Z'), finishedAt: Date.parse('2026-11-25T14:04:00Z'), exitCode: 1, reason: 'Error' };
    const running = containerDetails(pod, [], { instances: [ended], until: Date.parse('2026-11-25T14:03:00Z') });
    expect(running.find((d) => d.name === 'app')?.instances).toEqual([instance('app', 'app', 2, '2026-11-25T14:02:00Z')]);
  });

  it('shows the digest the runtime pulled, and none before it pulled one', () => {
    const pod = crashLoopPod();
    const app = pod.status.containerStatuses!.find((s) => s.name === 'app')!;
    app.imageID = `ghcr.io/acme/web@sha256:${'9f3c2b1a0d8e'}${'7'.repeat(52)}`;
    expect(containerDetails(pod, []).find((d) => d.name === 'app')?.imageDigest).toBe('sha256:9f3c2b1a0d8e');
    app.imageID = '';
    expect(containerDetails(pod, []).find((d) => d.name === 'app')).not.toHaveProperty('imageDigest');
  });

  it('leaves status out for a container the kubelet has not reported', () => {
    const pod = crashLoopPod();
    pod.status.containerStatuses = [];
    const app = containerDetails(pod, []).find((d) => d.name === 'app');
    expect(app?.status).toBeUndefined();
    expect(app?.image).toBe('ghcr.io/acme/web:1.4.2');
  });
});

describe('shortImageDigest', () => {
  const digest = `3f1c0e8d9a7b${'6c5d4e3f2a1b'.repeat(4)}4e3f2a1b`;
  const cases: { name: string; imageID: string | undefined; expected: string | undefined }[] = [
    { name: 'containerd: repository@digest', imageID: `docker.io/library/nginx@sha256:${digest}`, expected: 'sha256:3f1c0e8d9a7b' },
    { name: 'dockershim: docker-pullable://', imageID: `docker-pullable://nginx@sha256:${digest}`, expected: 'sha256:3f1c0e8d9a7b' },
    { name: 'an image ID alone (built on the node)', imageID: `sha256:${digest}`, expected: 'sha256:3f1c0e8d9a7b' },
    { name: 'not pulled yet', imageID: '', expected: undefined },
    { name: 'absent', imageID: undefined, expected: undefined },
    { name: 'no digest in it', imageID: 'docker.io/library/nginx:1.27', expected: undefined },
    { name: 'too short to be a digest', imageID: 'nginx@sha256:c0ffee', expected: undefined },
  ];
  it.each(cases)('$name', ({ imageID, expected }) => {
    expect(shortImageDigest(imageID)).toBe(expected);
  });
});
