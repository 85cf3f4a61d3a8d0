// The parts of a pod's status the kubelet derives from its containers
// (kubelet_pods.go getPhase, pkg/kubelet/status/generate.go): the phase and
// the kubelet-owned conditions, in the order the kubelet writes them.
import type { ContainerStatus, PodCondition, PodPhase, PodSpec, PodStatus } from '../../model/types.js';

/** Conditions the kubelet owns; any other (DisruptionTarget, readiness gates) is kept from the stored pod. */
export const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

const isSidecar = (spec: PodSpec, name: string) =>
  spec.initContainers?.some((c) => c.name === name && c.restartPolicy === 'Always') ?? false;

const exitedOk = (status: ContainerStatus) => status.state?.terminated?.exitCode === 0;

/** Init containers that still hold up initialization (sidecars count until started). */
function incompleteInit(spec: PodSpec, status: PodStatus): string[] {
  const incomplete: string[] = [];
  for (const container of spec.initContainers ?? []) {
    const cs = status.initContainerStatuses?.find((s) => s.name === container.name);
    const done = isSidecar(spec, container.name) ? cs?.started === true : cs !== undefined && exitedOk(cs);
    if (!done) incomplete.push(container.name);
  }
  return incomplete;
}

/** App containers and sidecars that are not ready. */
function unready(spec: PodSpec, status: PodStatus): string[] {
  const names: string[] = [];
  for (const container of spec.initContainers ?? []) {
    if (!isSidecar(spec, container.name)) continue;
    if (!status.initContainerStatuses?.find((s) => s.name === container.name)?.ready) names.push(container.name);
  }
  for (const container of spec.containers) {
    if (!status.containerStatuses?.find((s) => s.name === container.name)?.ready) names.push(container.name);
  }
  return names;
}

/** getPhase: Pending through init and waiting, Running while anything runs or restarts, then the outcome. */
export function podPhase(spec: PodSpec, status: PodStatus, podIsTerminal = false): PodPhase {
  const restartPolicy = spec.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  for (const container of spec.initContainers ?? []) {
    const cs = status.initContainerStatuses?.find((s) => s.name === container.name);
    // A sidecar holds up the pod only until it has started; a regular init container until it exited 0.
    if (isSidecar(spec, container.name) ? cs?.started === true : cs !== undefined && exitedOk(cs)) continue;
    if (cs?.state?.terminated || cs?.lastState?.terminated) failedInit++;
    pendingInit++;
  }
  if (pendingInit > 0) {
    if (restartPolicy === 'Never' && failedInit > 0) return 'Failed';
    return 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const container of spec.containers) {
    const cs = status.containerStatuses?.find((s) => s.name === container.name);
    if (!cs?.state) {
      waiting++;
    } else if (cs.state.running) {
      running++;
    } else if (cs.state.terminated) {
      stopped++;
      if (cs.state.terminated.exitCode === 0) succeeded++;
    } else if (cs.lastState?.terminated) {
      stopped++;
    } else {
      waiting++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
  if (restartPolicy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  if (restartPolicy === 'Never') return 'Failed';
  return 'Running';
}

const goList = (names: readonly string[]) => `[${names.join(' ')}]`;

interface Wanted {
  type: string;
  status: PodCondition['status'];
  reason?: string;
  message?: string;
}

/** The kubelet's conditions for this status, keeping lastTransitionTime when a condition did not flip. */
export function kubeletConditions(
  spec: PodSpec,
  status: PodStatus,
  sandboxReady: boolean,
  previous: readonly PodCondition[],
  now: string,
): PodCondition[] {
  const completed = status.phase === 'Succeeded';
  const wanted: Wanted[] = [];
  wanted.push({ type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' });
  const incomplete = incompleteInit(spec, status);
  if (completed) wanted.push({ type: 'Initialized', status: 'True', reason: 'PodCompleted' });
  else if (incomplete.length === 0) wanted.push({ type: 'Initialized', status: 'True' });
  else wanted.push({ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${goList(incomplete)}` });
  const notReady = unready(spec, status);
  const ready: Wanted = completed
    ? { type: 'Ready', status: 'False', reason: 'PodCompleted' }
    : notReady.length === 0
      ? { type: 'Ready', status: 'True' }
      : { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: ${goList(notReady)}` };
  wanted.push(ready);
  wanted.push({ ...ready, type: 'ContainersReady' });
  wanted.push({ type: 'PodScheduled', status: 'True' });
  return wanted.map((w) => {
    const before = previous.find((c) => c.type === w.type);
    const lastTransitionTime = before && before.status === w.status ? (before.lastTransitionTime ?? now) : now;
    return {
      type: w.type,
      status: w.status,
      ...(w.reason !== undefined && { reason: w.reason }),
      ...(w.message !== undefined && { message: w.message }),
      lastProbeTime: null,
      lastTransitionTime,
    };
  });
}
