// Kubernetes keeps no history of a pod's status: a transition exists only for
// whoever watched the pod change. This file compares two successive versions
// of one pod and names every change a user cares about, in Kubernetes' words.
// Changes nobody reads (resourceVersion, probe times, managed metadata) make
// no transition.
import type { ContainerKind, Transition } from './views.js';
import type { ContainerState, ContainerStatus, Pod, PodCondition } from './types.js';
import { timestampMs } from './timestamp.js';
import { isSidecar } from './podStatus.js';
import { oneLine } from './transitionMessage.js';
import { DerivedTransition, type TransitionDetails, type VersionFacts } from './derivedTransition.js';

/** What every transition of one pod version shares. */
class Base implements VersionFacts {
  private floor = Number.NaN;
  constructor(
    readonly observedAt: number,
    readonly resourceVersion: string,
    readonly pod: Pod,
    readonly previous: Pod | undefined,
  ) {}

  /** When a change the pod does not date happened, as far as podtui can say (see undatedAt); worked out only when asked. */
  get undatedAt(): number {
    if (Number.isNaN(this.floor)) this.floor = undatedAt(this.pod, this.observedAt);
    return this.floor;
  }

  /** When the containers' ready flips of this version happened (see containersReadyAt). */
  get readyAt(): number {
    return containersReadyAt(this.previous, this.pod, this);
  }
}

function make(base: Base, kind: Transition['kind'], at: number, type: Transition['type'], reason: string, details?: TransitionDetails): Transition {
  return new DerivedTransition(base, kind, at, type, reason, details);
}

const ms = timestampMs;

// ---------------------------------------------------------------- containers

/** Waiting reasons that are progress, not trouble. */
const PROGRESS_WAITING_REASONS = new Set(['ContainerCreating', 'PodInitializing']);

// Two states are the same to a user when these fields are (a terminated
// state's message is the container's termination log: not a new state).
// Compared field by field: string signatures cost an allocation per container
// per update.
const same = (a: string | number | undefined, b: string | number | undefined) => (a ?? '') === (b ?? '');

/** Whether two states are the same to a user. */
function sameState(a: ContainerState | undefined, b: ContainerState | undefined): boolean {
  const ta = a?.terminated;
  const tb = b?.terminated;
  if (ta || tb) {
    return (
      !!ta && !!tb && ta.exitCode === tb.exitCode && same(ta.signal, tb.signal) && same(ta.reason, tb.reason) &&
      same(ta.startedAt, tb.startedAt) && same(ta.finishedAt, tb.finishedAt) && same(ta.containerID, tb.containerID)
    );
  }
  const ra = a?.running;
  const rb = b?.running;
  if (ra || rb) return !!ra && !!rb && same(ra.startedAt, rb.startedAt);
  const wa = a?.waiting;
  const wb = b?.waiting;
  if (wa || wb) return !!wa && !!wb && same(wa.reason, wb.reason) && same(wa.message, wb.message);
  return true;
}

const hasState = (state: ContainerState): boolean => !sameState(state, undefined);

/** One exit, however the kubelet copied it between state and lastState. */
function sameExit(a: ContainerState | undefined, b: ContainerState | undefined): boolean {
  const ta = a?.terminated;
  const tb = b?.terminated;
  if (!ta || !tb) return !ta && !tb;
  return ta.exitCode === tb.exitCode && same(ta.finishedAt ?? ta.startedAt, tb.finishedAt ?? tb.startedAt);
}

function stateReason(state: ContainerState): string {
  if (state.terminated) return 'Terminated';
  if (state.running) return 'Running';
  return state.waiting?.reason ?? 'Waiting';
}

function stateIsTrouble(state: ContainerState): boolean {
  if (state.terminated) return state.terminated.exitCode !== 0;
  const reason = state.waiting?.reason;
  return reason !== undefined && !PROGRESS_WAITING_REASONS.has(reason);
}

/** The moment a state began, when the pod says (waiting states carry no time). */
function stateAt(state: ContainerState): number | undefined {
  if (state.terminated) return ms(state.terminated.finishedAt) ?? ms(state.terminated.startedAt);
  if (state.running) return ms(state.running.startedAt);
  return undefined;
}

/** The entry named `name`, looked up where it was in the other version first (lists keep their order). */
function byName<T extends { name: string }>(list: readonly T[] | undefined, name: string, hint: number): T | undefined {
  if (!list) return undefined;
  const guess = list[hint];
  if (guess?.name === name) return guess;
  for (const item of list) if (item.name === name) return item;
  return undefined;
}

function byType(list: readonly PodCondition[] | undefined, type: string, hint: number): PodCondition | undefined {
  if (!list) return undefined;
  const guess = list[hint];
  if (guess?.type === type) return guess;
  for (const item of list) if (item.type === type) return item;
  return undefined;
}

// The containers' kind and ready time reach diffContainer as plain values, not
// closures made per version: with closures, V8 took longer to settle on
// optimized code, and the first 100,000 updates after start cost 4–8 % more
// (paired runs, docs/performance.md item 12; the running cost did not change).
function diffStatuses(
  out: Transition[],
  base: Base,
  previous: readonly ContainerStatus[] | undefined,
  next: readonly ContainerStatus[] | undefined,
  kind: ContainerKind,
): void {
  if (previous === next || !next) return;
  for (let i = 0; i < next.length; i++) {
    const status = next[i]!;
    const before = byName(previous, status.name, i);
    if (before !== status) diffContainer(out, base, kind === 'init' ? initKind(base.pod, status.name) : kind, before, status);
  }
}

/** An init container's kind: a sidecar when it restarts always. */
function initKind(pod: Pod, name: string): ContainerKind {
  return isSidecar(pod.spec.initContainers?.find((c) => c.name === name)) ? 'sidecar' : 'init';
}

type ContainerRef = NonNullable<Transition['container']>;
/** Names seen per kind; past this many, refs are made afresh (a cluster has far fewer distinct names). */
const MAX_SHARED_REFS = 4_096;
const containerRefs = new Map<ContainerKind, Map<string, ContainerRef>>();

/**
 * The `container` of a transition, one frozen object per name and kind: every
 * update of every pod diffs its containers, and a new `{ name, kind }` each
 * time was an allocation per container per update, kept in the history.
 */
function containerRef(name: string, kind: ContainerKind): ContainerRef {
  let byName = containerRefs.get(kind);
  if (!byName) containerRefs.set(kind, (byName = new Map()));
  let ref = byName.get(name);
  if (!ref) {
    ref = Object.freeze({ name, kind });
    if (byName.size < MAX_SHARED_REFS) byName.set(name, ref);
  }
  return ref;
}

function stateTransition(base: Base, container: ContainerRef, state: ContainerState, from: ContainerState | undefined, restartCount: number): Transition {
  return make(
    base,
    'ContainerStateChanged',
    stateAt(state) ?? base.undatedAt,
    stateIsTrouble(state) ? 'Warning' : 'Normal',
    stateReason(state),
    { container, state: { from, to: state }, restartCount },
  );
}

function diffContainer(
  out: Transition[],
  base: Base,
  kind: ContainerKind,
  before: ContainerStatus | undefined,
  after: ContainerStatus,
): void {
  const container = containerRef(after.name, kind);

  // An exit podtui never saw as the current state (the restart came before the
  // next look): the lastState the kubelet left is the only trace of it.
  const lastTerminated = after.lastState?.terminated ? after.lastState : undefined;
  if (lastTerminated && before?.lastState !== after.lastState) {
    if (!sameExit(lastTerminated, before?.lastState) && !sameExit(lastTerminated, before?.state)) {
      // While the kubelet backs off (waiting) the restartCount is still the crashed instance's.
      const instance = after.state?.waiting ? after.restartCount : Math.max(0, after.restartCount - 1);
      out.push(stateTransition(base, container, lastTerminated, before?.state, instance));
    }
  }

  if (before && after.restartCount > before.restartCount) {
    const startedAt = after.state ? stateAt(after.state) : undefined;
    out.push(
      make(
        base,
        'ContainerRestarted',
        (after.state?.running ? startedAt : undefined) ?? ms(after.state?.terminated?.startedAt) ?? base.undatedAt,
        'Warning',
        'Restarted',
        { container, state: { from: after.lastState, to: after.state }, restartCount: after.restartCount },
      ),
    );
  }

  const stateChanged =
    after.state !== undefined && before?.state !== after.state && !sameState(before?.state, after.state);
  if (stateChanged && after.state && hasState(after.state)) {
    out.push(stateTransition(base, container, after.state, before?.state, after.restartCount));
  }

  // Ready and started are flips: on first sight there is nothing to flip from.
  if (before && before.ready !== after.ready) {
    out.push(
      make(base, 'ContainerReadyChanged', base.readyAt, after.ready ? 'Normal' : 'Warning', after.ready ? 'Ready' : 'NotReady', {
        container,
        restartCount: after.restartCount,
      }),
    );
  }
  // `started` also drops with every exit and rises with every start; on its own
  // (while the state stays) it is the startup probe passing or failing.
  if (before && before.started !== undefined && after.started !== undefined && before.started !== after.started && !stateChanged) {
    out.push(
      make(base, 'ContainerStartedChanged', base.undatedAt, 'Normal', after.started ? 'Started' : 'NotStarted', {
        container,
        restartCount: after.restartCount,
      }),
    );
  }
}

// ---------------------------------------------------------------- conditions

function conditionIsTrouble(type: string, from: string | undefined, to: string): boolean {
  if (type === 'DisruptionTarget') return to === 'True';
  if (to === 'Unknown') return true;
  if (to !== 'False') return false;
  return from === 'True' || type === 'PodScheduled';
}

function diffCondition(out: Transition[], base: Base, before: PodCondition | undefined, after: PodCondition | undefined, type: string): void {
  const from = before?.status;
  const to = after?.status ?? 'Removed';
  const flipped = from !== to;
  if (!flipped && before?.reason === after?.reason && before?.message === after?.message) return;
  const reason = after?.reason;
  const message = after?.message ? oneLine(after.message) : undefined;
  out.push(
    make(
      base,
      'ConditionChanged',
      // lastTransitionTime moves only when the status flips.
      (flipped ? ms(after?.lastTransitionTime) : undefined) ?? base.undatedAt,
      conditionIsTrouble(type, from, to) ? 'Warning' : 'Normal',
      type,
      { condition: { type, from, to, reason, message } },
    ),
  );
}

function diffConditions(out: Transition[], base: Base, previous: Pod | undefined, next: Pod): void {
  const before = previous?.status.conditions;
  const after = next.status.conditions;
  if (before === after) return;
  if (after) {
    for (let i = 0; i < after.length; i++) {
      const condition = after[i]!;
      const old = byType(before, condition.type, i);
      if (old !== condition) diffCondition(out, base, old, condition, condition.type);
    }
  }
  if (before) {
    for (let i = 0; i < before.length; i++) {
      const condition = before[i]!;
      if (!byType(after, condition.type, i)) diffCondition(out, base, condition, undefined, condition.type);
    }
  }
}

/** When ContainersReady flipped in this version, its lastTransitionTime dates the containers' ready flips. */
function containersReadyAt(previous: Pod | undefined, next: Pod, base: Base): number {
  const after = byType(next.status.conditions, 'ContainersReady', 3);
  const before = byType(previous?.status.conditions, 'ContainersReady', 3);
  const flippedAt = after && before?.status !== after.status ? ms(after.lastTransitionTime) : undefined;
  return flippedAt ?? base.undatedAt;
}

// ---------------------------------------------------------------- pod

function diffPhaseAndReason(out: Transition[], base: Base, previous: Pod | undefined, next: Pod, firstSightAt: number): void {
  const from = previous?.status.phase;
  const to = next.status.phase;
  if (to && from !== to) {
    out.push(
      make(base, 'PhaseChanged', previous ? base.undatedAt : firstSightAt, to === 'Failed' || to === 'Unknown' ? 'Warning' : 'Normal', to, { was: from }),
    );
  }
  const reasonBefore = previous?.status.reason;
  const reasonAfter = next.status.reason;
  if (reasonBefore !== reasonAfter) {
    const message = next.status.message ? oneLine(next.status.message) : undefined;
    out.push(
      make(
        base,
        'PodReasonChanged',
        base.undatedAt,
        reasonAfter ? 'Warning' : 'Normal',
        reasonAfter ?? 'ReasonCleared',
        { was: reasonBefore, note: message },
      ),
    );
  }
}

function diffDeletion(out: Transition[], base: Base, previous: Pod | undefined, next: Pod): void {
  const deletionTimestamp = next.metadata.deletionTimestamp;
  if (!deletionTimestamp || previous?.metadata.deletionTimestamp) return;
  // deletionTimestamp is when the grace period ENDS (the API server sets it to
  // now + gracePeriodSeconds), so the request was made grace seconds before it.
  const grace = next.metadata.deletionGracePeriodSeconds;
  const endsAt = ms(deletionTimestamp);
  out.push(
    make(
      base,
      'DeletionRequested',
      endsAt !== undefined && grace !== undefined ? endsAt - grace * 1000 : base.undatedAt,
      'Normal',
      'Terminating',
      { gracePeriodSeconds: grace },
    ),
  );
}

function newestState(state: ContainerState | undefined, newest: number): number {
  if (!state) return newest;
  const at = stateAt(state);
  return at !== undefined && at > newest ? at : newest;
}

/**
 * A change the pod does not date (a waiting reason, a phase, a flip of
 * `started`) is dated by the observation. But the client's clock is not the
 * cluster's: a few seconds behind, a CrashLoopBackOff would sort before the
 * exit that caused it. The version was written after every time it carries,
 * so that newest time is a floor for the observation.
 */
function undatedAt(pod: Pod, observedAt: number): number {
  let newest = ms(pod.metadata.creationTimestamp) ?? -Infinity;
  for (const condition of pod.status.conditions ?? []) {
    const at = ms(condition.lastTransitionTime);
    if (at !== undefined && at > newest) newest = at;
  }
  newest = newestOfStatuses(pod.status.initContainerStatuses, newest);
  newest = newestOfStatuses(pod.status.containerStatuses, newest);
  newest = newestOfStatuses(pod.status.ephemeralContainerStatuses, newest);
  return Math.max(observedAt, newest);
}

function newestOfStatuses(statuses: readonly ContainerStatus[] | undefined, newest: number): number {
  if (!statuses) return newest;
  for (let i = 0; i < statuses.length; i++) newest = newestState(statuses[i]!.lastState, newestState(statuses[i]!.state, newest));
  return newest;
}

/**
 * Every change between two successive versions of one pod (previous undefined:
 * the first version podtui sees, described from what it already holds).
 * `observedAt` dates changes the pod itself does not date.
 */
export function diffPods(previous: Pod | undefined, next: Pod, observedAt: number): Transition[] {
  const out: Transition[] = [];
  const base = new Base(observedAt, next.metadata.resourceVersion ?? '', next, previous);
  const createdAt = ms(next.metadata.creationTimestamp);
  if (!previous) {
    out.push(make(base, 'PodCreated', createdAt ?? observedAt, 'Normal', 'Created'));
  }
  if (previous?.status !== next.status) {
    // Containers first: at the same moment, a container's change is the cause of the conditions'.
    const containersFrom = out.length;
    const was = previous?.status;
    diffStatuses(out, base, was?.initContainerStatuses, next.status.initContainerStatuses, 'init');
    diffStatuses(out, base, was?.containerStatuses, next.status.containerStatuses, 'app');
    diffStatuses(out, base, was?.ephemeralContainerStatuses, next.status.ephemeralContainerStatuses, 'ephemeral');
    const containersTo = out.length;
    diffConditions(out, base, previous, next);
    // A pod seen for the first time in phase Running/Succeeded/Failed got there
    // when its newest container started or finished; Pending began at creation.
    let firstSightAt = next.status.phase === 'Pending' ? (createdAt ?? observedAt) : undefined;
    if (firstSightAt === undefined) {
      for (let i = containersFrom; i < containersTo; i++) {
        const t = out[i]!;
        const dated = t.state?.to ? stateAt(t.state.to) : undefined;
        if (dated !== undefined) firstSightAt = Math.max(firstSightAt ?? dated, dated);
      }
    }
    diffPhaseAndReason(out, base, previous, next, firstSightAt ?? base.undatedAt);
  }
  diffDeletion(out, base, previous, next);
  return out;
}

/** The pod left the API (watch DELETED). */
export function podRemoved(pod: Pod, observedAt: number): Transition {
  const base = new Base(observedAt, pod.metadata.resourceVersion ?? '', pod, undefined);
  return make(base, 'PodRemoved', base.undatedAt, 'Normal', 'Deleted');
}
