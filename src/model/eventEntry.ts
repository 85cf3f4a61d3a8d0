// One Kubernetes Event as a timeline entry: when it happened, which container
// it is about, which pod it belongs to, and how a newer copy of the same Event
// object (count 1 → 5) folds into the entry instead of adding one.
import type { EventEntry } from './views.js';
import type { KubeEvent } from './types.js';
import { timestampMs } from './timestamp.js';

/** How many occurrence times an aggregated Event remembers (for lining up with restarts and ready flips). */
export const MAX_OCCURRENCES = 50;

const ms = timestampMs;

/**
 * When the Event last happened: series.lastObservedTime ?? lastTimestamp ??
 * eventTime ?? firstTimestamp ?? metadata.creationTimestamp (the order
 * kubectl uses), or `fallback` when it carries no time at all.
 */
export function eventTime(event: KubeEvent, fallback: number): number {
  return (
    ms(event.series?.lastObservedTime) ??
    ms(event.lastTimestamp) ??
    ms(event.eventTime) ??
    ms(event.firstTimestamp) ??
    ms(event.metadata.creationTimestamp) ??
    fallback
  );
}

/** When the Event first happened. */
export function eventFirstTime(event: KubeEvent, fallback: number): number {
  return ms(event.firstTimestamp) ?? ms(event.eventTime) ?? ms(event.metadata.creationTimestamp) ?? eventTime(event, fallback);
}

/** How many times it happened: series.count (events.k8s.io) or count (core/v1), at least 1. */
export function eventCount(event: KubeEvent): number {
  return Math.max(1, event.series?.count ?? event.count ?? 1);
}

const CONTAINER_FIELD_PATH = /^spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]+)\}$/;

/** The container an Event is about, from involvedObject.fieldPath like `spec.containers{app}`. */
export function containerOfFieldPath(fieldPath: string | undefined): string | undefined {
  if (!fieldPath) return undefined;
  return CONTAINER_FIELD_PATH.exec(fieldPath)?.[1];
}

/** The identity of an Event object: its uid, the same through core/v1 and events.k8s.io/v1. */
export function eventUid(event: KubeEvent): string {
  return event.metadata.uid ?? `${event.metadata.namespace ?? ''}/${event.metadata.name}`;
}

/** The pod an Event is about (`namespace/name`), or undefined when it is about something else. */
export function eventPodKey(event: KubeEvent): string | undefined {
  const regarding = event.involvedObject;
  if (regarding.kind !== undefined && regarding.kind !== 'Pod') return undefined;
  if (!regarding.name) return undefined;
  return `${regarding.namespace ?? event.metadata.namespace ?? ''}/${regarding.name}`;
}

/** True when the Event may belong to the pod with this uid (events without a uid match by name alone). */
export function eventMatchesPodUid(event: KubeEvent, podUid: string | undefined): boolean {
  const uid = event.involvedObject.uid;
  return !uid || !podUid || uid === podUid;
}

export function toEventEntry(event: KubeEvent, observedAt: number): EventEntry {
  const lastAt = eventTime(event, observedAt);
  const container = containerOfFieldPath(event.involvedObject.fieldPath);
  return {
    uid: eventUid(event),
    type: event.type === 'Warning' ? 'Warning' : 'Normal',
    reason: event.reason ?? '',
    message: event.message ?? '',
    count: eventCount(event),
    firstAt: Math.min(eventFirstTime(event, observedAt), lastAt),
    lastAt,
    component: event.reportingComponent || event.source?.component || '',
    container,
    occurrences: [lastAt],
    event,
  };
}

/**
 * Folds a newer copy of the same Event object into its entry. Returns the
 * entry unchanged (same object) when the copy says nothing new: the same
 * Event seen again through the other events API, or an older copy arriving
 * late, must not add or move anything.
 */
export function mergeEventEntry(entry: EventEntry, event: KubeEvent, observedAt: number): EventEntry {
  const next = toEventEntry(event, observedAt);
  if (next.count < entry.count || next.lastAt < entry.lastAt) return entry;
  if (next.count === entry.count && next.lastAt === entry.lastAt && next.message === entry.message) return entry;
  const occurrences =
    next.lastAt === entry.lastAt
      ? (entry.occurrences ?? [entry.lastAt])
      : [...(entry.occurrences ?? [entry.lastAt]), next.lastAt].slice(-MAX_OCCURRENCES);
  next.firstAt = Math.min(entry.firstAt, next.firstAt);
  next.occurrences = occurrences;
  return next;
}

/** How many times an aggregated Event had happened by `at`: its count less the repeats podtui saw after. */
export function countBy(entry: EventEntry, at: number): number {
  let later = 0;
  for (const seen of entry.occurrences ?? []) if (seen > at) later++;
  return Math.max(1, entry.count - later);
}

/** When it last happened by `at`, as far as podtui saw (its first time when every repeat came later). */
export function lastAtBy(entry: EventEntry, at: number): number {
  let last = entry.firstAt;
  for (const seen of entry.occurrences ?? [entry.lastAt]) if (seen <= at && seen > last) last = seen;
  return last;
}
