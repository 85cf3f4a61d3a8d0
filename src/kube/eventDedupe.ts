// The API server stores an Event once and serves it through both core/v1 and
// events.k8s.io/v1 with the same uid and resourceVersion. Watching both (so
// that either alone suffices when RBAC allows only one) means most events
// arrive twice; this keeps the first arrival of each version and drops the
// echo, including a lagging stream's older copy or a copy of a deleted event.
import type { KubeEvent } from '../model/types.js';
import { isOlderResourceVersion } from './resourceVersion.js';

interface Held {
  resourceVersion: string;
  /** Set once the event was reported deleted: later copies are echoes. */
  deletedAt?: number;
}

/** How long to remember a deleted event's uid, for the slower stream's echo. */
const TOMBSTONE_MS = 10 * 60_000;

const identity = (event: KubeEvent) =>
  event.metadata.uid || `${event.metadata.namespace ?? ''}/${event.metadata.name}`;

export class EventDeduper {
  private readonly held = new Map<string, Held>();
  private tombstones = 0;
  /** Tombstone count that triggers the next sweep; doubles so sweeping stays amortised O(1). */
  private sweepAt = 1000;

  /** Whether this ADDED/MODIFIED is news (not a version already passed on, an older one, or a deleted event). */
  admitUpdate(event: KubeEvent): boolean {
    const id = identity(event);
    const resourceVersion = event.metadata.resourceVersion ?? '';
    const held = this.held.get(id);
    if (held) {
      if (held.deletedAt !== undefined) return false;
      if (held.resourceVersion === resourceVersion || isOlderResourceVersion(resourceVersion, held.resourceVersion)) return false;
    }
    this.held.set(id, { resourceVersion });
    return true;
  }

  /** Whether this delete is news; `now` dates the tombstone that absorbs the other stream's echo. */
  admitDelete(event: KubeEvent, now: number): boolean {
    const id = identity(event);
    const held = this.held.get(id);
    if (held?.deletedAt !== undefined) return false;
    this.held.set(id, { resourceVersion: event.metadata.resourceVersion ?? held?.resourceVersion ?? '', deletedAt: now });
    this.tombstones++;
    if (this.tombstones > this.sweepAt) this.forgetOldTombstones(now);
    return held !== undefined;
  }

  /** How many events are remembered (live ones and tombstones). */
  get size(): number {
    return this.held.size;
  }

  private forgetOldTombstones(now: number): void {
    for (const [id, held] of this.held) {
      if (held.deletedAt !== undefined && now - held.deletedAt > TOMBSTONE_MS) this.held.delete(id);
    }
    this.tombstones = [...this.held.values()].filter((h) => h.deletedAt !== undefined).length;
    this.sweepAt = Math.max(1000, this.tombstones * 2);
  }
}
