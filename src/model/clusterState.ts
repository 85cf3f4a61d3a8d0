// The one reducer from observations to what the screen draws. At 10,000 pods
// and a storm of updates it must cost microseconds per observation, so the
// inner maps are updated in place; every change still returns a NEW top-level
// object with `version` + 1 (React compares references), and an observation
// that changes nothing returns the same object. Each pod's PodView is replaced
// (never mutated) when that pod changes, so a view the screen holds stays true.
// A pod version is kept as it came; what changed since the version before is
// derived when someone reads it (podHistory.ts), not here.
import { eventMatchesPodUid, eventPodKey, eventUid, mergeEventEntry, toEventEntry } from './eventEntry.js';
import { DEFAULT_PER_POD_LIMIT, DEFAULT_TOTAL_LIMIT, eventTimelineEntry, insertSorted } from './timeline.js';
import { PodRecord, UNREAD_VERSION_UNITS, VersionStep, type HistoryBook } from './podHistory.js';
import { sharePodVersion } from './podVersion.js';
import { podRow } from './podSummary.js';
import { PodTemplates } from './podTemplates.js';
import { PodViews } from './podViews.js';
import { UidIndex } from './uidIndex.js';
import type { ConnectionState, Observation } from './observations.js';
import type { KubeEvent, Pod } from './types.js';
import type { PodView, TimelineEntry } from './views.js';

export interface ClusterLimits {
  /** Timeline entries kept per pod (oldest dropped first; an unread version counts UNREAD_VERSION_UNITS). Default 1,000. */
  perPod?: number;
  /** Timeline entries kept across all pods, counted the same way. Default 50,000. */
  total?: number;
  /** Events kept for pods not seen yet. Default 10,000. */
  pendingEvents?: number;
  /** Units (entries; an unread version counts UNREAD_VERSION_UNITS) kept for the all-pods log (mergedTimeline). Default 20,000. */
  journal?: number;
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
  /** One slot per unit added, oldest first: whose oldest unit to drop when over the total bound. */
  dropQueue: PodRecord[];
  dropHead: number;
  /** Every version and every entry added or updated, in arrival order, for the all-pods log. */
  journal: (TimelineEntry | VersionStep)[];
  journalUnits: number;
  totalEntries: number;
  droppedEntries: number;
  /** Grows by one per pod version seen: orders versions and names entries. */
  seq: number;
  /** What a record tells when reading it derived its versions. */
  readonly book: HistoryBook;
}

export interface ClusterState {
  readonly version: number;
  /** `namespace/name` → the pod's view. Updated in place; compare `version`, not this map. */
  readonly pods: ReadonlyMap<string, PodView>;
  readonly connections: readonly ConnectionState[];
  /** Streams whose initial list (or relist) was delivered in full. */
  readonly synced: ReadonlySet<string>;
  /**
   * Timeline entries held across all pods (at most limits.total), a pod
   * version nobody has read yet counting UNREAD_VERSION_UNITS (podHistory.ts).
   * Reading a pod can change it.
   */
  readonly totalEntries: number;
  /** Entries (or versions never read) dropped by either bound since the start. */
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
    journalUnits: 0,
    totalEntries: 0,
    droppedEntries: 0,
    seq: 0,
    book: { grew: (rec, delta) => grew(ledger, rec, delta) },
  };
  return new State(0, [], new Set(), ledger);
}

/**
 * One state of the cluster. The counts are read from the ledger when asked:
 * reading a pod's timeline derives its versions, which can change them (see
 * podHistory.ts).
 */
class State implements ClusterState {
  constructor(
    readonly version: number,
    readonly connections: readonly ConnectionState[],
    readonly synced: ReadonlySet<string>,
    readonly ledger: Ledger,
  ) {}

  get pods(): ReadonlyMap<string, PodView> {
    return this.ledger.pods;
  }

  get totalEntries(): number {
    return this.ledger.totalEntries;
  }

  get droppedEntries(): number {
    return this.ledger.droppedEntries;
  }
}

function changed(state: ClusterState, patch: Partial<Pick<ClusterState, 'connections' | 'synced'>> = {}): ClusterState {
  return new State(state.version + 1, patch.connections ?? state.connections, patch.synced ?? state.synced, state.ledger);
}

const sameName = (a: Pod, b: Pod) => a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;
const podKeyOf = (pod: Pod) => `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;

// ---------------------------------------------------------------- bounds

const journalUnits = (item: TimelineEntry | VersionStep) => (item instanceof VersionStep ? UNREAD_VERSION_UNITS : 1);

/** Journals an item; the journal keeps at least limits.journal units and at most twice that. */
function record(ledger: Ledger, item: TimelineEntry | VersionStep): void {
  ledger.journal.push(item);
  ledger.journalUnits += journalUnits(item);
  if (ledger.journalUnits < 2 * ledger.limits.journal) return;
  let from = 0;
  while (ledger.journalUnits > ledger.limits.journal) ledger.journalUnits -= journalUnits(ledger.journal[from++]!);
  ledger.journal = ledger.journal.slice(from);
}

/** More units in `rec`: counted, each given its slot in the total bound's queue. */
function held(ledger: Ledger, rec: PodRecord, units: number): void {
  for (let i = 0; i < units; i++) ledger.dropQueue.push(rec);
  ledger.totalEntries += units;
}

function trimPod(ledger: Ledger, rec: PodRecord): void {
  const cut = rec.trimTo(ledger.limits.perPod);
  ledger.totalEntries -= cut;
  ledger.droppedEntries += cut;
}

/**
 * Takes the oldest units of the cluster until within the bound. Each is owed
 * by its pod (counted out now, cut at its next change or read): cutting it
 * at once meant a copy of that pod's timeline, for a pod nobody was looking at.
 */
function enforceTotal(ledger: Ledger): void {
  while (ledger.totalEntries > ledger.limits.total && ledger.dropHead < ledger.dropQueue.length) {
    const rec = ledger.dropQueue[ledger.dropHead++]!;
    if (rec.removed) continue;
    if (rec.stale > 0) {
      rec.stale--;
      continue;
    }
    if (rec.held === rec.owed) continue;
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

/**
 * Reading `rec` turned its versions into entries: `delta` more units (or
 * fewer). More need slots, appended (a pod being read keeps its history a
 * little longer); fewer leave slots stale.
 */
function grew(ledger: Ledger, rec: PodRecord, delta: number): void {
  if (delta > 0) held(ledger, rec, delta);
  else {
    rec.stale -= delta;
    ledger.totalEntries += delta;
  }
  trimPod(ledger, rec);
  enforceTotal(ledger);
}

function addEntry(ledger: Ledger, rec: PodRecord, timeline: TimelineEntry[], entry: TimelineEntry): void {
  insertSorted(timeline, entry);
  record(ledger, entry);
  held(ledger, rec, 1);
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
function attachPending(ledger: Ledger, rec: PodRecord): void {
  const uids = ledger.pendingByPod.get(rec.key);
  if (!uids) return;
  for (const uid of [...uids]) {
    const parked = ledger.pending.get(uid)!;
    if (!eventMatchesPodUid(parked.event, rec.uid)) continue;
    unpark(ledger, uid);
    applyEvent(ledger, rec, rec.writableEntries(), parked.event, parked.observedAt);
  }
}

// ---------------------------------------------------------------- pods

function forget(ledger: Ledger, rec: PodRecord, finalPod: Pod, observedAt: number): void {
  // The last version may show what happened on the way out; the all-pods log keeps it.
  record(ledger, new VersionStep(rec.key, rec.pod, finalPod, observedAt, ++ledger.seq, true));
  rec.removed = true;
  ledger.totalEntries -= rec.held - rec.owed;
  for (const uid of rec.eventUids()) if (ledger.eventOwners.get(uid) === rec) ledger.eventOwners.delete(uid);
  ledger.records.delete(rec.key);
  if (rec.uid !== undefined) ledger.byUid.delete(rec.uid);
}

// A pod's first version and its later ones are two functions: V8 compiles the
// reducer during the initial list, when every pod is new, and a later version
// taking the same code then threw that compiled code away on the first update.

function observePod(state: ClusterState, pod: Pod, observedAt: number): ClusterState {
  const { ledger } = state;
  const uid = pod.metadata.uid;
  const byUid = uid === undefined ? undefined : ledger.byUid.get(uid);
  // A uid names one pod for ever; a copy of a pod renamed by hand (tests, dumps) does not.
  if (byUid && sameName(byUid.pod, pod)) return updatePod(state, byUid, pod, observedAt);
  const key = podKeyOf(pod);
  const rec = ledger.records.get(key);
  if (!rec) return addPod(state, key, pod, observedAt);
  if (!rec.uid || !uid || rec.uid === uid) return updatePod(state, rec, pod, observedAt);
  // Same name, new pod (a StatefulSet replica): the delete of the old one was missed.
  forget(ledger, rec, rec.pod, observedAt);
  // The key every entry of this pod holds: one string per pod, not one per update.
  return addPod(state, rec.key, pod, observedAt);
}

function addPod(state: ClusterState, key: string, pod: Pod, observedAt: number): ClusterState {
  const { ledger } = state;
  ledger.templates.adopt(pod);
  // The version is kept; its transitions are derived when read (podHistory.ts).
  const step = new VersionStep(key, undefined, pod, observedAt, ++ledger.seq);
  const rec = new PodRecord(ledger.book, key, pod.metadata.uid, step, podRow(pod));
  ledger.records.set(key, rec);
  ledger.byUid.set(rec);
  record(ledger, step);
  held(ledger, rec, UNREAD_VERSION_UNITS);
  attachPending(ledger, rec);
  trimPod(ledger, rec);
  enforceTotal(ledger);
  return changed(state);
}

function updatePod(state: ClusterState, rec: PodRecord, pod: Pod, observedAt: number): ClusterState {
  const { ledger } = state;
  const previous = rec.pod;
  const rv = pod.metadata.resourceVersion;
  if (rv !== undefined && previous.metadata.resourceVersion === rv) return state;
  const next = sharePodVersion(previous, pod);
  if (next === previous) return state;
  const step = new VersionStep(rec.key, previous, next, observedAt, ++ledger.seq);
  rec.addVersion(step, podRow(next, rec.row));
  record(ledger, step);
  held(ledger, rec, UNREAD_VERSION_UNITS);
  trimPod(ledger, rec);
  enforceTotal(ledger);
  return changed(state);
}

function deletePod(state: ClusterState, pod: Pod, observedAt: number): ClusterState {
  const { ledger } = state;
  const rec = ledger.records.get(podKeyOf(pod));
  if (!rec || (rec.uid && pod.metadata.uid && rec.uid !== pod.metadata.uid)) return state;
  forget(ledger, rec, sharePodVersion(rec.pod, pod), observedAt);
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
  // An Event takes its place among the entries: the pod's versions are derived first.
  if (!applyEvent(ledger, rec, rec.writableEntries(), event, observedAt)) return state;
  trimPod(ledger, rec);
  enforceTotal(ledger);
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
