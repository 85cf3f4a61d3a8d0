// The one line above the panes that says why a pod is not Ready or not
// Running, the way an on-call engineer would after reading `kubectl describe`:
// the first condition that is not True, the container that is failing (how,
// how often, when the kubelet tries again) and the latest Warning.
//   Ready=False ContainersNotReady · app: CrashLoopBackOff (exit 1, 4 restarts, next try in 32s) · BackOff x7
import { countdowns } from './countdowns.js';
import { countBy } from './eventEntry.js';
import { humanDuration } from './duration.js';
import { snapshotAt } from './snapshot.js';
import type { ContainerStatus, Pod } from './types.js';
import type { Countdown, EventEntry, PodView } from './views.js';

const SEPARATOR = ' · ';

function isHealthy(pod: Pod): boolean {
  if (pod.status.phase === 'Succeeded') return true; // done, not broken
  const ready = pod.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  return pod.status.phase === 'Running' && ready;
}

function podPart(pod: Pod, containerNamed: boolean): string | undefined {
  const { reason, message } = pod.status;
  if (reason) return message ? `${reason}: ${message.replace(/\s*\n\s*/g, ' ')}` : reason;
  const condition = pod.status.conditions?.find((c) => c.status !== 'True');
  if (!condition) return undefined;
  const head = `${condition.type}=${condition.status}${condition.reason ? ` ${condition.reason}` : ''}`;
  // "containers with unready status: [app]" says less than the container part does.
  return !containerNamed && condition.message ? `${head}: ${condition.message}` : head;
}

/** The first container keeping the pod from Ready: a pending init container first, then app containers. */
function failingContainer(pod: Pod): ContainerStatus | undefined {
  const sidecars = new Set((pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const status of pod.status.initContainerStatuses ?? []) {
    const done = sidecars.has(status.name) ? status.started === true : status.state?.terminated?.exitCode === 0;
    if (!done) return status;
  }
  return (pod.status.containerStatuses ?? []).find((status) => !status.ready);
}

function containerPart(status: ContainerStatus, countdown: Countdown | undefined, now: number): string {
  const { state, lastState } = status;
  const terminated = state?.terminated;
  const what =
    state?.waiting?.reason ??
    (terminated ? (terminated.reason ?? (terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`)) : undefined) ??
    (state?.running ? (status.started === false ? 'Running, not started' : 'Running, not ready') : 'Waiting');
  const details: string[] = [];
  const exit = terminated ?? lastState?.terminated;
  if (exit) details.push(`exit ${exit.exitCode}`);
  if (status.restartCount > 0) details.push(`${status.restartCount} restart${status.restartCount === 1 ? '' : 's'}`);
  if (countdown) details.push(`next try in ${humanDuration(Math.max(0, countdown.until - now))}`);
  return `${status.name}: ${what}${details.length ? ` (${details.join(', ')})` : ''}`;
}

function latestWarning(view: PodView, lastStep: number): EventEntry | undefined {
  let latest: EventEntry | undefined;
  for (let i = 0; i <= lastStep && i < view.timeline.length; i++) {
    const entry = view.timeline[i]!;
    if (entry.source === 'event' && entry.event.type === 'Warning' && (!latest || entry.event.lastAt >= latest.lastAt)) latest = entry.event;
  }
  return latest;
}

/**
 * Why the pod (as it was at `step`, default live) is not Ready or not
 * Running; undefined for a healthy or completed pod. At a past step the
 * countdown is told from that step's moment, as it read then.
 */
export function whyLine(view: PodView, now: number, step?: number): string | undefined {
  const live = step === undefined || step >= view.timeline.length - 1;
  const pod = live ? view.pod : snapshotAt(view, step);
  if (isHealthy(pod)) return undefined;
  const lastStep = live ? view.timeline.length - 1 : step;
  const then = live ? now : Math.min(now, view.timeline[step]?.at ?? now);

  const container = failingContainer(pod);
  const parts: string[] = [];
  const head = podPart(pod, container !== undefined);
  if (head) parts.push(head);
  if (container) {
    const countdown = countdowns(view, now, live ? undefined : step).find((c) => c.container === container.name);
    parts.push(containerPart(container, countdown, then));
  }
  const warning = latestWarning(view, lastStep);
  if (warning) {
    const count = live ? warning.count : countBy(warning, then);
    parts.push(count > 1 ? `${warning.reason} x${count}` : warning.reason);
  }
  return parts.length > 0 ? parts.join(SEPARATOR) : (pod.status.phase ?? 'Unknown');
}
