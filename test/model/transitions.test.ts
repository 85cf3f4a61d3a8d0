import { describe, expect, test } from 'vitest';
import { diffPods, podRemoved } from '../../src/model/transitions.js';
import type { Pod } from '../../src/model/types.js';
import type { Transition } from '../../src/model/views.js';
import {
  PodHistory,
  appStatus,
  at,
  condition,
  iso,
  pullAndStart,
  running,
  scheduleAndCreate,
  setCondition,
  setReady,
} from './fixtures/history.js';

/** A pod that has been Running and Ready since +3 s. */
function runningPod(): Pod {
  const h = new PodHistory('web-6f9c7-x2kqp');
  h.created();
  scheduleAndCreate(h);
  pullAndStart(h, 3, true);
  return structuredClone(running(h, 3, 0));
}

function changed(pod: Pod, mutate: (next: Pod) => void): Pod {
  const next = structuredClone(pod);
  mutate(next);
  next.metadata.resourceVersion = String(Number(pod.metadata.resourceVersion ?? 0) + 1);
  return next;
}

const OBSERVED = at(100.4);

interface Case {
  name: string;
  mutate: (pod: Pod) => void;
  /** Sets up the version before (from the running pod). */
  before?: (pod: Pod) => void;
  expected: Partial<Transition>[];
}

const cases: Case[] = [
  {
    name: 'phase change',
    mutate: (pod) => {
      pod.status.phase = 'Failed';
    },
    expected: [{ kind: 'PhaseChanged', reason: 'Failed', type: 'Warning', message: 'Phase: Running → Failed', at: OBSERVED }],
  },
  {
    name: 'pod reason set (eviction)',
    mutate: (pod) => {
      pod.status.reason = 'Evicted';
      pod.status.message = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91332Ki.';
    },
    expected: [
      {
        kind: 'PodReasonChanged',
        reason: 'Evicted',
        type: 'Warning',
        message: 'Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 91332Ki.',
      },
    ],
  },
  {
    name: 'pod reason cleared (a NodeLost pod whose node came back)',
    mutate: (pod) => {
      delete pod.status.reason;
    },
    before: (pod) => {
      pod.status.reason = 'NodeLost';
    },
    expected: [{ kind: 'PodReasonChanged', reason: 'ReasonCleared', type: 'Normal', message: 'Reason cleared (was NodeLost)', at: OBSERVED }],
  },
  {
    name: 'container ready and started rise again (readiness and startup probes pass)',
    before: (pod) => {
      appStatus(pod).ready = false;
      appStatus(pod).started = false;
    },
    mutate: (pod) => {
      appStatus(pod).ready = true;
      appStatus(pod).started = true;
    },
    expected: [
      { kind: 'ContainerReadyChanged', reason: 'Ready', type: 'Normal', message: 'app: ready false → true' },
      { kind: 'ContainerStartedChanged', reason: 'Started', type: 'Normal', message: 'app: started false → true' },
    ],
  },
  {
    name: 'deletion requested without a grace period on record',
    mutate: (pod) => {
      pod.metadata.deletionTimestamp = iso(100);
    },
    expected: [{ kind: 'DeletionRequested', reason: 'Terminating', message: 'Deletion requested', gracePeriodSeconds: undefined }],
  },
  {
    name: 'condition added (DisruptionTarget)',
    mutate: (pod) => {
      setCondition(pod, condition('DisruptionTarget', true, 99, 'TerminationByKubelet', 'The node was low on resource: memory.'));
    },
    expected: [
      {
        kind: 'ConditionChanged',
        reason: 'DisruptionTarget',
        type: 'Warning',
        at: at(99),
        message: 'DisruptionTarget: True (TerminationByKubelet: The node was low on resource: memory.)',
        condition: { type: 'DisruptionTarget', to: 'True', reason: 'TerminationByKubelet', message: 'The node was low on resource: memory.' },
      },
    ],
  },
  {
    name: 'condition flipped: readiness probe failing (container ready and Ready conditions)',
    mutate: (pod) => {
      appStatus(pod).ready = false;
      setReady(pod, false, 98);
    },
    expected: [
      { kind: 'ContainerReadyChanged', reason: 'NotReady', type: 'Warning', message: 'app: ready true → false', at: at(98), container: { name: 'app', kind: 'app' } },
      { kind: 'ConditionChanged', reason: 'Ready', type: 'Warning', message: 'Ready: True → False (ContainersNotReady)', at: at(98) },
      { kind: 'ConditionChanged', reason: 'ContainersReady', type: 'Warning', message: 'ContainersReady: True → False (ContainersNotReady)', at: at(98) },
    ],
  },
  {
    name: 'condition message changed without a flip: dated by observation',
    mutate: (pod) => {
      setCondition(pod, condition('PodScheduled', true, 50, 'Rescheduled', 'moved'));
    },
    expected: [{ kind: 'ConditionChanged', reason: 'PodScheduled', at: OBSERVED, message: 'PodScheduled: True (Rescheduled: moved)' }],
  },
  {
    name: 'condition removed',
    mutate: (pod) => {
      pod.status.conditions = pod.status.conditions!.filter((c) => c.type !== 'PodReadyToStartContainers');
    },
    expected: [{ kind: 'ConditionChanged', reason: 'PodReadyToStartContainers', message: 'PodReadyToStartContainers: True → Removed', at: OBSERVED }],
  },
  {
    name: 'container terminated (Error, exit 1)',
    mutate: (pod) => {
      appStatus(pod).state = { terminated: { exitCode: 1, reason: 'Error', startedAt: iso(3), finishedAt: iso(97), containerID: 'containerd://abc' } };
    },
    expected: [
      {
        kind: 'ContainerStateChanged',
        reason: 'Terminated',
        type: 'Warning',
        at: at(97),
        message: 'app: Terminated (Error, exit code 1)',
        restartCount: 0,
      },
    ],
  },
  {
    name: 'container OOMKilled with a signal',
    mutate: (pod) => {
      appStatus(pod).state = { terminated: { exitCode: 137, signal: 9, reason: 'OOMKilled', startedAt: iso(3), finishedAt: iso(97) } };
    },
    expected: [{ kind: 'ContainerStateChanged', message: 'app: Terminated (OOMKilled, exit code 137, signal 9)', type: 'Warning' }],
  },
  {
    name: 'container completed (exit 0) is not a warning',
    mutate: (pod) => {
      appStatus(pod).state = { terminated: { exitCode: 0, reason: 'Completed', startedAt: iso(3), finishedAt: iso(97) } };
    },
    expected: [{ kind: 'ContainerStateChanged', message: 'app: Terminated (Completed, exit code 0)', type: 'Normal' }],
  },
  {
    name: 'container waiting CrashLoopBackOff with the kubelet message',
    mutate: (pod) => {
      appStatus(pod).state = {
        waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app pod=web-6f9c7-x2kqp_demo(7c1e9a52)' },
      };
    },
    expected: [
      {
        kind: 'ContainerStateChanged',
        reason: 'CrashLoopBackOff',
        type: 'Warning',
        at: OBSERVED,
        message: 'app: Waiting (CrashLoopBackOff: back-off 40s restarting failed container=app pod=web-6f9c7-x2kqp_demo(7c1e9a52))',
      },
    ],
  },
  {
    name: 'restart: new instance running, exit in lastState (startedChanged suppressed by the state change)',
    mutate: (pod) => {
      const status = appStatus(pod);
      status.lastState = { terminated: { exitCode: 1, reason: 'Error', startedAt: iso(3), finishedAt: iso(90) } };
      status.state = { running: { startedAt: iso(91) } };
      status.restartCount = 3;
    },
    expected: [
      { kind: 'ContainerStateChanged', reason: 'Terminated', at: at(90), message: 'app: Terminated (Error, exit code 1)', restartCount: 2 },
      { kind: 'ContainerRestarted', reason: 'Restarted', type: 'Warning', at: at(91), message: 'app: Restarted (restartCount 3)', restartCount: 3 },
      { kind: 'ContainerStateChanged', reason: 'Running', type: 'Normal', at: at(91), message: 'app: Running', restartCount: 3 },
    ],
  },
  {
    name: 'startup probe passed: started flips while the state stays Running',
    mutate: (pod) => {
      appStatus(pod).started = false;
    },
    expected: [{ kind: 'ContainerStartedChanged', reason: 'NotStarted', message: 'app: started true → false', at: OBSERVED }],
  },
  {
    name: 'deletion requested: deletionTimestamp is the END of the grace period',
    mutate: (pod) => {
      pod.metadata.deletionTimestamp = iso(130);
      pod.metadata.deletionGracePeriodSeconds = 30;
    },
    expected: [{ kind: 'DeletionRequested', reason: 'Terminating', at: at(100), message: 'Deletion requested (grace period 30s)', gracePeriodSeconds: 30 }],
  },
  {
    name: 'resourceVersion only',
    mutate: () => {},
    expected: [],
  },
  {
    name: 'probe time, annotations and managed metadata only',
    mutate: (pod) => {
      pod.status.conditions![0]!.lastProbeTime = iso(99);
      pod.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': iso(1) };
      (pod.metadata as unknown as Record<string, unknown>).managedFields = [{ manager: 'kubelet', operation: 'Update' }];
    },
    expected: [],
  },
];

describe('diffPods', () => {
  test.each(cases)('$name', ({ mutate, before: setUp, expected }) => {
    const before = runningPod();
    setUp?.(before);
    const after = changed(before, mutate);
    const transitions = diffPods(before, after, OBSERVED);
    expect(transitions).toHaveLength(expected.length);
    transitions.forEach((t, i) => {
      expect(t).toMatchObject(expected[i]!);
      expect(t.resourceVersion).toBe(after.metadata.resourceVersion);
      expect(t.observedAt).toBe(OBSERVED);
    });
  });

  test('first sight of a pod describes what it already holds, dated by its own timestamps', () => {
    const pod = runningPod();
    appStatus(pod).restartCount = 2;
    appStatus(pod).lastState = { terminated: { exitCode: 2, reason: 'Error', startedAt: iso(2), finishedAt: iso(2.5) } };
    const transitions = diffPods(undefined, pod, OBSERVED);
    const summary = transitions.map((t) => [t.kind, t.message, t.at]);
    expect(summary).toEqual([
      ['PodCreated', 'Pod created', at(0)],
      ['ContainerStateChanged', 'app: Terminated (Error, exit code 2)', at(2)],
      ['ContainerStateChanged', 'app: Running', at(3)],
      ['ConditionChanged', 'PodScheduled: True', at(0)],
      ['ConditionChanged', 'PodReadyToStartContainers: True', at(1)],
      ['ConditionChanged', 'Initialized: True', at(1)],
      ['ConditionChanged', 'Ready: True', at(3)],
      ['ConditionChanged', 'ContainersReady: True', at(3)],
      // Running since its newest container started.
      ['PhaseChanged', 'Phase: Running', at(3)],
    ]);
    // Ready and started are flips; nothing flipped yet.
    expect(transitions.some((t) => t.kind === 'ContainerReadyChanged' || t.kind === 'ContainerStartedChanged')).toBe(false);
  });

  test('init containers, sidecars and ephemeral containers are told apart', () => {
    const before = runningPod();
    before.spec.initContainers = [
      { name: 'migrate', image: 'ghcr.io/acme/migrate:1.4.2' },
      { name: 'proxy', image: 'envoyproxy/envoy:v1.31', restartPolicy: 'Always' },
    ];
    before.status.initContainerStatuses = [
      { name: 'migrate', ready: false, restartCount: 0, state: { running: { startedAt: iso(1) } } },
      { name: 'proxy', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'PodInitializing' } } },
    ];
    const after = changed(before, (pod) => {
      pod.status.initContainerStatuses![0]!.state = { terminated: { exitCode: 0, reason: 'Completed', startedAt: iso(1), finishedAt: iso(2) } };
      pod.status.initContainerStatuses![1]!.state = { running: { startedAt: iso(2) } };
      pod.status.ephemeralContainerStatuses = [
        { name: 'debugger-7x2k', ready: false, restartCount: 0, state: { running: { startedAt: iso(99) } } },
      ];
    });
    const containers = diffPods(before, after, OBSERVED).map((t) => [t.container?.name, t.container?.kind, t.message]);
    expect(containers).toEqual([
      ['migrate', 'init', 'migrate: Terminated (Completed, exit code 0)'],
      ['proxy', 'sidecar', 'proxy: Running'],
      ['debugger-7x2k', 'ephemeral', 'debugger-7x2k: Running'],
    ]);
  });

  test('an unschedulable pod names why in the condition line', () => {
    const pending = new PodHistory('big-5d8f7-q9z2n').created();
    const after = changed(pending, (pod) => {
      setCondition(pod, condition('PodScheduled', false, 1, 'Unschedulable', '0/3 nodes are available: 3 Insufficient cpu.'));
    });
    expect(diffPods(pending, after, OBSERVED)).toMatchObject([
      { kind: 'ConditionChanged', type: 'Warning', message: 'PodScheduled: False (Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.)' },
    ]);
  });

  test('a client clock behind the cluster: an undated change is never dated before the times the version carries', () => {
    const before = runningPod();
    const crashed = changed(before, (pod) => {
      appStatus(pod).state = { terminated: { exitCode: 1, reason: 'Error', startedAt: iso(3), finishedAt: iso(60) } };
    });
    const backingOff = changed(crashed, (pod) => {
      appStatus(pod).lastState = appStatus(pod).state!;
      appStatus(pod).state = { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=app pod=web_demo(1)' } };
    });
    // podtui's clock reads 55 s when the cluster wrote the back-off after the exit at 60 s.
    const [waiting] = diffPods(crashed, backingOff, at(55));
    expect(waiting).toMatchObject({ kind: 'ContainerStateChanged', reason: 'CrashLoopBackOff', at: at(60), observedAt: at(55) });
    // A clock ahead of the cluster is taken as it is.
    expect(diffPods(crashed, backingOff, at(70))[0]!.at).toBe(at(70));
  });

  test('a multi-line termination message never breaks the one-line rule', () => {
    const before = runningPod();
    const after = changed(before, (pod) => {
      pod.status.reason = 'Evicted';
      pod.status.message = 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi.\n  Container app used 2Gi.';
    });
    const [t] = diffPods(before, after, OBSERVED);
    expect(t!.message).toBe('Evicted: Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. Container app used 2Gi.');
  });
});

describe('podRemoved', () => {
  test('the watch said DELETED', () => {
    const pod = runningPod();
    // toMatchObject: the message is written when read (a getter), not an own field.
    expect(podRemoved(pod, OBSERVED)).toMatchObject({
      kind: 'PodRemoved',
      at: OBSERVED,
      observedAt: OBSERVED,
      resourceVersion: pod.metadata.resourceVersion,
      type: 'Normal',
      reason: 'Deleted',
      message: 'Pod deleted',
    });
  });
});
