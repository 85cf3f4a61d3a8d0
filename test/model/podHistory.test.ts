import { describe, expect, test } from 'vitest';
import { applyObservation, createClusterState, type ClusterLimits, type ClusterState } from '../../src/model/clusterState.js';
import { mergedTimeline } from '../../src/model/mergedTimeline.js';
import { UNREAD_VERSION_UNITS, VersionStep } from '../../src/model/podHistory.js';
import { diffPods } from '../../src/model/transitions.js';
import type { Observation } from '../../src/model/observations.js';
import { NAMESPACE, at, crashloopHistory, healthyHistory } from './fixtures/history.js';

const podsOnly = (observations: Observation[]) => observations.filter((o) => o.kind === 'PodObserved');
const feed = (observations: Observation[], limits: ClusterLimits = {}): ClusterState => observations.reduce(applyObservation, createClusterState(limits));
const steps = (state: ClusterState) => state.ledger.journal.filter((item): item is VersionStep => item instanceof VersionStep);
const key = `${NAMESPACE}/crashloop-6f9c7-x2kqp`;

describe('VersionStep', () => {
  const h = crashloopHistory();
  const [first, second] = h.versions;

  test('derives the transitions from the version before, once, when first read', () => {
    const step = new VersionStep(key, first, second!, at(1), 7);
    expect(step.derivedYet).toBe(false);
    const entries = step.entries;
    expect(step.derivedYet).toBe(true);
    expect(step.entries).toBe(entries);
    const expected = diffPods(first, second!, at(1));
    expect(entries.map((e) => [e.transition.kind, e.transition.reason, e.at])).toEqual(expected.map((t) => [t.kind, t.reason, t.at]));
    expect(entries.map((e) => [e.podKey, e.seq, e.pod])).toEqual(expected.map(() => [key, 7, second]));
    expect(entries.map((e) => e.id)).toEqual(expected.map((_, i) => `t7.${i}`));
  });

  test('the last version of a removed pod ends with PodRemoved', () => {
    const step = new VersionStep(key, h.versions.at(-1), h.versions.at(-1)!, at(90), 40, true);
    expect(step.entries.map((e) => e.transition.kind)).toEqual(['PodRemoved']);
  });
});

describe('a pod’s history, read or not', () => {
  test('the reducer derives nothing; the versions the bound drops unread are never derived', () => {
    const h = crashloopHistory();
    const state = feed(podsOnly(h.observations), { perPod: 6 });
    const kept = steps(state);
    expect(kept.length).toBe(h.versions.length);
    expect(kept.every((step) => !step.derivedYet)).toBe(true);
    // Reading the row (the pod list) derives nothing either.
    expect(state.pods.get(key)!.row.status).toBe('CrashLoopBackOff');
    expect(kept.some((step) => step.derivedYet)).toBe(false);
    // Reading the timeline derives only the versions still kept (6 units: 3 versions).
    const view = state.pods.get(key)!;
    expect(view.timeline.length).toBeGreaterThan(0);
    expect(kept.filter((step) => step.derivedYet)).toEqual(kept.slice(-6 / UNREAD_VERSION_UNITS));
  });

  test('an unread version counts UNREAD_VERSION_UNITS; read, its entries count', () => {
    const h = healthyHistory();
    const state = feed(podsOnly(h.observations));
    expect(state.totalEntries).toBe(h.versions.length * UNREAD_VERSION_UNITS);
    const entries = state.pods.get(`${NAMESPACE}/${h.name}`)!.timeline.length;
    expect(entries).not.toBe(h.versions.length * UNREAD_VERSION_UNITS);
    expect(state.totalEntries).toBe(entries);
  });

  test('the same view object and arrays until the pod changes; a view read late shows what it showed then', () => {
    const h = crashloopHistory();
    const observations = podsOnly(h.observations);
    let state = feed(observations.slice(0, 8));
    const early = state.pods.get(key)!;
    expect(state.pods.get(key)).toBe(early);
    state = observations.slice(8).reduce(applyObservation, state);
    const late = state.pods.get(key)!;
    expect(late).not.toBe(early);
    // Read in the other order: the late view first, then the early one.
    const lateTimeline = late.timeline;
    expect(late.timeline).toBe(lateTimeline);
    const shownEarly = feed(observations.slice(0, 8)).pods.get(key)!.timeline;
    expect(early.timeline.map((e) => e.id)).toEqual(shownEarly.map((e) => e.id));
    expect(early.pod.metadata.resourceVersion).toBe(h.versions[7]!.metadata.resourceVersion);
    expect(lateTimeline.length).toBeGreaterThan(early.timeline.length);
  });

  test('the all-pods log derives the versions it shows, and the pod reads the same entries', () => {
    const h = crashloopHistory();
    const state = feed(podsOnly(h.observations));
    const log = mergedTimeline(state, { limit: 5 });
    expect(log).toHaveLength(5);
    const derived = steps(state).filter((step) => step.derivedYet);
    expect(derived.length).toBeLessThan(h.versions.length);
    const timeline = state.pods.get(key)!.timeline;
    for (const entry of log) expect(timeline).toContain(entry);
  });
});
