// Which container's log Enter (or L) opens, and whether it is the previous
// instance. At LIVE: the first failing container, else the first app
// container. While stepping: the container the step is about, and its
// previous instance when the container has restarted since that step (the
// API keeps exactly one previous instance, so that is the closest it has).
import type { ContainerStatus, Pod } from '../model/types.js';
import type { TimelineEntry } from '../model/views.js';
import type { LogTarget } from './state.js';

/** Waiting reasons of a container on its normal way up: not a failure. */
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);

function failing(status: ContainerStatus): boolean {
  const { state, lastState } = status;
  if (state?.waiting?.reason && !STARTING.has(state.waiting.reason)) return true;
  if (state?.terminated && state.terminated.exitCode !== 0) return true;
  return !status.ready && status.restartCount > 0 && lastState?.terminated !== undefined;
}

function statuses(pod: Pod): ContainerStatus[] {
  return [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? []), ...(pod.status.ephemeralContainerStatuses ?? [])];
}

/** Every container of the pod, in the order kubectl lists them: init, app, ephemeral. */
export function containerNames(pod: Pod): string[] {
  const { initContainers = [], containers, ephemeralContainers = [] } = pod.spec;
  return [...initContainers, ...containers, ...ephemeralContainers].map((c) => c.name);
}

function stepContainer(entry: TimelineEntry | undefined): string | undefined {
  if (!entry) return undefined;
  return entry.source === 'transition' ? entry.transition.container?.name : entry.event.container;
}

/**
 * @param live the pod now
 * @param shown the pod as shown (the snapshot when stepping, else `live`)
 * @param stepEntry the timeline entry being looked at, when stepping
 */
export function logTarget(live: Pod, shown: Pod, stepEntry: TimelineEntry | undefined): LogTarget {
  const containers = containerNames(live);
  const fallback = live.spec.containers[0]?.name ?? containers[0] ?? '';
  const container = stepContainer(stepEntry) ?? statuses(shown).find(failing)?.name ?? fallback;
  let previous = false;
  if (stepEntry) {
    const then = statuses(shown).find((s) => s.name === container);
    const now = statuses(live).find((s) => s.name === container);
    // The instance that ran at that step has since been replaced: its log is the previous one.
    previous = then !== undefined && now !== undefined && now.restartCount > then.restartCount;
  }
  return { namespace: live.metadata.namespace ?? 'default', pod: live.metadata.name, container, containers, previous };
}
