import { describe, expect, test } from 'vitest';
import { applyObservation, createClusterState, type ClusterLimits, type ClusterState } from '../../src/model/clusterState.js';
import { coreToEventsV1, eventsV1ToCore } from '../../src/model/eventsV1.js';
import { mergedTimeline } from '../../src/model/mergedTimeline.js';
import { UNREAD_VERSION_UNITS } from '../../src/model/podHistory.js';
import { snapshotAt } from '../../src/model/snapshot.js';
import type { ConnectionState, Observation } from '../../src/model/observations.js';
import type { KubeEvent } from '../../src/model/types.js';
import type { TimelineEntry, TransitionEntry } from '../../src/model/views.js';
import { settledViews } from './fixtures/settledViews.js';
import { NAMESPACE, PodHistory, at, crashloopHistory, healthyHistory, iso, livenessHistory, observationsInOrder } from './fixtures/history.js';

function feed(observations: Observation[], state: ClusterState = createClusterState()): ClusterState {
  return observations.reduce(applyObservation, state);
}

const keyOf = (h: PodHistory) => `${NAMESPACE}/${h.name}`;
const eventsOf = (timeline: readonly TimelineEntry[]) =>
  timeline.flatMap((e) => (e.source === 'event' ? [[e.event.reason, e.event.count] as const] : []));
const observeEvent = (event: KubeEvent, seconds: number): Observation => ({ kind: 'EventObserved', event, observedAt: at(seconds) });

describe('applyObservation: pods', () => {
  test('every change is a new top-level object with version + 1; keys are namespace/name', () => {
    const h = healthyHistory();
    let state = createClusterState();
    const seen: ClusterState[] = [state];
    for (const observation of h.observations) {
      state = applyObservation(state, observation);
      seen.push(state);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map((s) => s.version)).toEqual(seen.map((_, i) => i));
    expect([...state.pods.keys()]).toEqual([keyOf(h)]);
    expect(state.pods.get(keyOf(h))!.row).toMatchObject({ key: keyOf(h), status: 'Running', ready: '1/1' });
  });

  test('the same resourceVersion again (a relist) returns the same object', () => {
    const h = healthyHistory();
    const state = feed(h.observations);
    const last = h.observations.filter((o) => o.kind === 'PodObserved').at(-1)!;
    expect(applyObservation(state, { ...last, observedAt: at(500) })).toBe(state);
  });

  test('a version that changes only resourceVersion updates the pod but adds no entry', () => {
    const h = healthyHistory();
    const before = feed(h.observations);
    const view = before.pods.get(keyOf(h))!;
    h.update(50, () => {});
    const after = feed(h.observations.slice(-1), before);
    const next = after.pods.get(keyOf(h))!;
    expect(after).not.toBe(before);
    expect(next).not.toBe(view);
    expect(next.timeline).toBe(view.timeline);
    expect(next.pod.metadata.resourceVersion).toBe(h.pod.metadata.resourceVersion);
    // Structural sharing: everything but the metadata is the previous version's.
    expect(next.pod.spec).toBe(view.pod.spec);
    expect(next.pod.status).toBe(view.pod.status);
    expect(next.pod.metadata.labels).toBe(view.pod.metadata.labels);
  });

  test('a view the screen holds is never changed under it', () => {
    const h = crashloopHistory();
    let state = createClusterState();
    const held: { view: ReturnType<ClusterState['pods']['get']>; length: number; rv: string | undefined }[] = [];
    for (const observation of h.observations) {
      state = applyObservation(state, observation);
      const view = state.pods.get(keyOf(h));
      if (view) held.push({ view, length: view.timeline.length, rv: view.pod.metadata.resourceVersion });
    }
    for (const { view, length, rv } of held) {
      expect(view!.timeline.length).toBe(length);
      expect(view!.pod.metadata.resourceVersion).toBe(rv);
    }
  });

  test('PodDeleted: the pod leaves, its removal stays in the all-pods log', () => {
    const h = healthyHistory();
    const other = healthyHistory('api-6f9c7-b8w4z');
    h.delete(60);
    const state = feed(observationsInOrder(h, other));
    expect([...state.pods.keys()]).toEqual([keyOf(other)]);
    // Read first: reading derives the pod's versions, and the count follows (podHistory.ts).
    const kept = state.pods.get(keyOf(other))!.timeline.length;
    expect(state.totalEntries).toBe(kept);
    const log = mergedTimeline(state, { limit: 1_000 });
    const removed = log.filter((e) => e.source === 'transition' && e.transition.kind === 'PodRemoved');
    expect(removed.map((e) => e.podKey)).toEqual([keyOf(h)]);
    expect(log.at(-1)).toBe(removed[0]);
  });

  test('a deleted pod unknown to podtui changes nothing', () => {
    const h = healthyHistory();
    h.delete(60);
    const state = createClusterState();
    expect(applyObservation(state, h.observations.at(-1)!)).toBe(state);
  });

  test('same name, new uid (a StatefulSet replica whose delete was missed): a fresh timeline', () => {
    const old = healthyHistory('db-0');
    const replacement = new PodHistory('db-0', { uid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', rvStart: 9000 });
    replacement.created();
    const state = feed([...old.observations, ...replacement.observations]);
    const view = state.pods.get(`${NAMESPACE}/db-0`)!;
    expect(view.row.uid).toBe(replacement.uid);
    expect(view.timeline.map((e) => (e.source === 'transition' ? e.transition.kind : e.event.reason))).toEqual(['PodCreated', 'PhaseChanged']);
    expect(mergedTimeline(state, { limit: 100 }).some((e) => e.source === 'transition' && e.transition.kind === 'PodRemoved')).toBe(true);
  });
});

describe('applyObservation: events', () => {
  test('an Event that grows from count 1 to 5 is one entry', () => {
    const h = livenessHistory();
    const state = feed(h.observations);
    const unhealthy = state.pods.get(keyOf(h))!.timeline.filter((e) => e.source === 'event' && e.event.reason === 'Unhealthy');
    expect(unhealthy).toHaveLength(1);
    // Two more failures on the same Event object.
    const more = [h.event(35, 'Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500', 'app'), h.event(40, 'Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500', 'app')];
    const grown = feed(more.map((e, i) => observeEvent(e, 35 + i * 5)), state);
    const entries = grown.pods.get(keyOf(h))!.timeline.filter((e) => e.source === 'event' && e.event.reason === 'Unhealthy');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.source === 'event' && entries[0]!.event).toMatchObject({ count: 5, firstAt: at(20), lastAt: at(40) });
    expect(entries[0]!.id).toBe(unhealthy[0]!.id);
    expect(grown.totalEntries).toBe(state.totalEntries);
  });

  test('an older copy arriving late, or the same copy again, changes nothing', () => {
    const h = livenessHistory();
    const state = feed(h.observations);
    const copies = h.observations.filter((o): o is Extract<Observation, { kind: 'EventObserved' }> => o.kind === 'EventObserved' && o.event.reason === 'Unhealthy');
    expect(copies).toHaveLength(3);
    expect(applyObservation(state, copies[0]!)).toBe(state);
    expect(applyObservation(state, copies[2]!)).toBe(state);
  });

  test('the same Event through core/v1 and events.k8s.io/v1 is one entry', () => {
    const h = new PodHistory('big-5d8f7-q9z2n');
    h.created();
    // The scheduler writes events.k8s.io/v1 Events: eventTime and a series, no deprecated fields.
    const scheduling: KubeEvent = eventsV1ToCore({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'big-5d8f7-q9z2n.1879a2b3c4d5e6f7', namespace: NAMESPACE, uid: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9', creationTimestamp: iso(1) },
      regarding: { kind: 'Pod', namespace: NAMESPACE, name: h.name, uid: h.uid, apiVersion: 'v1' },
      reason: 'FailedScheduling',
      note: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
      type: 'Warning',
      action: 'Scheduling',
      eventTime: `${iso(1).slice(0, -1)}.412345Z`,
      series: { count: 4, lastObservedTime: `${iso(181).slice(0, -1)}.100000Z` },
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-control-plane',
    });
    const viaCore = scheduling;
    const viaEventsApi = eventsV1ToCore(coreToEventsV1(scheduling));
    const state = feed([...h.observations, observeEvent(viaCore, 182), observeEvent(viaEventsApi, 182.1)]);
    const view = state.pods.get(keyOf(h))!;
    expect(eventsOf(view.timeline)).toEqual([['FailedScheduling', 4]]);
    const entry = view.timeline.find((e) => e.source === 'event')!;
    expect(entry.source === 'event' && entry.event).toMatchObject({ firstAt: at(1) + 412, lastAt: at(181) + 100, component: 'default-scheduler' });
  });

  test('Events that arrive before their pod wait for it; other pods’ and other uids’ do not attach', () => {
    const h = crashloopHistory();
    const events = h.observations.filter((o) => o.kind === 'EventObserved');
    const pods = h.observations.filter((o) => o.kind !== 'EventObserved');
    const stranger: KubeEvent = {
      metadata: { name: 'old.1', namespace: NAMESPACE, uid: 'aaaa' },
      involvedObject: { kind: 'Pod', namespace: NAMESPACE, name: h.name, uid: 'uid-of-an-earlier-pod-with-this-name' },
      reason: 'Killing',
      message: 'Stopping container app',
      type: 'Normal',
      lastTimestamp: iso(-100),
    };
    const node: KubeEvent = {
      metadata: { name: 'worker-1.1', namespace: 'default', uid: 'bbbb' },
      involvedObject: { kind: 'Node', name: 'worker-1' },
      reason: 'NodeReady',
      type: 'Normal',
    };
    let state = feed([...events, observeEvent(stranger, 0), observeEvent(node, 0)]);
    expect(state.version).toBe(0); // nothing visible yet
    state = feed(pods, state);
    const inOrder = feed(h.observations);
    const view = state.pods.get(keyOf(h))!;
    expect(eventsOf(view.timeline)).toEqual(eventsOf(inOrder.pods.get(keyOf(h))!.timeline));
    expect(view.timeline.map((e) => e.id).sort()).toEqual(inOrder.pods.get(keyOf(h))!.timeline.map((e) => e.id).sort());
  });

  test('a whole events list before the pods list: every pod finds its own Events without a scan', () => {
    const PODS = 6_000;
    const template = healthyHistory('bulk-6f9c7-00000');
    const pod = template.versions.at(-1)!;
    const scheduled = template.observations.find((o) => o.kind === 'EventObserved' && o.event.reason === 'Scheduled')!;
    if (scheduled.kind !== 'EventObserved') throw new Error('no Scheduled event');
    const name = (i: number) => `bulk-6f9c7-${String(i).padStart(5, '0')}`;
    const events: Observation[] = Array.from({ length: PODS }, (_, i) => {
      const event = structuredClone(scheduled.event);
      event.metadata.uid = `ev-${i}`;
      event.involvedObject = { ...event.involvedObject, name: name(i), uid: `pod-${i}` };
      return { kind: 'EventObserved', event, observedAt: at(1) };
    });
    const pods: Observation[] = Array.from({ length: PODS }, (_, i) => {
      const copy = structuredClone(pod);
      copy.metadata.name = name(i);
      copy.metadata.uid = `pod-${i}`;
      return { kind: 'PodObserved', pod: copy, observedAt: at(2) };
    });
    const start = process.cpuUsage();
    const state = feed(pods, feed(events, createClusterState({ pendingEvents: PODS, total: 20 * PODS })));
    const spent = process.cpuUsage(start);
    expect(state.ledger.pending.size).toBe(0);
    expect(state.ledger.pendingByPod.size).toBe(0);
    for (const i of [0, PODS / 2, PODS - 1]) expect(eventsOf(state.pods.get(`${NAMESPACE}/${name(i)}`)!.timeline)).toEqual([['Scheduled', 1]]);
    // A scan of every parked Event per new pod would be 36 million steps here.
    expect((spent.user + spent.system) / 1000).toBeLessThan(5_000);
  });

  test('an Event about a pod that never comes is kept only within the bound', () => {
    const events = Array.from({ length: 5 }, (_, i): KubeEvent => ({
      metadata: { name: `ghost.${i}`, namespace: NAMESPACE, uid: `ghost-${i}` },
      involvedObject: { kind: 'Pod', namespace: NAMESPACE, name: `ghost-${i}` },
      reason: 'Scheduled',
      message: `Successfully assigned ${NAMESPACE}/ghost-${i} to worker-1`,
      type: 'Normal',
      lastTimestamp: iso(i),
    }));
    const state = feed(events.map((e, i) => observeEvent(e, i)), createClusterState({ pendingEvents: 3 }));
    expect([...state.ledger.pending.keys()]).toEqual(['ghost-2', 'ghost-3', 'ghost-4']);
    expect([...state.ledger.pendingByPod.keys()]).toEqual([`${NAMESPACE}/ghost-2`, `${NAMESPACE}/ghost-3`, `${NAMESPACE}/ghost-4`]);
    // Its expiry (EventDeleted) lets it go.
    const expired = applyObservation(state, { kind: 'EventDeleted', event: events[3]!, observedAt: at(10) });
    expect([...expired.ledger.pending.keys()]).toEqual(['ghost-2', 'ghost-4']);
  });
});

describe('bounds', () => {
  test('per pod: the oldest entries drop first, counted, and snapshots of kept steps stay right', () => {
    const h = crashloopHistory();
    const unbounded = feed(h.observations).pods.get(keyOf(h))!;
    const bounded = feed(h.observations, createClusterState({ perPod: 20 })).pods.get(keyOf(h))!;
    // Versions never read count as UNREAD_VERSION_UNITS until read, and the last one made fewer entries.
    expect(bounded.timeline.length).toBeLessThanOrEqual(20);
    expect(bounded.timeline.length).toBeGreaterThan(20 - UNREAD_VERSION_UNITS);
    // Repeats of Events whose entry had fallen off come back (at the repeat) and count again when dropped.
    expect(bounded.dropped).toBeGreaterThanOrEqual(unbounded.timeline.length - 20);
    const transitions = (timeline: readonly TimelineEntry[]) => timeline.filter((e) => e.source === 'transition').map((e) => e.id);
    const kept = transitions(bounded.timeline);
    expect(kept).toEqual(transitions(unbounded.timeline).slice(-kept.length));
    bounded.timeline.forEach((entry, step) => {
      if (entry.source !== 'transition') return;
      const same = unbounded.timeline.findIndex((e) => e.id === entry.id);
      expect(snapshotAt(bounded, step).status).toEqual(snapshotAt(unbounded, same).status);
    });
    // Before the first kept transition: the newest version that fell off.
    expect(bounded.baseline).toBeDefined();
    const firstKept = bounded.timeline.findIndex((e) => e.source === 'transition');
    if (firstKept > 0) expect(snapshotAt(bounded, firstKept - 1)).toBe(bounded.baseline);
    // A repeat of a dropped Event is back, at its latest time, with its count.
    const started = bounded.timeline.find((e) => e.source === 'event' && e.event.reason === 'BackOff');
    expect(started?.source === 'event' && [started.event.count, started.at]).toEqual([3, at(57)]);
  });

  test.each<{ limits: ClusterLimits; pods: number }>([
    { limits: { total: 40 }, pods: 4 },
    { limits: { total: 50, perPod: 10 }, pods: 6 },
  ])('in total ($limits): held entries never exceed the bound and add up', ({ limits, pods }) => {
    const histories = Array.from({ length: pods }, (_, i) => healthyHistory(`api-6f9c7-${i}x2kq`));
    let state = createClusterState(limits);
    for (const observation of observationsInOrder(...histories)) {
      state = applyObservation(state, observation);
      expect(state.totalEntries).toBeLessThanOrEqual(limits.total!);
    }
    const views = settledViews(state);
    expect(state.totalEntries).toBeLessThanOrEqual(limits.total!);
    expect(views.reduce((n, v) => n + v.timeline.length, 0)).toBe(state.totalEntries);
    expect(views.reduce((n, v) => n + v.dropped, 0)).toBe(state.droppedEntries);
    expect(state.droppedEntries).toBeGreaterThan(0);
    // Oldest first, pod by pod: what is kept is the newest part of what podtui saw.
    const unbounded = feed(observationsInOrder(...histories));
    for (const view of views) {
      const all = unbounded.pods.get(view.row.key)!.timeline;
      expect(view.timeline.map((e) => e.id)).toEqual(all.slice(all.length - view.timeline.length).map((e) => e.id));
    }
  });

  // The total bound takes the oldest units of the cluster; a pod's versions
  // become entries only when it is read (podHistory.ts), and units the bound
  // takes from a pod are cut at its next change or read. Read along the way
  // or never: every kept step shows the pod as it was, and before them the
  // newest version dropped.
  test.each([
    { read: 'after every observation', along: true },
    { read: 'only at the end', along: false },
  ])('in total, across pods with events, read $read: kept steps and the baseline stay right', ({ along }) => {
    const observations = observationsInOrder(crashloopHistory(), livenessHistory(), healthyHistory(), healthyHistory('api-6f9c7-b8w4z'));
    const limits = { total: 30, perPod: 25 };
    let state = createClusterState(limits);
    for (const observation of observations) {
      state = applyObservation(state, observation);
      if (along) expect(settledViews(state).reduce((n, v) => n + v.timeline.length, 0)).toBe(state.totalEntries);
      expect(state.totalEntries).toBeLessThanOrEqual(limits.total);
    }
    const views = settledViews(state);
    expect(views.reduce((n, v) => n + v.timeline.length, 0)).toBe(state.totalEntries);
    expect(views.reduce((n, v) => n + v.dropped, 0)).toBe(state.droppedEntries);
    expect(state.droppedEntries).toBeGreaterThan(20);
    const unbounded = feed(observations);
    for (const view of views) {
      const all = unbounded.pods.get(view.row.key)!;
      const kept = new Set(view.timeline.map((e) => e.id));
      const dropped = all.timeline.filter((e): e is TransitionEntry => e.source === 'transition' && !kept.has(e.id));
      const newestDropped = dropped.reduce<TransitionEntry | undefined>((a, e) => (a && (a.seq ?? 0) >= (e.seq ?? 0) ? a : e), undefined);
      expect(view.baseline?.status).toEqual(newestDropped?.pod?.status);
      view.timeline.forEach((entry, step) => {
        if (entry.source !== 'transition') return;
        expect(snapshotAt(view, step).status).toEqual(snapshotAt(all, all.timeline.findIndex((e) => e.id === entry.id)).status);
      });
    }
  });
});

describe('connections and sync', () => {
  const connection = (stream: string, phase: ConnectionState['phase'], since: number): Observation => ({
    kind: 'ConnectionChanged',
    connection: { stream, phase, since },
    observedAt: since,
  });

  test('ConnectionChanged replaces the entry of its stream', () => {
    const state = feed([connection('pods', 'connecting', 1), connection('events', 'connecting', 2), connection('pods', 'live', 3)]);
    expect(state.connections).toEqual([
      { stream: 'pods', phase: 'live', since: 3 },
      { stream: 'events', phase: 'connecting', since: 2 },
    ]);
  });

  test('Synced adds its stream once', () => {
    const synced = feed([{ kind: 'Synced', stream: 'pods', observedAt: 1 }]);
    expect([...synced.synced]).toEqual(['pods']);
    expect(applyObservation(synced, { kind: 'Synced', stream: 'pods', observedAt: 2 })).toBe(synced);
  });
});

describe('mergedTimeline', () => {
  const state = feed(observationsInOrder(crashloopHistory(), livenessHistory(), healthyHistory()));

  test('the newest entries of all pods, oldest first, each Event once at its latest count', () => {
    const log = mergedTimeline(state, { limit: 25 });
    expect(log).toHaveLength(25);
    for (let i = 1; i < log.length; i++) expect(Math.floor(log[i]!.at / 1000)).toBeGreaterThanOrEqual(Math.floor(log[i - 1]!.at / 1000));
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
    const all = mergedTimeline(state, { limit: 10_000 });
    const backOff = all.find((e) => e.source === 'event' && e.event.reason === 'BackOff');
    expect(backOff?.source === 'event' && backOff.event.count).toBe(3);
    // Nothing dropped: every entry of every pod, read through the pods or not.
    expect(all).toHaveLength(settledViews(state).reduce((n, v) => n + v.timeline.length, 0));
    expect(all).toHaveLength(state.totalEntries);
    expect(new Set(all.map((e) => e.podKey)).size).toBe(3);
  });

  test('warnings only', () => {
    const warnings = mergedTimeline(state, { limit: 10_000, warningsOnly: true });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((e) => (e.source === 'event' ? e.event.type : e.transition.type) === 'Warning')).toBe(true);
    expect(warnings.map((e) => e.source === 'event' && e.event.reason).filter(Boolean)).toEqual(expect.arrayContaining(['BackOff', 'Unhealthy']));
  });

  test('cached per state: the same array until the state changes', () => {
    const first = mergedTimeline(state, { limit: 50 });
    expect(mergedTimeline(state, { limit: 50 })).toBe(first);
    expect(mergedTimeline(state, { limit: 50, warningsOnly: true })).not.toBe(first);
  });
});
