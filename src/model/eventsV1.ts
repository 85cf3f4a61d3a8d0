// The two faces of one Event. The API server stores an Event once and serves
// it through core/v1 and events.k8s.io/v1 alike, renaming fields on the way
// (k8s pkg/apis/events/v1/conversion.go): regarding ⇄ involvedObject,
// note ⇄ message, deprecatedSource ⇄ source, deprecated{First,Last}Timestamp
// and deprecatedCount ⇄ firstTimestamp/lastTimestamp/count,
// reportingController ⇄ reportingComponent. Everything else keeps its name.
// Absent times come out as null, as Go's zero metav1.Time marshals.
import type { EventsV1Event, KubeEvent, ObjectMeta, ObjectReference } from './types.js';

/** core/v1 has `related` too; podtui's KubeEvent leaves it out because nothing draws it. */
type CoreEventWithRelated = KubeEvent & { related?: ObjectReference };

const copyMetadata = (metadata: ObjectMeta): ObjectMeta => structuredClone(metadata);

/** An events.k8s.io/v1 Event as core/v1 serves it (and as the store keeps it). */
export function eventsV1ToCore(e: EventsV1Event): KubeEvent {
  const core: CoreEventWithRelated = {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: copyMetadata(e.metadata),
    involvedObject: { ...(e.regarding ?? {}) },
    source: { ...(e.deprecatedSource ?? {}) },
    firstTimestamp: e.deprecatedFirstTimestamp ?? null,
    lastTimestamp: e.deprecatedLastTimestamp ?? null,
    eventTime: e.eventTime ?? null,
    reportingComponent: e.reportingController ?? '',
    reportingInstance: e.reportingInstance ?? '',
  };
  if (e.reason !== undefined) core.reason = e.reason;
  if (e.note !== undefined) core.message = e.note;
  if (e.type !== undefined) core.type = e.type;
  if (e.action !== undefined) core.action = e.action;
  if (e.deprecatedCount) core.count = e.deprecatedCount;
  if (e.series) core.series = { ...e.series };
  if (e.related) core.related = { ...e.related };
  return core;
}

/** A core/v1 Event as events.k8s.io/v1 serves it. */
export function coreToEventsV1(e: CoreEventWithRelated): EventsV1Event {
  const v1: EventsV1Event = {
    kind: 'Event',
    apiVersion: 'events.k8s.io/v1',
    metadata: copyMetadata(e.metadata),
    eventTime: e.eventTime ?? null,
    regarding: { ...e.involvedObject },
    deprecatedSource: { ...(e.source ?? {}) },
    deprecatedFirstTimestamp: e.firstTimestamp ?? null,
    deprecatedLastTimestamp: e.lastTimestamp ?? null,
  };
  if (e.reason !== undefined) v1.reason = e.reason;
  if (e.message !== undefined) v1.note = e.message;
  if (e.type !== undefined) v1.type = e.type;
  if (e.action !== undefined) v1.action = e.action;
  if (e.count) v1.deprecatedCount = e.count;
  if (e.series) v1.series = { ...e.series };
  if (e.reportingComponent) v1.reportingController = e.reportingComponent;
  if (e.reportingInstance) v1.reportingInstance = e.reportingInstance;
  if (e.related) v1.related = { ...e.related };
  return v1;
}
