// What a pod is waiting for, and until when: the kubelet's next restart of a
// crash-looping container, its next pull of an image it failed to pull, and
// the end of a Terminating pod's grace period. The UI subtracts `now` each
// second; this file only says when each wait ends.
import { countBy, lastAtBy } from './eventEntry.js';
import { snapshotAt } from './snapshot.js';
import type { ContainerStatus, Pod } from './types.js';
import type { Countdown, EventEntry, PodView } from './views.js';
import { timestampMs } from './timestamp.js';

/** The kubelet's container and image back-off: 10 s, doubling, at most 300 s. */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

const ms = timestampMs;

const GO_DURATION_PART = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** A Go time.Duration string ("40s", "2m40s", "5m0s") in ms, or undefined. */
export function parseGoDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(GO_DURATION_PART)) total += Number(amount) * UNIT_MS[unit!]!;
  return total;
}

/** "back-off 40s restarting failed container=…": the kubelet says how long it waits. */
export function backOffFromMessage(message: string | undefined): number | undefined {
  const match = /back-off (\S+) /.exec(message ?? '');
  return match ? parseGoDuration(match[1]!) : undefined;
}

/** The back-off after the n-th failure in a row (n ≥ 1): 10 s · 2^(n-1), capped at 300 s. */
export function backOffAfter(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** Math.max(0, failures - 1));
}

function crashLoopCountdown(status: ContainerStatus): Countdown | undefined {
  const waiting = status.state?.waiting;
  if (waiting?.reason !== 'CrashLoopBackOff') return undefined;
  const finishedAt = ms(status.lastState?.terminated?.finishedAt);
  if (finishedAt === undefined) return undefined;
  // Without the message: the first crash restarts at once, the kubelet waits
  // 10 s after the second, so restartCount r (the crashed instance's) waited
  // 10 s · 2^(r-1).
  const total = backOffFromMessage(waiting.message) ?? backOffAfter(status.restartCount);
  return { kind: 'CrashLoopBackOff', container: status.name, until: finishedAt + total, total };
}

/** The failed pull that started the current image back-off, from the kubelet's Events. */
function lastPullFailure(events: readonly EventEntry[], container: string): EventEntry | undefined {
  let latest: EventEntry | undefined;
  for (const event of events) {
    if (event.container !== container || event.reason !== 'Failed' || !event.message.startsWith('Error: ErrImagePull')) continue;
    if (!latest || event.lastAt >= latest.lastAt) latest = event;
  }
  return latest;
}

function imagePullCountdown(status: ContainerStatus, events: readonly EventEntry[], then: number): Countdown | undefined {
  if (status.state?.waiting?.reason !== 'ImagePullBackOff') return undefined;
  // The status carries no time; the n-th "Error: ErrImagePull" began a back-off of 10 s · 2^(n-1).
  const failure = lastPullFailure(events, status.name);
  if (!failure) return undefined;
  const total = backOffAfter(countBy(failure, then));
  return { kind: 'ImagePullBackOff', container: status.name, until: lastAtBy(failure, then) + total, total };
}

function gracePeriodCountdown(pod: Pod): Countdown | undefined {
  // deletionTimestamp is when the grace period ENDS: the API server sets it to
  // the time of the DELETE plus gracePeriodSeconds.
  const until = ms(pod.metadata.deletionTimestamp);
  if (until === undefined) return undefined;
  const total = (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return { kind: 'GracePeriod', until, total };
}

/**
 * Every wait of the pod as it was at `step` (default: live), ending soonest
 * first. A wait already over stays listed (its retry is overdue); the UI
 * shows it as 0s. `now` is the caller's clock, kept for the contract: the
 * moments themselves do not depend on it.
 */
export function countdowns(view: PodView, now: number, step?: number): Countdown[] {
  void now;
  const pod = step === undefined ? view.pod : snapshotAt(view, step);
  const limit = step === undefined ? view.timeline.length : step + 1;
  // At a past step, repeated Events count as they stood then.
  const then = step === undefined ? Infinity : (view.timeline[step]?.at ?? Infinity);
  const events: EventEntry[] = [];
  for (let i = 0; i < limit && i < view.timeline.length; i++) {
    const entry = view.timeline[i]!;
    if (entry.source === 'event') events.push(entry.event);
  }
  const out: Countdown[] = [];
  const statuses = [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])];
  for (const status of statuses) {
    const countdown = crashLoopCountdown(status) ?? imagePullCountdown(status, events, then);
    if (countdown) out.push(countdown);
  }
  const grace = gracePeriodCountdown(pod);
  if (grace) out.push(grace);
  return out.sort((a, b) => a.until - b.until);
}
