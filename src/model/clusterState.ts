// The one reducer from observations to what the screen draws. At 10,000 pods
// and a storm of updates it must cost microseconds per observation, so the
// inner maps are updated in place; every change still returns a NEW top-level
// object with `version` + 1 (React compares references), and an observation
// that changes nothing returns the same object. Each pod's PodView is replaced
// (never mutated) when that pod changes, so a view the screen holds stays true.
import { diffPods, podRemoved } from './transitions.js';
import { eventMatchesPodUid, eventPodKey, eventUid, mergeEventEntry, toEventEntry } from './eventEntry.js';
import { DEFAULT_PER_POD_LIMIT, DEFAULT_TOTAL_LIMIT, eventTimelineEntry, insertSorted, transitionEntry } from './timeline.js';
import { sharePodVersion } from './podVersion.js';
import { podRow } from './podSummary.js';
import { PodTemplates } from './podTemplates.js';
import { PodViews } from './podViews.js';
import { UidIndex } from './uidIndex.js';
import type { ConnectionState, Observation } from './observations.js';
import type { KubeEvent, Pod } from './types.js';
import type { PodView, TimelineEntry } from './views.js';

export interface ClusterLimits {
  /** Timeline entries kept per pod (oldest dropped first). Default 1,000. */
  perPod?: number;
  /** Timeline entries kept across all pods. Default 50,000. */
  total?: number;
  /** Events kept for pods not seen yet. Default 10,000. */
  pendingEvents?: number;
  /** Entries kept for the all-pods log (mergedTimeline). Default 20,000. */
  journal?: number;
}

/**
 * One pod's bookkeeping. The total bound mostly takes its oldest entries from
 * pods other than the one just updated; cutting them there at once meant a
 * copy of that pod's timeline and a new view, for a pod nobody was looking
 * at (without any drops the reducer read ~17 % less CPU at 10,000 pods;
 * docs/performance.md, item 13). They are owed instead:
 * counted out of the totals at once, and cut when the view is next read or
 * the pod's timeline is next copied anyway (its next change).
 */
class PodRecord {
  /** Global-queue slots of this pod whose entry already left by the per-pod bound. */
  stale = 0;
  /** seq of view.baseline (-1 while nothing dropped). */
  baselineSeq = -1;
  removed = false;
  /** Entries at the front of current.timeline that the total bound dropped, not cut yet. */
  owed = 0;

  constructor(
    readonly key: string,
    readonly uid: string | undefined,
    /** The newest view, owed entries still in its timeline: the reducer's own. */
    public current: PodView,
  ) {}

  /** The pod's view as anyone outside the reducer reads it: nothing owed in it. */
  get view(): PodView {
    this.settle();
    return this.current;
  }

  /**
   * Cuts the owed entries: `current` becomes a new view whose timeline is a
   * new array nobody has seen yet. True when there were any (so a change can
   * add to that array without copying it again).
   */
  settle(): boolean {
    const { current, owed } = this;
    if (owed === 0) return false;
    let { baseline } = current;
    for (let i = 0; i < owed; i++) baseline = this.passed(current.timeline[i]!, baseline);
    this.owed = 0;
    this.current = podView(current.row, current.pod, current.timeline.slice(owed), current.dropped + owed, baseline, current.seq);
    return true;
  }

  /** The baseline once `gone` left the front: snapshots of the steps still kept may need the newest version that fell off. */
  passed(gone: TimelineEntry, baseline: Pod | undefined): Pod | undefined {
    if (gone.source !== 'transition' || !gone.pod || (gone.seq ?? 0) < this.baselineSeq) return baseline;
    this.baselineSeq = gone.seq ?? 0;
    return gone.pod;
  }
}

interface PendingEvent {
  podKey: string;
  event: KubeEvent;
  observedAt: number;
}

/** Mutable bookkeeping shared by successive states (never drawn directly). */
interface Ledger {
  readonly limits: Required<ClusterLimits>;
  readonly records: Map<string, PodRecord>;
  /** The same records by uid: an update finds its pod without building its key (a new string per update). */
  readonly byUid: UidIndex<PodRecord>;
  /** The records as the screen reads them (current views only). */
  readonly pods: PodViews;
  /** Event uid → the pod whose timeline holds it (one entry per Event object). */
  readonly eventOwners: Map<string, PodRecord>;
  /** The template parts pods of one owner share (see podTemplates). */
  readonly templates: PodTemplates;
  /** Events that came before their pod: uid → event, in arrival order (Map order is the eviction order). */
  readonly pending: Map<string, PendingEvent>;
  /** The same events by pod key, so a pod that appears finds its own without a scan. */
  readonly pendingByPod: Map<string, Set<string>>;
  /** One slot per entry added, oldest first: who to drop from when over the total bound. */
  dropQueue: PodRecord[];
  dropHead: number;
  /** Every entry added or updated, in arrival order, for the all-pods log. */
  journal: TimelineEntry[];
  totalEntries: number;
  droppedEntries: number;
  /** Grows by one per pod version seen: orders versions and names entries. */
  seq: number;
}

export interface ClusterState {
  readonly version: number;
  /** `namespace/name` → the pod's view. Updated in place; compare `version`, not this map. */
  readonly pods: ReadonlyMap<string, PodView>;
  readonly connections: readonly ConnectionState[];
  /** Streams whose initial list (or relist) was delivered in full. */
  readonly synced: ReadonlySet<string>;
  /** Timeline entries held across all pods (at most limits.total). */
  readonly totalEntries: number;
  /** Entries dropped by either bound since the start. */
  readonly droppedEntries: number;
  /** @internal Bookkeeping for the reducer and mergedTimeline. */
  readonly ledger: Ledger;
}

export function createClusterState(limits: ClusterLimits = {}): ClusterState {
  const records = new Map<string, PodRecord>();
  const ledger: Ledger = {
    limits: {
      perPod: limits.perPod ?? DEFAULT_PER_POD_LIMIT,
      total: limits.total ?? DEFAULT_TOTAL_LIMIT,
      pendingEvents: limits.pendingEvents ?? 10_000,
      journal: limits.journal ?? 20_000,
    },
    records,
    byUid: new UidIndex(),
    pods: new PodViews(records),
    eventOwners: new Map(),
    templates: new PodTemplates(),
    pending: new Map(),
    pendingByPod: new Map(),
    dropQueue: [],
    dropHead: 0,
    journal: [],
    totalEntries: 0,
    droppedEntries: 0,
    seq: 0,
  };
  return { version: 0, pods: ledger.pods, connections: [], synced: new Set(), totalEntries: 0, droppedEntries: 0, ledger };
}

function changed(state: ClusterState, patch: Partial<Pick<ClusterState, 'connections' | 'synced'>> = {}): ClusterState {
  const { ledger } = state;
  return {
    version: state.version + 1,
    pods: ledger.pods,
    connections: patch.connections ?? state.connections,
    synced: patch.synced ?? state.synced,
    totalEntries: ledger.totalEntries,
    droppedEntries: ledger.droppedEntries,
    ledger,
  };
}

/** A PodView, always of one shape (object spreads cost microseconds on this path). */
function podView(row: PodView['row'], pod: Pod, timeline: readonly TimelineEntry[], dropped: number, baseline: Pod | undefined, seq: number | undefined): PodView {
  return { row, pod, timeline, dropped, baseline, seq };
}

const sameName = (a: Pod, b: Pod) => a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;
const podKeyOf = (pod: Pod) => `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;

// ---------------------------------------------------------------- bounds

function record(ledger: Ledger, entry: TimelineEntry): void {
  ledger.journal.push(entry);
  if (ledger.journal.length >= 2 * ledger.limits.journal) ledger.journal = ledger.journal.slice(-ledger.limits.journal);
}

/** Drops the oldest entry of `timeline` (in place); the view that results. */
function dropOldest(ledger: Ledger, rec: PodRecord, view: PodView, timeline: TimelineEntry[]): PodView {
  const gone = timeline.shift()!;
  ledger.totalEntries--;
  ledger.droppedEntries++;
  return podView(view.row, view.pod, timeline, view.dropped + 1, rec.passed(gone, view.baseline), view.seq);
}

function trimPod(ledger: Ledger, rec: PodRecord, view: PodView, timeline: TimelineEntry[]): PodView {
  let next = view;
  while (timeline.length > ledger.limits.perPod) {
    next = dropOldest(ledger, rec, next, timeline);
    rec.stale++;
  }
  return next;
}

/**
 * `fresh` is the record whose timeline this observation just copied, which
 * nobody has seen yet: drops from it happen in place. Drops from any other
 * pod are owed (see PodRecord).
 */
function enforceTotal(ledger: Ledger, fresh?: PodRecord): void {
  while (ledger.totalEntries > ledger.limits.total && ledger.dropHead < ledger.dropQueue.length) {
    const rec = ledger.dropQueue[ledger.dropHead++]!;
    if (rec.removed) continue;
    if (rec.stale > 0) {
      rec.stale--;
      continue;
    }
    const { timeline } = rec.current;
    if (timeline.length === rec.owed) continue;
    if (rec === fresh) {
      rec.current = dropOldest(ledger, rec, rec.current, timeline as TimelineEntry[]);
      continue;
    }
    rec.owed++;
    ledger.totalEntries--;
    ledger.droppedEntries++;
  }
  // Reclaim the consumed head of the queue now and then.
  if (ledger.dropHead > 65_536 && ledger.dropHead * 2 > ledger.dropQueue.length) {
    ledger.dropQueue = ledger.dropQueue.slice(ledger.dropHead);
    ledger.dropHead = 0;
  }
}

function addEntry(ledger: Ledger, rec: PodRecord, timeline: TimelineEntry[], entry: TimelineEntry): void {
  insertSorted(timeline, entry);
  record(ledger, entry);
  ledger.dropQueue.push(rec);
  ledger.totalEntries++;
}

// ---------------------------------------------------------------- events

/** Adds or updates one Event in a pod's timeline (in place); false when it changed nothing. */
function applyEvent(ledger: Ledger, rec: PodRecord, timeline: TimelineEntry[], event: KubeEvent, observedAt: number): boolean {
  const uid = eventUid(event);
  if (ledger.eventOwners.get(uid) === rec) {
    for (let i = timeline.length - 1; i >= 0; i--) {
      const current = timeline[i]!;
      if (current.source !== 'event' || current.event.uid !== uid) continue;
      const merged = mergeEventEntry(current.event, event, observedAt);
      if (merged === current.event) return false;
      // A repeat grows the entry where it stands (see timeline.ts).
      const entry = eventTimelineEntry(rec.key, merged, current.at);
      timeline[i] = entry;
      record(ledger, entry);
      return true;
    }
    // Its entry fell off the front: a repeat comes back at its latest time.
    const entry = toEventEntry(event, observedAt);
    addEntry(ledger, rec, timeline, eventTimelineEntry(rec.key, entry, entry.lastAt));
    return true;
  }
  ledger.eventOwners.set(uid, rec);
  addEntry(ledger, rec, timeline, eventTimelineEntry(rec.key, toEventEntry(event, observedAt)));
  return true;
}

function park(ledger: Ledger, podKey: string, event: KubeEvent, observedAt: number): void {
  const uid = eventUid(event);
  const parked = ledger.pending.get(uid);
  if (parked && (parked.event.count ?? 1) > (event.count ?? 1)) return;
  unpark(ledger, uid);
  ledger.pending.set(uid, { podKey, event, observedAt });
  let uids = ledger.pendingByPod.get(podKey);
  if (!uids) {
    uids = new Set();
    ledger.pendingByPod.set(podKey, uids);
  }
  uids.add(uid);
  while (ledger.pending.size > ledger.limits.pendingEvents) {
    const oldest = ledger.pending.keys().next().value;
    if (oldest === undefined) break;
    unpark(ledger, oldest);
  }
}

function unpark(ledger: Ledger, uid: string): void {
  const parked = ledger.pending.get(uid);
  if (!parked) return;
  ledger.pending.delete(uid);
  const uids = ledger.pendingByPod.get(parked.podKey);
  uids?.delete(uid);
  if (uids?.size === 0) ledger.pendingByPod.delete(parked.podKey);
}

/** Moves the events that waited for this pod into its timeline. */
function attachPending(ledger: Ledger, rec: PodRecord, timeline: TimelineEntry[]): void {
  const uids = ledger.pendingByPod.get(rec.key);
  if (!uids) return;
  for (const uid of [...uids]) {
    const parked = ledger.pending.get(uid)!;
    if (!eventMatchesPodUid(parked.event, rec.uid)) continue;
    unpark(ledger, uid);
    applyEvent(ledger, rec, timeline, parked.event, parked.observedAt);
  }
}

// ---------------------------------------------------------------- pods

function forget(ledger: Ledger, rec: PodRecord, finalPod: Pod, observedAt: number): void {
  // The last version may show what happened on the way out; the all-pods log keeps it.
  const seq = ++ledger.seq;
  const transitions = [...diffPods(rec.view.pod, finalPod, observedAt), podRemoved(finalPod, observedAt)];
  transitions.forEach((t, i) => record(ledger, transitionEntry(rec.key, t, finalPod, seq, i)));
  rec.removed = true;
  ledger.totalEntries -= rec.view.timeline.length;
  for (const entry of rec.view.timeline) {
    if (entry.source === 'event' && ledger.eventOwners.get(entry.event.uid) === rec) ledger.eventOwners.delete(entry.event.uid);
  }
  ledger.records.delete(rec.key);
  if (rec.uid !== undefined) ledger.byUid.delete(rec.uid);
}

function observePod(state: ClusterState, pod: Pod, observedAt: number): ClusterState {
  const { ledger } = state;
  const uid = pod.metadata.uid;
  let rec = uid === undefined ? undefined : ledger.byUid.get(uid);
  // A uid names one pod for ever; a copy of a pod renamed by hand (tests, dumps) does not.
  if (rec && !sameName(rec.current.pod, pod)) rec = undefined;
  // The key every entry of this pod holds: one string per pod, not one per update.
  let key = rec?.key ?? podKeyOf(pod);
  rec ??= ledger.records.get(key);
  if (rec) key = rec.key;
  if (rec && rec.uid && uid && rec.uid !== uid) {
    // Same name, new pod (a StatefulSet replica): the delete of the old one was missed.
    forget(ledger, rec, rec.current.pod, observedAt);
    rec = undefined;
  }
  const previous = rec?.current.pod;
  const rv = pod.metadata.resourceVersion;
  if (previous && rv !== undefined && previous.metadata.resourceVersion === rv) return state;
  if (!previous) ledger.templates.adopt(pod);
  const next = sharePodVersion(previous, pod);
  if (next === previous) return state;

  const seq = ++ledger.seq;
  const transitions = diffPods(previous, next, observedAt);
  // A version that changed nothing a user reads keeps the timeline as it is
  // (owed entries too); otherwise the copy made to add to it leaves them out.
  const copied = rec !== undefined && transitions.length > 0 && rec.settle();
  const before = rec?.current;
  const timeline = before === undefined ? [] : transitions.length === 0 || copied ? (before.timeline as TimelineEntry[]) : before.timeline.slice();
  const view = podView(podRow(next, before?.row), next, timeline, before?.dropped ?? 0, before?.baseline, seq);
  const owner = rec ?? new PodRecord(key, uid, view);
  if (!rec) {
    ledger.records.set(key, owner);
    ledger.byUid.set(owner);
  }
  for (let i = 0; i < transitions.length; i++) addEntry(ledger, owner, timeline, transitionEntry(key, transitions[i]!, next, seq, i));
  if (!previous) attachPending(ledger, owner, timeline);

  owner.current = trimPod(ledger, owner, view, timeline);
  enforceTotal(ledger, transitions.length === 0 ? undefined : owner);
  return changed(state);
}

function deletePod(state: ClusterState, pod: Pod, observedAt: number): ClusterState {
  const { ledger } = state;
  const rec = ledger.records.get(podKeyOf(pod));
  if (!rec || (rec.uid && pod.metadata.uid && rec.uid !== pod.metadata.uid)) return state;
  forget(ledger, rec, sharePodVersion(rec.view.pod, pod), observedAt);
  return changed(state);
}

function observeEvent(state: ClusterState, event: KubeEvent, observedAt: number): ClusterState {
  const { ledger } = state;
  const owner = ledger.eventOwners.get(eventUid(event));
  const podKey = eventPodKey(event);
  const rec = owner ?? (podKey !== undefined ? ledger.records.get(podKey) : undefined);
  if (!rec || !eventMatchesPodUid(event, rec.uid)) {
    if (podKey !== undefined) park(ledger, podKey, event, observedAt);
    return state;
  }
  // A copy without the owed entries, which an event must not be merged into.
  const copied = rec.settle();
  const before = rec.current;
  const timeline = copied ? (before.timeline as TimelineEntry[]) : before.timeline.slice();
  if (!applyEvent(ledger, rec, timeline, event, observedAt)) return state;
  const { row, pod, dropped, baseline, seq } = before;
  rec.current = trimPod(ledger, rec, podView(row, pod, timeline, dropped, baseline, seq), timeline);
  enforceTotal(ledger, rec);
  return changed(state);
}

function replaceConnection(state: ClusterState, connection: ConnectionState): ClusterState {
  const index = state.connections.findIndex((c) => c.stream === connection.stream);
  const connections = index < 0 ? [...state.connections, connection] : state.connections.with(index, connection);
  return changed(state, { connections });
}

export function applyObservation(state: ClusterState, observation: Observation): ClusterState {
  switch (observation.kind) {
    case 'PodObserved':
      return observePod(state, observation.pod, observation.observedAt);
    case 'PodDeleted':
      return deletePod(state, observation.pod, observation.observedAt);
    case 'EventObserved':
      return observeEvent(state, observation.event, observation.observedAt);
    case 'EventDeleted':
      // Events expire after an hour; the history podtui saw outlives them.
      unpark(state.ledger, eventUid(observation.event));
      return state;
    case 'ConnectionChanged':
      return replaceConnection(state, observation.connection);
    case 'Synced':
      if (state.synced.has(observation.stream)) return state;
      return changed(state, { synced: new Set([...state.synced, observation.stream]) });
  }
}
