// What the model hands the screen: plain read-only records computed from the
// pods and events it was given. The UI draws these and nothing else; every
// Kubernetes rule that produced them lives in src/model.
import type { ConnectionState } from './observations.js';
import type { ContainerState, KubeEvent, Pod } from './types.js';

/** How a STATUS is coloured: running and ready, on its way, broken, or done. */
export type Health = 'healthy' | 'progressing' | 'failing' | 'finished';

/** One row of the pod list, computed once per pod version (no `now` in it). */
export interface PodRow {
  /** `namespace/name`: the key of a pod everywhere in the model and the UI. */
  key: string;
  uid: string;
  namespace: string;
  name: string;
  /** kubectl's READY, e.g. "1/2" (sidecars counted). */
  ready: string;
  /** kubectl's STATUS, e.g. "CrashLoopBackOff", "Init:1/2", "Terminating". */
  status: string;
  health: Health;
  /** kubectl's RESTARTS count (the "(5m ago)" part is formatted with `now`). */
  restarts: number;
  /** Newest `lastState.terminated.finishedAt` among the counted containers (ms). */
  lastRestartAt?: number;
  /** metadata.creationTimestamp (ms). */
  createdAt: number;
  node: string;
  /** status.podIP, or "<none>". */
  ip: string;
  qosClass: string;
  labels: Readonly<Record<string, string>>;
}

export type ContainerKind = 'init' | 'sidecar' | 'app' | 'ephemeral';

export type TransitionKind =
  | 'PodCreated'
  | 'PhaseChanged'
  | 'PodReasonChanged'
  | 'ConditionChanged'
  | 'ContainerStateChanged'
  | 'ContainerRestarted'
  | 'ContainerReadyChanged'
  | 'ContainerStartedChanged'
  | 'DeletionRequested'
  | 'PodRemoved';

/** A change podtui derived itself by comparing two successive versions of a pod. */
export interface Transition {
  kind: TransitionKind;
  /**
   * When it happened (ms): lastTransitionTime / startedAt / finishedAt when the
   * pod says, else observedAt, but never before the newest time the same pod
   * version carries (a client clock behind the cluster must not reorder the
   * story; see transitions.ts).
   */
  at: number;
  /** When podtui saw it (ms). */
  observedAt: number;
  /** resourceVersion of the pod version that showed it. */
  resourceVersion: string;
  /** Warning for what a user must look at (a crash, a False Ready, a back-off), else Normal. */
  type: 'Normal' | 'Warning';
  /** Short label in Kubernetes words: "Running", "Ready", "Terminated", "CrashLoopBackOff", "Restarted". */
  reason: string;
  /** One line, e.g. "app: Terminated (Error, exit code 1)" or "Ready: True → False (ContainersNotReady)". */
  message: string;
  container?: { name: string; kind: ContainerKind };
  /** For ConditionChanged. */
  condition?: { type: string; from?: string; to: string; reason?: string; message?: string };
  /** For ContainerStateChanged / ContainerRestarted: the state before and after. */
  state?: { from?: ContainerState; to?: ContainerState };
  /** For container transitions: the container's restartCount in the version that showed it (for ContainerRestarted, the new one). */
  restartCount?: number;
  /** For DeletionRequested. */
  gracePeriodSeconds?: number;
}

/** An Event as one timeline entry: repeats of the same Event object grow `count`, they do not add entries. */
export interface EventEntry {
  uid: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  count: number;
  /** First and latest occurrence (ms). */
  firstAt: number;
  lastAt: number;
  /** e.g. "kubelet", "default-scheduler". */
  component: string;
  /** involvedObject.fieldPath's container, e.g. "app" from "spec.containers{app}". */
  container?: string;
  /**
   * Occurrence times podtui saw (ms, oldest first, at most 50): the first
   * copy's time, then each later copy's lastTimestamp as the count grew.
   * Lets a `Killing` x3 be attributed to the three instances it killed.
   */
  occurrences?: readonly number[];
  event: KubeEvent;
}

/**
 * One line of a pod's history. Ordered by `at`; see src/model/timeline.ts for
 * the tie rule. A transition entry carries the pod version that showed it
 * (structurally shared with its neighbours) so any step can be shown again.
 */
export type TimelineEntry =
  | {
      source: 'transition';
      id: string;
      at: number;
      podKey: string;
      transition: Transition;
      /** The pod version that showed this transition (always set by clusterState; optional for hand-made views). */
      pod?: Pod;
      /** Observation order of that version within its pod (grows by one per pod version seen). */
      seq?: number;
    }
  | { source: 'event'; id: string; at: number; podKey: string; event: EventEntry };

export type TransitionEntry = Extract<TimelineEntry, { source: 'transition' }>;
export type EventTimelineEntry = Extract<TimelineEntry, { source: 'event' }>;

/** One container instance podtui saw, not only the one `lastState` the API keeps. */
export interface ContainerInstance {
  container: string;
  kind: ContainerKind;
  /** 0 for the first instance; equals the restartCount it ran under. */
  restartCount: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  signal?: number;
  reason?: string;
  message?: string;
  /** finishedAt - startedAt (ms) when both are known. */
  ranFor?: number;
  /** A FailedPostStartHook / FailedPreStopHook / Killing event that ended this instance. */
  killedBy?: EventEntry;
}

export interface Countdown {
  kind: 'CrashLoopBackOff' | 'ImagePullBackOff' | 'GracePeriod';
  container?: string;
  /** When the wait ends (ms); the UI subtracts `now` each second. */
  until: number;
  /** Whole back-off or grace period (ms), e.g. 40 000 for "back-off 40s". */
  total: number;
}

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

export interface ProbeFailures {
  container: string;
  probe: ProbeKind;
  /** Unhealthy events of this probe, oldest first. */
  failures: EventEntry[];
  /** The ready flips (ContainerReadyChanged transitions) of that container, for lining up. */
  readyFlips: Transition[];
}

/** Everything the screen knows about one pod. */
export interface PodView {
  row: PodRow;
  pod: Pod;
  /**
   * Oldest first, bounded; `dropped` counts what fell off the front (a pod
   * version dropped before anyone read it counts as UNREAD_VERSION_UNITS:
   * its transitions were never derived; podHistory.ts).
   */
  timeline: readonly TimelineEntry[];
  dropped: number;
  /**
   * The pod as it was just before the oldest kept timeline entry (the newest
   * version among dropped transition entries), so snapshots of early steps
   * still work after older entries fell off. Undefined until something drops.
   */
  baseline?: Pod;
  /** Observation order of the newest pod version (see TimelineEntry.seq). */
  seq?: number;
}

export interface ConnectionView {
  /** One entry per stream ("pods", "events", ...). */
  streams: readonly ConnectionState[];
}
