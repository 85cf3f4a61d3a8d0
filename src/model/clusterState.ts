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

interface PodRecord {
  key: string;
  uid: string | undefined;
  view: PodView;
  /** Global-queue slots of this pod whose entry already left by the per-pod bound. */
  stale: number;
  /** seq of view.baseline (-1 while nothing dropped). */
  baselineSeq: number;
  removed: boolean;
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
  let { baseline } = view;
  // Snapshots of the steps still kept may need the newest version that fell off.
  if (gone.source === 'transition' && gone.pod && (gone.seq ?? 0) >= rec.baselineSeq) {
    baseline = gone.pod;
    rec.baselineSeq = gone.seq ?? 0;
  }
  return podView(view.row, view.pod, timeline, view.dropped + 1, baseline, view.seq);
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
 * `fresh` is a timeline this observation already copied and nobody has seen
 * yet: drops from its pod happen in it, without another copy. (The oldest
 * entries come in runs of one pod, often the pod just updated: copying its
 * timeline once per dropped entry was most of the reducer's garbage.)
 */
function enforceTotal(ledger: Ledger, fresh?: { rec: PodRecord; timeline: TimelineEntry[] }): void {
  while (ledger.totalEntries > ledger.limits.total && ledger.dropHead < ledger.dropQueue.length) {
    const rec = ledger.dropQueue[ledger.dropHead++]!;
    if (rec.removed) continue;
    if (rec.stale > 0) {
      rec.stale--;
      continue;
    }
    if (rec.view.timeline.length === 0) continue;
    if (fresh?.rec !== rec || fresh.timeline !== rec.view.timeline) fresh = { rec, timeline: rec.view.timeline.slice() };
    rec.view = dropOldest(ledger, rec, rec.view, fresh.timeline);
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
  if (rec && !sameName(rec.view.pod, pod)) rec = undefined;
  // The key every entry of this pod holds: one string per pod, not one per update.
  let key = rec?.key ?? podKeyOf(pod);
  rec ??= ledger.records.get(key);
  if (rec) key = rec.key;
  if (rec && rec.uid && uid && rec.uid !== uid) {
    // Same name, new pod (a StatefulSet replica): the delete of the old one was missed.
    forget(ledger, rec, rec.view.pod, observedAt);
    rec = undefined;
  }
  const previous = rec?.view.pod;
  const rv = pod.metadata.resourceVersion;
  if (previous && rv !== undefined && previous.metadata.resourceVersion === rv) return state;
  const next = sharePodVersion(previous, pod);
  if (next === previous) return state;

  const seq = ++ledger.seq;
  const transitions = diffPods(previous, next, observedAt);
  // A version that changed nothing a user reads keeps the timeline as it is.
  const previousTimeline = rec?.view.timeline;
  const timeline = rec && transitions.length === 0 ? (rec.view.timeline as TimelineEntry[]) : rec ? rec.view.timeline.slice() : [];
  const view = podView(podRow(next, rec?.view.row), next, timeline, rec?.view.dropped ?? 0, rec?.view.baseline, seq);
  const owner = rec ?? { key, uid, view, stale: 0, baselineSeq: -1, removed: false };
  if (!rec) {
    ledger.records.set(key, owner);
    ledger.byUid.set(owner);
  }
  rec = owner;
  for (let i = 0; i < transitions.length; i++) addEntry(ledger, owner, timeline, transitionEntry(key, transitions[i]!, next, seq, i));
  if (!previous) attachPending(ledger, owner, timeline);

  rec.view = trimPod(ledger, rec, view, timeline);
  enforceTotal(ledger, timeline === previousTimeline ? undefined : { rec, timeline });
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
  const timeline = [...rec.view.timeline];
  if (!applyEvent(ledger, rec, timeline, event, observedAt)) return state;
  const { row, pod, dropped, baseline, seq } = rec.view;
  rec.view = trimPod(ledger, rec, podView(row, pod, timeline, dropped, baseline, seq), timeline);
  enforceTotal(ledger, { rec, timeline });
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
