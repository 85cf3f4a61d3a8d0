// The order of a pod's history. Events carry whole seconds; transitions carry
// the pod's own timestamps (also whole seconds) or, when the pod dates nothing,
// the moment podtui saw them. So within one second the order is decided by
// cause, not by the clock:
//
//   1. transitions that make the kubelet or scheduler write events: the pod's
//      creation (→ Scheduled), a deletion request (→ Killing), a container's
//      exit (→ BackOff, and the Pulled/Created/Started of its restart);
//   2. the events of that second;
//   3. every other transition: the kubelet writes its events before the
//      status that shows their outcome (Started before the container reads
//      Running, BackOff before CrashLoopBackOff, Unhealthy before Ready=False).
//
// Within the same rank, earlier `at` first, then arrival order (stable).
//
// An Event is one entry however often it repeats (the API server aggregates
// repeats into one object whose count and lastTimestamp grow). The entry
// stays where the Event FIRST happened and grows in place: the story reads
// in order (the first BackOff follows the first crash), and the steps of a
// user looking at the past do not shift under them. Its latest time is
// `event.lastAt`, every time podtui saw it is in `event.occurrences`. If
// its entry already fell off the front of a bounded timeline, a repeat brings
// it back at the repeat's time: it is news again, and it must not land in
// front of what is kept (only to be dropped again at once).
import type { Pod } from './types.js';
import { DerivedTransition, transitionLineId } from './derivedTransition.js';
import type { EventEntry, EventTimelineEntry, TimelineEntry, Transition, TransitionEntry } from './views.js';

export const DEFAULT_PER_POD_LIMIT = 1_000;
// About 1.1 KB per entry (each transition keeps the pod version it came from,
// for snapshots): 50,000 entries are ~55 MB, what a 250 MB process can spare
// at 10,000 pods; 200,000 alone would fill the budget.
export const DEFAULT_TOTAL_LIMIT = 50_000;

function causesEvents(transition: Transition): boolean {
  switch (transition.kind) {
    case 'PodCreated':
    case 'DeletionRequested':
      return true;
    case 'ContainerStateChanged':
      return transition.state?.to?.terminated !== undefined;
    default:
      return false;
  }
}

/** 0, 1 or 2 as above. */
export function entryRank(entry: TimelineEntry): number {
  if (entry.source === 'event') return 1;
  return causesEvents(entry.transition) ? 0 : 2;
}

/** Negative when `a` comes first; 0 when only arrival order can tell them apart. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  const secondA = Math.floor(a.at / 1000);
  const secondB = Math.floor(b.at / 1000);
  if (secondA !== secondB) return secondA - secondB;
  const rank = entryRank(a) - entryRank(b);
  if (rank !== 0) return rank;
  return a.at - b.at;
}

/** Inserts in place after every entry that does not come later (stable); returns the index. */
export function insertSorted(timeline: TimelineEntry[], entry: TimelineEntry): number {
  // New entries almost always belong at the end: walk back from there.
  let index = timeline.length;
  while (index > 0 && compareEntries(timeline[index - 1]!, entry) > 0) index--;
  if (index === timeline.length) timeline.push(entry);
  else timeline.splice(index, 0, entry);
  return index;
}

/**
 * A transition's line in its pod's timeline. Tens of thousands are kept, so
 * the id (unique across pods: seq counts every version of every pod) is
 * written when read, not stored, and `at` is the transition's own.
 */
class TransitionLine implements TransitionEntry {
  readonly source = 'transition';
  constructor(
    readonly podKey: string,
    readonly transition: Transition,
    readonly pod: Pod,
    readonly seq: number,
    private readonly index: number,
  ) {}
  get id(): string {
    return transitionLineId(this.seq, this.index);
  }
  get at(): number {
    return this.transition.at;
  }
}

/** A transition as the `index`-th line of version `seq` of a pod; a transition the model made is its own line. */
export function transitionEntry(podKey: string, transition: Transition, pod: Pod, seq: number, index: number): TransitionEntry {
  const placed = transition instanceof DerivedTransition ? transition.placeInTimeline(podKey, pod, seq, index) : undefined;
  return placed ?? new TransitionLine(podKey, transition, pod, seq, index);
}

/** The id of an Event's entry: one entry per Event object. */
const eventEntryId = (uid: string): string => `e:${uid}`;

/** An Event's line: made again each time the Event repeats, so its id too is written only when read. */
class EventLine implements EventTimelineEntry {
  readonly source = 'event';
  constructor(
    readonly podKey: string,
    readonly event: EventEntry,
    readonly at: number,
  ) {}
  get id(): string {
    return eventEntryId(this.event.uid);
  }
}

/** An Event's entry, placed at its first occurrence unless told otherwise (see above). */
export function eventTimelineEntry(podKey: string, event: EventEntry, at = event.firstAt): TimelineEntry {
  return new EventLine(podKey, event, at);
}

/** Whether an entry is one a user must look at (the `w` filter). */
export function isWarning(entry: TimelineEntry): boolean {
  return entry.source === 'event' ? entry.event.type === 'Warning' : entry.transition.type === 'Warning';
}
