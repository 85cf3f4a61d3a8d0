import { describe, expect, it } from 'vitest';
import { podStatusColumns } from '../../src/model/podStatus.js';
import { podRow } from '../../src/model/podSummary.js';
import type { Health } from '../../src/model/views.js';
import { NOW, ago, makePod, running, terminated, waiting, type PodFixture } from './fixtures/pods.js';

interface Expected {
  ready: string;
  status: string;
  restarts: number;
  health: Health;
  /** Seconds before NOW of the newest counted lastState.terminated.finishedAt. */
  lastRestartSecondsAgo?: number;
}

const crashed = (finishedSecondsAgo: number) => terminated(1, 'Error', { finishedSecondsAgo });
const initialized = { type: 'Initialized', status: 'True' as const, lastTransitionTime: ago(200) };

// Every STATUS kubectl can print for a pod, each from a pod object as a real cluster would send it.
const cases: [string, PodFixture, Expected][] = [
  [
    'unscheduled pod: the phase',
    { name: 'web-7d4b9c-x2x9k', node: null, containers: [{ name: 'web', unreported: true }] },
    { ready: '0/1', status: 'Pending', restarts: 0, health: 'progressing' },
  ],
  [
    'scheduling gates not yet removed',
    { name: 'gated', schedulingGated: true, node: null, containers: [{ name: 'app', unreported: true }] },
    { ready: '0/1', status: 'SchedulingGated', restarts: 0, health: 'progressing' },
  ],
  [
    'sandbox and image pull in progress',
    { name: 'web-1', containers: [{ name: 'web', state: waiting('ContainerCreating') }] },
    { ready: '0/1', status: 'ContainerCreating', restarts: 0, health: 'progressing' },
  ],
  [
    'running and ready',
    { name: 'web-2', containers: [{ name: 'web' }, { name: 'metrics' }] },
    { ready: '2/2', status: 'Running', restarts: 0, health: 'healthy' },
  ],
  [
    'running with a failing readiness probe',
    { name: 'web-3', containers: [{ name: 'web', ready: false }] },
    { ready: '0/1', status: 'Running', restarts: 0, health: 'progressing' },
  ],
  [
    'one container completed, another running, pod not Ready: NotReady',
    {
      name: 'batch-1',
      restartPolicy: 'OnFailure',
      containers: [{ name: 'server' }, { name: 'loader', state: terminated(0, 'Completed') }],
    },
    { ready: '1/2', status: 'NotReady', restarts: 0, health: 'progressing' },
  ],
  [
    'one container completed, another running, pod Ready: Running',
    {
      name: 'batch-2',
      restartPolicy: 'OnFailure',
      containers: [{ name: 'server' }, { name: 'loader', state: terminated(0, 'Completed') }],
      conditionOverrides: [{ type: 'Ready', status: 'True', lastTransitionTime: ago(100) }],
    },
    { ready: '1/2', status: 'Running', restarts: 0, health: 'progressing' },
  ],
  [
    'a job pod that finished',
    { name: 'pi-xk2lq', restartPolicy: 'Never', containers: [{ name: 'pi', state: terminated(0, 'Completed') }] },
    { ready: '0/1', status: 'Completed', restarts: 0, health: 'finished' },
  ],
  [
    'a job pod that failed',
    { name: 'pi-9fj2d', restartPolicy: 'Never', containers: [{ name: 'pi', state: terminated(1, 'Error') }] },
    { ready: '0/1', status: 'Error', restarts: 0, health: 'failing' },
  ],
  [
    'exited, between the crash and the restart',
    {
      name: 'api-1',
      containers: [{ name: 'api', state: crashed(2), restartCount: 2, lastState: crashed(40) }],
    },
    { ready: '0/1', status: 'Error', restarts: 2, health: 'failing', lastRestartSecondsAgo: 40 },
  ],
  [
    'backing off between restarts',
    {
      name: 'api-2',
      containers: [{ name: 'api', state: waiting('CrashLoopBackOff'), restartCount: 4, lastState: crashed(32) }],
    },
    { ready: '0/1', status: 'CrashLoopBackOff', restarts: 4, health: 'failing', lastRestartSecondsAgo: 32 },
  ],
  [
    'killed by the kernel OOM killer',
    {
      name: 'cache-1',
      containers: [{ name: 'redis', state: terminated(137, 'OOMKilled'), restartCount: 1, lastState: terminated(137, 'OOMKilled', { finishedSecondsAgo: 90 }) }],
    },
    { ready: '0/1', status: 'OOMKilled', restarts: 1, health: 'failing', lastRestartSecondsAgo: 90 },
  ],
  [
    'image pull backing off',
    { name: 'web-4', containers: [{ name: 'web', image: 'nginx:does-not-exist', state: waiting('ImagePullBackOff') }] },
    { ready: '0/1', status: 'ImagePullBackOff', restarts: 0, health: 'failing' },
  ],
  [
    'image pull failed',
    { name: 'web-5', containers: [{ name: 'web', image: 'nginx:does-not-exist', state: waiting('ErrImagePull') }] },
    { ready: '0/1', status: 'ErrImagePull', restarts: 0, health: 'failing' },
  ],
  [
    'a missing secret',
    { name: 'db-1', containers: [{ name: 'postgres', state: waiting('CreateContainerConfigError') }] },
    { ready: '0/1', status: 'CreateContainerConfigError', restarts: 0, health: 'failing' },
  ],
  [
    'first of two init containers running',
    {
      name: 'app-1',
      initContainers: [{ name: 'wait-db' }, { name: 'migrate', state: waiting('PodInitializing') }],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'Init:0/2', restarts: 0, health: 'progressing' },
  ],
  [
    'second of two init containers running',
    {
      name: 'app-2',
      initContainers: [{ name: 'wait-db', state: terminated(0, 'Completed') }, { name: 'migrate' }],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'Init:1/2', restarts: 0, health: 'progressing' },
  ],
  [
    'init container failed (restartPolicy Never)',
    {
      name: 'app-3',
      restartPolicy: 'Never',
      phase: 'Failed',
      initContainers: [{ name: 'migrate', state: terminated(1, 'Error') }],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'Init:Error', restarts: 0, health: 'failing' },
  ],
  [
    'init container crash-looping: its restarts are counted',
    {
      name: 'app-4',
      initContainers: [{ name: 'migrate', state: waiting('CrashLoopBackOff'), restartCount: 3, lastState: crashed(15) }],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: 3, health: 'failing', lastRestartSecondsAgo: 15 },
  ],
  [
    'init container killed by a signal, no reason',
    {
      name: 'app-5',
      initContainers: [{ name: 'migrate', state: terminated(137, undefined, { signal: 9 }) }],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'Init:Signal:9', restarts: 0, health: 'failing' },
  ],
  [
    'init container exited non-zero, no reason',
    {
      name: 'app-6',
      initContainers: [{ name: 'migrate', state: terminated(3, undefined) }],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'Init:ExitCode:3', restarts: 0, health: 'failing' },
  ],
  [
    'app container killed by a signal, no reason',
    { name: 'worker-1', containers: [{ name: 'worker', state: terminated(137, undefined, { signal: 9 }) }] },
    { ready: '0/1', status: 'Signal:9', restarts: 0, health: 'failing' },
  ],
  [
    'app container exited non-zero, no reason',
    { name: 'worker-2', containers: [{ name: 'worker', state: terminated(2, undefined) }] },
    { ready: '0/1', status: 'ExitCode:2', restarts: 0, health: 'failing' },
  ],
  [
    'init done, app containers not started yet',
    {
      name: 'app-7',
      initContainers: [{ name: 'migrate', state: terminated(0, 'Completed') }],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'PodInitializing', restarts: 0, health: 'progressing' },
  ],
  [
    'deleted while running',
    { name: 'web-6', deletedSecondsAgo: 5, containers: [{ name: 'web' }] },
    { ready: '1/1', status: 'Terminating', restarts: 0, health: 'progressing' },
  ],
  [
    'deleted while crash-looping',
    {
      name: 'api-3',
      deletedSecondsAgo: 5,
      containers: [{ name: 'api', state: waiting('CrashLoopBackOff'), restartCount: 6, lastState: crashed(70) }],
    },
    { ready: '0/1', status: 'Terminating', restarts: 6, health: 'progressing', lastRestartSecondsAgo: 70 },
  ],
  [
    'deleted after it completed: a terminal phase is never Terminating',
    {
      name: 'pi-done',
      restartPolicy: 'Never',
      deletedSecondsAgo: 5,
      containers: [{ name: 'pi', state: terminated(0, 'Completed') }],
    },
    { ready: '0/1', status: 'Completed', restarts: 0, health: 'finished' },
  ],
  [
    'node lost and the pod deleted: Unknown',
    {
      name: 'web-7',
      reason: 'NodeLost',
      message: 'Node worker-2 which was running pod web-7 is unresponsive',
      node: 'worker-2',
      deletedSecondsAgo: 30,
      containers: [{ name: 'web' }],
    },
    { ready: '1/1', status: 'Unknown', restarts: 0, health: 'failing' },
  ],
  [
    'evicted: status.reason with the containers gone',
    {
      name: 'web-8',
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 88Mi. ',
      containers: [{ name: 'web', unreported: true }],
    },
    { ready: '0/1', status: 'Evicted', restarts: 0, health: 'failing' },
  ],
  [
    'evicted, container terminated with a reason: the container reason wins, as in kubectl',
    {
      name: 'web-9',
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: ephemeral-storage. ',
      containers: [{ name: 'web', state: terminated(137, 'ContainerStatusUnknown', { message: 'The container could not be located when the pod was terminated' }) }],
    },
    { ready: '0/1', status: 'ContainerStatusUnknown', restarts: 0, health: 'failing' },
  ],
  [
    'started and ready sidecar counts toward READY',
    {
      name: 'mesh-1',
      initContainers: [{ name: 'istio-proxy', sidecar: true }],
      containers: [{ name: 'web' }],
    },
    { ready: '2/2', status: 'Running', restarts: 0, health: 'healthy' },
  ],
  [
    'sidecar running but not started (startup probe pending) holds init',
    {
      name: 'mesh-2',
      initContainers: [{ name: 'istio-proxy', sidecar: true, started: false, ready: false }],
      containers: [{ name: 'web', state: waiting('PodInitializing') }],
    },
    { ready: '0/2', status: 'Init:0/1', restarts: 0, health: 'progressing' },
  ],
  [
    'started sidecar not ready after a finished init container',
    {
      name: 'mesh-3',
      initContainers: [
        { name: 'migrate', state: terminated(0, 'Completed') },
        { name: 'log-shipper', sidecar: true, ready: false },
      ],
      containers: [{ name: 'web' }],
    },
    { ready: '1/2', status: 'Running', restarts: 0, health: 'progressing' },
  ],
  [
    'sidecar crash-looping after initialization: kubectl keeps the Init: reason',
    {
      name: 'mesh-4',
      initContainers: [
        { name: 'log-shipper', sidecar: true, started: false, ready: false, state: waiting('CrashLoopBackOff'), restartCount: 2, lastState: crashed(25) },
      ],
      containers: [{ name: 'web', restartCount: 1, lastState: crashed(400) }],
      conditionOverrides: [initialized],
    },
    { ready: '1/2', status: 'Init:CrashLoopBackOff', restarts: 3, health: 'failing', lastRestartSecondsAgo: 25 },
  ],
  [
    'after initialization, finished init containers no longer count; sidecars and apps do',
    {
      name: 'app-8',
      initContainers: [
        { name: 'migrate', state: terminated(0, 'Completed', { finishedSecondsAgo: 500 }), restartCount: 2, lastState: crashed(510) },
        { name: 'envoy', sidecar: true, restartCount: 1, lastState: crashed(450) },
      ],
      containers: [{ name: 'app', restartCount: 1, lastState: crashed(300) }],
    },
    { ready: '2/2', status: 'Running', restarts: 2, health: 'healthy', lastRestartSecondsAgo: 300 },
  ],
  [
    'several containers: the first listed container with a reason wins',
    {
      name: 'multi-1',
      containers: [
        { name: 'api', state: waiting('CrashLoopBackOff'), restartCount: 5, lastState: crashed(60) },
        { name: 'sidecar-proxy', image: 'envoyproxy/envoy:v1.31', state: waiting('ImagePullBackOff') },
        { name: 'metrics' },
      ],
    },
    { ready: '1/3', status: 'CrashLoopBackOff', restarts: 5, health: 'failing', lastRestartSecondsAgo: 60 },
  ],
  [
    'rejected at admission: status.reason with no container ever started',
    {
      name: 'gpu-job-1',
      phase: 'Failed',
      reason: 'UnexpectedAdmissionError',
      message: 'Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0, which is unexpected',
      containers: [{ name: 'trainer', unreported: true }],
    },
    { ready: '0/1', status: 'UnexpectedAdmissionError', restarts: 0, health: 'failing' },
  ],
  [
    'rejected by the kubelet for lack of CPU',
    {
      name: 'web-11',
      phase: 'Failed',
      reason: 'OutOfcpu',
      message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 1500, capacity: 2000",
      containers: [{ name: 'web', unreported: true }],
    },
    { ready: '0/1', status: 'OutOfcpu', restarts: 0, health: 'failing' },
  ],
  [
    'init statuses not reported yet: Init:0/N',
    {
      name: 'app-10',
      phase: 'Pending',
      initContainers: [{ name: 'wait-db', state: waiting('PodInitializing') }, { name: 'migrate', unreported: true }],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'Init:0/2', restarts: 0, health: 'progressing' },
  ],
  [
    'image pull failing on the second init container',
    {
      name: 'app-11',
      initContainers: [
        { name: 'wait-db', state: terminated(0, 'Completed') },
        { name: 'migrate', image: 'registry.example.com/migrate:v9', state: waiting('ErrImagePull') },
      ],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    },
    { ready: '0/1', status: 'Init:ErrImagePull', restarts: 0, health: 'failing' },
  ],
  [
    'node stopped reporting: kubectl still prints 1/1 Running, the Ready condition says otherwise',
    {
      name: 'geo-1',
      node: 'worker-4',
      containers: [{ name: 'geo' }],
      conditionOverrides: [{ type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: ago(60) }],
    },
    { ready: '1/1', status: 'Running', restarts: 0, health: 'progressing' },
  ],
  [
    'node lost, not yet deleted: the pod reason stands',
    { name: 'web-10', reason: 'NodeLost', containers: [{ name: 'web', ready: false }] },
    { ready: '0/1', status: 'NodeLost', restarts: 0, health: 'failing' },
  ],
];

describe('podStatusColumns equals kubectl get pods', () => {
  it.each(cases)('%s', (_title, fixture, expected) => {
    const pod = makePod(fixture);
    const row = podRow(pod);
    expect({ ready: row.ready, status: row.status, restarts: row.restarts, health: row.health }).toEqual({
      ready: expected.ready,
      status: expected.status,
      restarts: expected.restarts,
      health: expected.health,
    });
    const expectedLast = expected.lastRestartSecondsAgo === undefined ? undefined : NOW - expected.lastRestartSecondsAgo * 1000;
    expect(row.lastRestartAt).toBe(expectedLast);
  });

  it('reads Ready as kubectl does: any Ready condition that is True (hasPodReadyCondition), even after a False one', () => {
    const pod = makePod({ name: 'batch-3', restartPolicy: 'OnFailure', containers: [{ name: 'server' }, { name: 'loader', state: terminated(0, 'Completed') }] });
    pod.status.conditions = [
      { type: 'Ready', status: 'False', lastTransitionTime: ago(200) },
      { type: 'Ready', status: 'True', lastTransitionTime: ago(100) },
    ];
    const row = podRow(pod);
    expect([row.status, row.health, podStatusColumns(pod).podReady]).toEqual(['Running', 'progressing', true]);
    pod.status.conditions = [{ type: 'Ready', status: 'False', lastTransitionTime: ago(200) }];
    expect(podRow(pod).status).toBe('NotReady');
  });

  it('gives the same columns as the row it feeds', () => {
    const pod = makePod(cases[10]![1]);
    const columns = podStatusColumns(pod);
    expect(columns).toEqual({ readyContainers: 0, totalContainers: 1, status: 'CrashLoopBackOff', restarts: 4, lastRestartAt: NOW - 32_000, podReady: false });
  });

  it('reads a pod with no status at all (just created) as empty phase, progressing', () => {
    const pod = makePod({ name: 'fresh', containers: [{ name: 'app' }] });
    pod.status = {};
    const row = podRow(pod);
    expect([row.ready, row.status, row.restarts, row.health]).toEqual(['0/1', '', 0, 'progressing']);
  });

  it('counts init-container restarts only up to the pending one during initialization', () => {
    const pod = makePod({
      name: 'app-9',
      initContainers: [
        { name: 'fetch', state: terminated(0, 'Completed'), restartCount: 1, lastState: crashed(200) },
        { name: 'migrate', state: waiting('CrashLoopBackOff'), restartCount: 2, lastState: crashed(30) },
        { name: 'seed', state: waiting('PodInitializing'), restartCount: 7 },
      ],
      containers: [{ name: 'app', state: waiting('PodInitializing') }],
    });
    const row = podRow(pod);
    expect([row.status, row.restarts, row.lastRestartAt]).toEqual(['Init:CrashLoopBackOff', 3, NOW - 30_000]);
  });
});
