// Kubernetes keeps no history of a pod's status: a transition exists only for
// whoever watched the pod change. This file compares two successive versions
// of one pod and names every change a user cares about, in Kubernetes' words.
// Changes nobody reads (resourceVersion, probe times, managed metadata) make
// no transition.
import type { ContainerKind, Transition } from './views.js';
import type { ContainerState, ContainerStatus, Pod, PodCondition } from './types.js';

type Base = Pick<Transition, 'observedAt' | 'resourceVersion'>;

function ms(time: string | null | undefined): number | undefined {
  if (!time) return undefined;
  const at = Date.parse(time);
  return Number.isNaN(at) ? undefined : at;
}

/** Messages from the cluster can span lines (termination logs); a timeline line cannot. */
function oneLine(text: string): string {
  return text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ').trim() : text;
}

// ---------------------------------------------------------------- containers

/** Waiting reasons that are progress, not trouble. */
const PROGRESS_WAITING_REASONS = new Set(['ContainerCreating', 'PodInitializing']);

/** A short identity of a state: two states with the same signature are the same to a user. */
export function stateSignature(state: ContainerState | undefined): string {
  if (!state) return '';
  if (state.terminated) {
    const t = state.terminated;
    return `t:${t.exitCode}:${t.signal ?? ''}:${t.reason ?? ''}:${t.startedAt ?? ''}:${t.finishedAt ?? ''}:${t.containerID ?? ''}`;
  }
  if (state.running) return `r:${state.running.startedAt ?? ''}`;
  if (state.waiting) return `w:${state.waiting.reason ?? ''}:${state.waiting.message ?? ''}`;
  return '';
}

/** One exit, however the kubelet copied it between state and lastState. */
function exitKey(state: ContainerState | undefined): string {
  const t = state?.terminated;
  return t ? `${t.exitCode}@${t.finishedAt ?? t.startedAt ?? ''}` : '';
}

/** "Terminated (Error, exit code 1)", "Waiting (CrashLoopBackOff: back-off 10s …)", "Running". */
export function describeState(state: ContainerState): string {
  if (state.terminated) {
    const t = state.terminated;
    const parts = [t.reason, `exit code ${t.exitCode}`, t.signal ? `signal ${t.signal}` : undefined].filter(Boolean);
    return `Terminated (${parts.join(', ')})`;
  }
  if (state.running) return 'Running';
  if (state.waiting) {
    const { reason, message } = state.waiting;
    if (!reason) return 'Waiting';
    return message ? `Waiting (${reason}: ${oneLine(message)})` : `Waiting (${reason})`;
  }
  return 'Unknown';
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

interface ContainerGroup {
  kind: (name: string) => ContainerKind;
  previous: readonly ContainerStatus[] | undefined;
  next: readonly ContainerStatus[] | undefined;
}

function containerGroups(previous: Pod | undefined, next: Pod): ContainerGroup[] {
  const sidecars = new Set(
    (next.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  return [
    {
      kind: (name) => (sidecars.has(name) ? 'sidecar' : 'init'),
      previous: previous?.status.initContainerStatuses,
      next: next.status.initContainerStatuses,
    },
    { kind: () => 'app', previous: previous?.status.containerStatuses, next: next.status.containerStatuses },
    {
      kind: () => 'ephemeral',
      previous: previous?.status.ephemeralContainerStatuses,
      next: next.status.ephemeralContainerStatuses,
    },
  ];
}

function diffContainer(
  out: Transition[],
  base: Base,
  kind: ContainerKind,
  before: ContainerStatus | undefined,
  after: ContainerStatus,
  readyAt: number,
): void {
  const container = { name: after.name, kind };
  const name = after.name;
  const stateTransition = (state: ContainerState, from: ContainerState | undefined, restartCount: number): Transition => ({
    ...base,
    kind: 'ContainerStateChanged',
    at: stateAt(state) ?? base.observedAt,
    type: stateIsTrouble(state) ? 'Warning' : 'Normal',
    reason: stateReason(state),
    message: `${name}: ${describeState(state)}`,
    container,
    state: { ...(from ? { from } : {}), to: state },
    restartCount,
  });

  // An exit podtui never saw as the current state (the restart came before the
  // next look): the lastState the kubelet left is the only trace of it.
  const lastTerminated = after.lastState?.terminated ? after.lastState : undefined;
  if (lastTerminated && before?.lastState !== after.lastState) {
    const exit = exitKey(lastTerminated);
    if (exit !== exitKey(before?.lastState) && exit !== exitKey(before?.state)) {
      // While the kubelet backs off (waiting) the restartCount is still the crashed instance's.
      const instance = after.state?.waiting ? after.restartCount : Math.max(0, after.restartCount - 1);
      out.push(stateTransition(lastTerminated, before?.state, instance));
    }
  }

  if (before && after.restartCount > before.restartCount) {
    const startedAt = after.state ? stateAt(after.state) : undefined;
    out.push({
      ...base,
      kind: 'ContainerRestarted',
      at: (after.state?.running ? startedAt : undefined) ?? ms(after.state?.terminated?.startedAt) ?? base.observedAt,
      type: 'Warning',
      reason: 'Restarted',
      message: `${name}: Restarted (restartCount ${after.restartCount})`,
      container,
      state: { ...(after.lastState ? { from: after.lastState } : {}), ...(after.state ? { to: after.state } : {}) },
      restartCount: after.restartCount,
    });
  }

  const stateChanged =
    after.state !== undefined && before?.state !== after.state && stateSignature(before?.state) !== stateSignature(after.state);
  if (stateChanged && after.state && stateSignature(after.state) !== '') {
    out.push(stateTransition(after.state, before?.state, after.restartCount));
  }

  // Ready and started are flips: on first sight there is nothing to flip from.
  if (before && before.ready !== after.ready) {
    out.push({
      ...base,
      kind: 'ContainerReadyChanged',
      at: readyAt,
      type: after.ready ? 'Normal' : 'Warning',
      reason: after.ready ? 'Ready' : 'NotReady',
      message: `${name}: ready ${before.ready} → ${after.ready}`,
      container,
      restartCount: after.restartCount,
    });
  }
  // `started` also drops with every exit and rises with every start; on its own
  // (while the state stays) it is the startup probe passing or failing.
  if (before && before.started !== undefined && after.started !== undefined && before.started !== after.started && !stateChanged) {
    out.push({
      ...base,
      kind: 'ContainerStartedChanged',
      at: base.observedAt,
      type: 'Normal',
      reason: after.started ? 'Started' : 'NotStarted',
      message: `${name}: started ${before.started} → ${after.started}`,
      container,
      restartCount: after.restartCount,
    });
  }
}

// ---------------------------------------------------------------- conditions

/** Conditions whose message only lists containers, which the container lines already say. */
const CONTAINER_LIST_CONDITIONS = new Set(['Ready', 'ContainersReady', 'Initialized']);

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
  const showMessage = message !== undefined && (!CONTAINER_LIST_CONDITIONS.has(type) || !reason);
  const detail = reason || showMessage ? ` (${[reason, showMessage ? message : undefined].filter(Boolean).join(': ')})` : '';
  out.push({
    ...base,
    kind: 'ConditionChanged',
    // lastTransitionTime moves only when the status flips.
    at: (flipped ? ms(after?.lastTransitionTime) : undefined) ?? base.observedAt,
    type: conditionIsTrouble(type, from, to) ? 'Warning' : 'Normal',
    reason: type,
    message: `${type}: ${from && flipped ? `${from} → ${to}` : to}${detail}`,
    condition: { type, ...(from ? { from } : {}), to, ...(reason ? { reason } : {}), ...(message ? { message } : {}) },
  });
}

function diffConditions(out: Transition[], base: Base, previous: Pod | undefined, next: Pod): void {
  const before = previous?.status.conditions;
  const after = next.status.conditions;
  if (before === after) return;
  for (const condition of after ?? []) {
    const old = before?.find((c) => c.type === condition.type);
    if (old !== condition) diffCondition(out, base, old, condition, condition.type);
  }
  for (const condition of before ?? []) {
    if (!after?.some((c) => c.type === condition.type)) diffCondition(out, base, condition, undefined, condition.type);
  }
}

/** When ContainersReady flipped in this version, its lastTransitionTime dates the containers' ready flips. */
function containersReadyAt(previous: Pod | undefined, next: Pod, observedAt: number): number {
  const after = next.status.conditions?.find((c) => c.type === 'ContainersReady');
  const before = previous?.status.conditions?.find((c) => c.type === 'ContainersReady');
  if (!after || before?.status === after.status) return observedAt;
  return ms(after.lastTransitionTime) ?? observedAt;
}

// ---------------------------------------------------------------- pod

function diffPhaseAndReason(out: Transition[], base: Base, previous: Pod | undefined, next: Pod, firstSightAt: number): void {
  const from = previous?.status.phase;
  const to = next.status.phase;
  if (to && from !== to) {
    out.push({
      ...base,
      kind: 'PhaseChanged',
      at: previous ? base.observedAt : firstSightAt,
      type: to === 'Failed' || to === 'Unknown' ? 'Warning' : 'Normal',
      reason: to,
      message: from ? `Phase: ${from} → ${to}` : `Phase: ${to}`,
    });
  }
  const reasonBefore = previous?.status.reason;
  const reasonAfter = next.status.reason;
  if (reasonBefore !== reasonAfter) {
    const message = next.status.message ? oneLine(next.status.message) : undefined;
    out.push({
      ...base,
      kind: 'PodReasonChanged',
      at: base.observedAt,
      type: reasonAfter ? 'Warning' : 'Normal',
      reason: reasonAfter ?? 'ReasonCleared',
      message: reasonAfter ? (message ? `${reasonAfter}: ${message}` : reasonAfter) : `Reason cleared (was ${reasonBefore})`,
    });
  }
}

function diffDeletion(out: Transition[], base: Base, previous: Pod | undefined, next: Pod): void {
  const deletionTimestamp = next.metadata.deletionTimestamp;
  if (!deletionTimestamp || previous?.metadata.deletionTimestamp) return;
  // deletionTimestamp is when the grace period ENDS (the API server sets it to
  // now + gracePeriodSeconds), so the request was made grace seconds before it.
  const grace = next.metadata.deletionGracePeriodSeconds;
  const endsAt = ms(deletionTimestamp);
  out.push({
    ...base,
    kind: 'DeletionRequested',
    at: endsAt !== undefined && grace !== undefined ? endsAt - grace * 1000 : base.observedAt,
    type: 'Normal',
    reason: 'Terminating',
    message: grace !== undefined ? `Deletion requested (grace period ${grace}s)` : 'Deletion requested',
    ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}),
  });
}

/**
 * Every change between two successive versions of one pod (previous undefined:
 * the first version podtui sees, described from what it already holds).
 * `observedAt` dates changes the pod itself does not date.
 */
export function diffPods(previous: Pod | undefined, next: Pod, observedAt: number): Transition[] {
  const out: Transition[] = [];
  const base: Base = { observedAt, resourceVersion: next.metadata.resourceVersion ?? '' };
  const createdAt = ms(next.metadata.creationTimestamp);
  if (!previous) {
    out.push({
      ...base,
      kind: 'PodCreated',
      at: createdAt ?? observedAt,
      type: 'Normal',
      reason: 'Created',
      message: 'Pod created',
    });
  }
  if (previous?.status !== next.status) {
    // Containers first: at the same moment, a container's change is the cause of the conditions'.
    const readyAt = containersReadyAt(previous, next, observedAt);
    const containersFrom = out.length;
    for (const group of containerGroups(previous, next)) {
      if (group.previous === group.next) continue;
      for (const status of group.next ?? []) {
        const before = group.previous?.find((s) => s.name === status.name);
        if (before !== status) diffContainer(out, base, group.kind(status.name), before, status, readyAt);
      }
    }
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
    diffPhaseAndReason(out, base, previous, next, firstSightAt ?? observedAt);
  }
  diffDeletion(out, base, previous, next);
  return out;
}

/** The pod left the API (watch DELETED). */
export function podRemoved(pod: Pod, observedAt: number): Transition {
  return {
    kind: 'PodRemoved',
    at: observedAt,
    observedAt,
    resourceVersion: pod.metadata.resourceVersion ?? '',
    type: 'Normal',
    reason: 'Deleted',
    message: 'Pod deleted',
  };
}
