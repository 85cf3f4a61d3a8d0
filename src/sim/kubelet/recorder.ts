// Writes Events the way client-go's recorders do, through the store.
//
// core/v1 (the kubelet, controllers): an EventCorrelator folds repeats of the
// same (source, involvedObject, type, reason, message) into ONE object whose
// `count` and `lastTimestamp` grow (a MODIFIED, not a new object). Names are
// `<object>.<hex of UnixNano>` as client-go makes them.
//
// events.k8s.io/v1 (the scheduler): isomorphic repeats grow a `series`
// {count, lastObservedTime} instead. The store holds every Event in core/v1
// shape, so these are kept as the API server shows an events.k8s.io Event
// through core/v1: eventTime, series, reportingComponent/Instance, action,
// and no firstTimestamp/lastTimestamp/count.
import type { KubeEvent, ObjectReference } from '../../model/types.js';
import type { Clock } from '../clock.js';
import type { ObjectStore, StoredObject } from '../store.js';
import { Timers } from './timers.js';

/** The object an Event is about (a pod, maybe one of its containers). */
export interface InvolvedObject {
  kind?: string;
  apiVersion?: string;
  namespace: string;
  name: string;
  uid?: string;
  fieldPath?: string;
}

export interface EventSource {
  component: string;
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

/** How long an Event lives after its last occurrence (the API server's --event-ttl default). */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/** RFC 3339 with microseconds, as metav1.MicroTime marshals. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class EventRecorder {
  /** Aggregation key → name of the Event object that holds it. */
  private readonly names = new Map<string, { namespace: string; name: string; lastAt: number }>();
  private sequence = 0;
  private readonly timers: Timers;

  constructor(private readonly store: ObjectStore, private readonly clock: Clock) {
    this.timers = new Timers(clock);
    // One sweep a minute stands in for etcd's lease-based TTL.
    this.timers.every(60_000, () => this.expire());
  }

  /** A core/v1 Event as the kubelet (or any client-go EventRecorder) writes it; repeats grow `count`. */
  record(involved: InvolvedObject, source: EventSource, type: EventType, reason: string, message: string): void {
    const now = this.clock.now();
    const key = JSON.stringify(['core', source.component, source.host ?? '', reference(involved), type, reason, message]);
    const known = this.names.get(key);
    if (known && this.store.get('events', known.namespace, known.name)) {
      known.lastAt = now;
      this.store.update<StoredObject & KubeEvent>('events', known.namespace, known.name, (event) => {
        event.count = (event.count ?? 1) + 1;
        event.lastTimestamp = this.store.timestamp(now);
      });
      return;
    }
    const name = this.eventName(involved.name, now);
    const timestamp = this.store.timestamp(now);
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: involved.namespace, creationTimestamp: timestamp },
      involvedObject: reference(involved),
      reason,
      message,
      source: { ...source },
      firstTimestamp: timestamp,
      lastTimestamp: timestamp,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    this.store.create('events', event as unknown as StoredObject);
    this.names.set(key, { namespace: involved.namespace, name, lastAt: now });
  }

  /**
   * An events.k8s.io/v1 Event (the scheduler's), stored in its core/v1 form.
   * client-go batches series updates on a 30-minute heartbeat; the emulator
   * writes each one, so a watcher sees the series grow.
   */
  recordSeries(
    involved: InvolvedObject,
    reporting: { controller: string; instance: string },
    action: string,
    type: EventType,
    reason: string,
    note: string,
  ): void {
    const now = this.clock.now();
    const key = JSON.stringify(['series', reporting.controller, reporting.instance, reference(involved), action, type, reason, note]);
    const known = this.names.get(key);
    if (known && this.store.get('events', known.namespace, known.name)) {
      known.lastAt = now;
      this.store.update<StoredObject & KubeEvent>('events', known.namespace, known.name, (event) => {
        // The first repeat starts the series at 2, as client-go's tools/events does.
        event.series = { count: (event.series?.count ?? 1) + 1, lastObservedTime: microTime(now) };
      });
      return;
    }
    const name = this.eventName(involved.name, now);
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: involved.namespace, creationTimestamp: this.store.timestamp(now) },
      involvedObject: reference(involved),
      reason,
      message: note,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: microTime(now),
      action,
      reportingComponent: reporting.controller,
      reportingInstance: reporting.instance,
    };
    this.store.create('events', event as unknown as StoredObject);
    this.names.set(key, { namespace: involved.namespace, name, lastAt: now });
  }

  stop(): void {
    this.timers.stop();
  }

  /** `<object>.<hex UnixNano>`; a running sequence keeps two Events of the same millisecond apart. */
  private eventName(objectName: string, now: number): string {
    const nanos = BigInt(Math.floor(now)) * 1_000_000n + BigInt(this.sequence++ % 1_000_000);
    return `${objectName}.${nanos.toString(16)}`;
  }

  private expire(): void {
    const cutoff = this.clock.now() - EVENT_TTL_MS;
    for (const [key, known] of this.names) {
      if (known.lastAt > cutoff) continue;
      this.store.remove('events', known.namespace, known.name);
      this.names.delete(key);
    }
  }
}

function reference(involved: InvolvedObject): ObjectReference {
  return {
    kind: involved.kind ?? 'Pod',
    namespace: involved.namespace,
    name: involved.name,
    ...(involved.uid !== undefined && { uid: involved.uid }),
    apiVersion: involved.apiVersion ?? 'v1',
    ...(involved.fieldPath !== undefined && { fieldPath: involved.fieldPath }),
  };
}
