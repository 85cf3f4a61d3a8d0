// The kubelet's pure rules the emulator follows: the pod phase (getPhase),
// its conditions (generate.go), the scheduler's fit error, and Event
// aggregation keys.
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, KubeEvent, PodSpec, PodStatus } from '../../../src/model/types.js';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator } from '../../../src/sim/emulator.js';
import { Nodes } from '../../../src/sim/kubelet/cluster.js';
import { kubeletConditions, podPhase } from '../../../src/sim/kubelet/podStatus.js';
import { EventRecorder } from '../../../src/sim/kubelet/recorder.js';
import { fitError } from '../../../src/sim/kubelet/scheduler.js';

const running = (name: string, ready = true): ContainerStatus => ({ name, ready, started: true, restartCount: 0, state: { running: { startedAt: '2026-11-25T10:00:00Z' } } });
const waiting = (name: string, reason: string, lastExit?: number): ContainerStatus => ({
  name,
  ready: false,
  restartCount: lastExit === undefined ? 0 : 1,
  state: { waiting: { reason } },
  ...(lastExit !== undefined && { lastState: { terminated: { exitCode: lastExit, reason: 'Error' } } }),
});
const exited = (name: string, exitCode: number): ContainerStatus => ({
  name,
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' } },
});

const spec = (restartPolicy: PodSpec['restartPolicy'], init: { name: string; restartPolicy?: string }[] = []): PodSpec => ({
  restartPolicy,
  initContainers: init,
  containers: [{ name: 'app' }],
});

describe('podPhase (kubelet getPhase)', () => {
  it.each([
    { case: 'app still creating', spec: spec('Always'), status: { containerStatuses: [waiting('app', 'ContainerCreating')] }, phase: 'Pending' },
    { case: 'app running', spec: spec('Always'), status: { containerStatuses: [running('app')] }, phase: 'Running' },
    { case: 'CrashLoopBackOff after an exit', spec: spec('Always'), status: { containerStatuses: [waiting('app', 'CrashLoopBackOff', 1)] }, phase: 'Running' },
    { case: 'exited 1, Always', spec: spec('Always'), status: { containerStatuses: [exited('app', 1)] }, phase: 'Running' },
    { case: 'exited 0, Never', spec: spec('Never'), status: { containerStatuses: [exited('app', 0)] }, phase: 'Succeeded' },
    { case: 'exited 1, Never', spec: spec('Never'), status: { containerStatuses: [exited('app', 1)] }, phase: 'Failed' },
    { case: 'exited 1, OnFailure', spec: spec('OnFailure'), status: { containerStatuses: [exited('app', 1)] }, phase: 'Running' },
    { case: 'exited 0, OnFailure', spec: spec('OnFailure'), status: { containerStatuses: [exited('app', 0)] }, phase: 'Succeeded' },
    {
      case: 'init container running',
      spec: spec('Always', [{ name: 'init' }]),
      status: { initContainerStatuses: [running('init', false)], containerStatuses: [waiting('app', 'PodInitializing')] },
      phase: 'Pending',
    },
    {
      case: 'init container failed, Never',
      spec: spec('Never', [{ name: 'init' }]),
      status: { initContainerStatuses: [exited('init', 1)], containerStatuses: [waiting('app', 'PodInitializing')] },
      phase: 'Failed',
    },
    {
      case: 'init container in CrashLoopBackOff, Always',
      spec: spec('Always', [{ name: 'init' }]),
      status: { initContainerStatuses: [waiting('init', 'CrashLoopBackOff', 1)], containerStatuses: [waiting('app', 'PodInitializing')] },
      phase: 'Pending',
    },
    {
      case: 'sidecar not started yet',
      spec: spec('Always', [{ name: 'proxy', restartPolicy: 'Always' }]),
      status: { initContainerStatuses: [waiting('proxy', 'PodInitializing')], containerStatuses: [waiting('app', 'PodInitializing')] },
      phase: 'Pending',
    },
    {
      case: 'sidecar started, app running',
      spec: spec('Always', [{ name: 'proxy', restartPolicy: 'Always' }]),
      status: { initContainerStatuses: [running('proxy')], containerStatuses: [running('app')] },
      phase: 'Running',
    },
  ] as { case: string; spec: PodSpec; status: PodStatus; phase: string }[])('$case → $phase', ({ spec, status, phase }) => {
    expect(podPhase(spec, status)).toBe(phase);
  });

  it.each([
    { exit: 0, phase: 'Succeeded' },
    { exit: 137, phase: 'Failed' },
  ])('a deleted Always pod whose container exited $exit ends $phase', ({ exit, phase }) => {
    expect(podPhase(spec('Always'), { containerStatuses: [exited('app', exit)] }, true)).toBe(phase);
  });
});

describe('kubeletConditions', () => {
  const now = '2026-11-25T10:05:00Z';
  const earlier = '2026-11-25T10:00:00Z';

  it('are in the kubelet order, with the reasons and messages of unready and uninitialized pods', () => {
    const s = spec('Always', [{ name: 'migrate' }, { name: 'proxy', restartPolicy: 'Always' }]);
    const status: PodStatus = {
      phase: 'Pending',
      initContainerStatuses: [running('migrate', false), waiting('proxy', 'PodInitializing')],
      containerStatuses: [waiting('app', 'PodInitializing')],
    };
    expect(kubeletConditions(s, status, true, [], now)).toEqual([
      { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [migrate proxy]', lastProbeTime: null, lastTransitionTime: now },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [proxy app]', lastProbeTime: null, lastTransitionTime: now },
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [proxy app]', lastProbeTime: null, lastTransitionTime: now },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
    ]);
  });

  it('keep lastTransitionTime of conditions that did not flip', () => {
    const previous = [
      { type: 'PodScheduled', status: 'True' as const, lastTransitionTime: earlier },
      { type: 'Ready', status: 'False' as const, lastTransitionTime: earlier },
      { type: 'Initialized', status: 'True' as const, lastTransitionTime: earlier },
    ];
    const conditions = kubeletConditions(spec('Always'), { containerStatuses: [running('app')] }, true, previous, now);
    expect(conditions.map((c) => `${c.type}=${c.status}@${c.lastTransitionTime === earlier ? 'earlier' : 'now'}`)).toEqual([
      'PodReadyToStartContainers=True@now',
      'Initialized=True@earlier',
      'Ready=True@now',
      'ContainersReady=True@now',
      'PodScheduled=True@earlier',
    ]);
  });

  it('say PodCompleted once the pod Succeeded', () => {
    const conditions = kubeletConditions(spec('Never'), { phase: 'Succeeded', containerStatuses: [exited('app', 0)] }, false, [], now);
    expect(conditions.map((c) => `${c.type}=${c.status}${c.reason ? `(${c.reason})` : ''}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True(PodCompleted)',
      'Ready=False(PodCompleted)',
      'ContainersReady=False(PodCompleted)',
      'PodScheduled=True',
    ]);
  });
});

describe('fitError', () => {
  it.each([
    { nodes: () => new Nodes(3), message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' },
    {
      nodes: () => new Nodes(3, ['node-4']),
      message:
        '0/4 nodes are available: 1 node(s) had untolerated taint {chaos.podtui.dev/reserved: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    },
    {
      nodes: () => {
        const nodes = new Nodes(3, ['node-4']);
        nodes.get('node-4')!.lost = true;
        nodes.get('node-1')!.lost = true;
        return nodes;
      },
      message:
        // A lost node is tainted unreachable, whatever else it was.
        '0/4 nodes are available: 2 Insufficient cpu, 2 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    },
  ])('$message', ({ nodes, message }) => {
    expect(fitError(nodes().all)).toBe(message);
  });
});

describe('EventRecorder aggregation', () => {
  it('folds only Events that agree on source, object, type, reason and message', () => {
    const clock = new VirtualClock();
    const emulator = createEmulator(clock);
    const recorder = new EventRecorder(emulator.store, clock);
    const pod = { namespace: 'demo', name: 'web-1', uid: 'u1' };
    const kubelet = { component: 'kubelet', host: 'node-1' };
    recorder.record({ ...pod, fieldPath: 'spec.containers{app}' }, kubelet, 'Normal', 'Pulled', 'Container image "a" already present on machine');
    clock.advance(5_000);
    recorder.record({ ...pod, fieldPath: 'spec.containers{app}' }, kubelet, 'Normal', 'Pulled', 'Container image "a" already present on machine');
    recorder.record({ ...pod, fieldPath: 'spec.containers{sidecar}' }, kubelet, 'Normal', 'Pulled', 'Container image "a" already present on machine');
    recorder.record({ ...pod, fieldPath: 'spec.containers{app}' }, { component: 'kubelet', host: 'node-2' }, 'Normal', 'Pulled', 'Container image "a" already present on machine');
    recorder.record({ ...pod, fieldPath: 'spec.containers{app}' }, kubelet, 'Normal', 'Pulled', 'Container image "b" already present on machine');
    recorder.stop();
    const events = emulator.store.list('events') as unknown as KubeEvent[];
    expect(events.map((e) => `${e.involvedObject.fieldPath} ${e.source?.host} ${e.message} x${e.count} ${e.firstTimestamp}..${e.lastTimestamp}`).sort()).toEqual([
      'spec.containers{app} node-1 Container image "a" already present on machine x2 2026-11-25T10:00:00Z..2026-11-25T10:00:05Z',
      'spec.containers{app} node-1 Container image "b" already present on machine x1 2026-11-25T10:00:05Z..2026-11-25T10:00:05Z',
      'spec.containers{app} node-2 Container image "a" already present on machine x1 2026-11-25T10:00:05Z..2026-11-25T10:00:05Z',
      'spec.containers{sidecar} node-1 Container image "a" already present on machine x1 2026-11-25T10:00:05Z..2026-11-25T10:00:05Z',
    ]);
    expect(new Set(events.map((e) => e.metadata.name)).size).toBe(4);
  });
});
