// The "Must show" of issue 4: the crashloop pod's successive versions and
// events, fed through the reducer, read as the story a user expects, and every
// step of the timeline shows the pod as it was at that moment.
import { describe, expect, test } from 'vitest';
import { applyObservation, createClusterState, type ClusterState } from '../../src/model/clusterState.js';
import { restartSteps, snapshotAt } from '../../src/model/snapshot.js';
import type { Observation } from '../../src/model/observations.js';
import type { Pod } from '../../src/model/types.js';
import type { TimelineEntry } from '../../src/model/views.js';
import { crashloopHistory } from './fixtures/history.js';
import { CRASHLOOP_STORY, story } from './fixtures/story.js';

const KEY = 'demo/crashloop-6f9c7-x2kqp';

function feed(observations: Observation[], state: ClusterState = createClusterState()): ClusterState {
  return observations.reduce(applyObservation, state);
}

function sameStatus(a: Pod, b: Pod): void {
  expect(a.status).toEqual(b.status);
  expect(a.metadata.resourceVersion).toBe(b.metadata.resourceVersion);
}

describe('crashloop timeline', () => {
  const history = crashloopHistory();
  const view = feed(history.observations).pods.get(KEY)!;

  test('reads Scheduled → Pulling → Pulled → Created → Started → Running/Ready → Terminated → BackOff → CrashLoopBackOff → Running …', () => {
    expect(story(view)).toEqual(CRASHLOOP_STORY);
    // The messages are the kubelet's, whole.
    const backOff = view.timeline.find((e) => e.source === 'transition' && e.transition.reason === 'CrashLoopBackOff');
    expect(backOff?.source === 'transition' && backOff.transition.message).toBe(
      'app: Waiting (CrashLoopBackOff: back-off 10s restarting failed container=app pod=crashloop-6f9c7-x2kqp_demo(7c1e9a52-3f0b-4d8e-9a51-2b6f0c4d8e11))',
    );
  });

  test('repeats of an Event are one entry whose count grew, where it first happened', () => {
    const backOffs = view.timeline.filter((e) => e.source === 'event' && e.event.reason === 'BackOff');
    expect(backOffs).toHaveLength(1);
    const backOff = backOffs[0]!;
    if (backOff.source !== 'event') throw new Error('not an event');
    expect(backOff.event).toMatchObject({ count: 3, type: 'Warning', container: 'app', component: 'kubelet' });
    expect(backOff.event.occurrences).toEqual([Date.parse('2026-11-25T10:00:15Z'), Date.parse('2026-11-25T10:00:31Z'), Date.parse('2026-11-25T10:00:57Z')]);
    expect(backOff.at).toBe(Date.parse('2026-11-25T10:00:15Z'));
    const started = view.timeline.filter((e) => e.source === 'event' && e.event.reason === 'Started');
    expect(started.map((e) => (e.source === 'event' ? e.event.count : 0))).toEqual([4]);
  });

  test('snapshot k is the pod as it was after entry k', () => {
    // Replay the observations one by one: after each pod version, the newest
    // entry of the timeline so far must snapshot to exactly that version, and
    // the final view must agree with it at the same step.
    let state = createClusterState();
    let checked = 0;
    for (const observation of history.observations) {
      state = applyObservation(state, observation);
      if (observation.kind !== 'PodObserved') continue;
      const partial = state.pods.get(KEY)!;
      const newestTransition = [...partial.timeline].reverse().find((e) => e.source === 'transition');
      if (!newestTransition) continue;
      const step = view.timeline.findIndex((e) => e.id === newestTransition.id);
      expect(step).toBeGreaterThanOrEqual(0);
      // The newest entry so far came from the version just observed …
      expect(newestTransition.source === 'transition' && newestTransition.pod).toBe(partial.pod);
      // … and in the final timeline the pod at that step is exactly that version.
      sameStatus(snapshotAt(view, step), observation.pod);
      checked++;
    }
    expect(checked).toBe(history.versions.length);
  });

  test('snapshots at landmark steps show the state the log line names', () => {
    const stepOf = (predicate: (e: TimelineEntry) => boolean, nth = 0) =>
      view.timeline.map((e, i) => (predicate(e) ? i : -1)).filter((i) => i >= 0)[nth]!;
    const isState = (text: string) => (e: TimelineEntry) => e.source === 'transition' && e.transition.message.includes(text);
    const app = (pod: Pod) => pod.status.containerStatuses!.find((s) => s.name === 'app')!;

    const firstCrash = snapshotAt(view, stepOf(isState('Terminated (Error')));
    expect(app(firstCrash).state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(app(firstCrash).restartCount).toBe(0);

    const backingOff = snapshotAt(view, stepOf(isState('back-off 10s')));
    expect(app(backingOff).state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(app(backingOff).lastState?.terminated?.finishedAt).toBe('2026-11-25T10:00:14Z');
    expect(app(backingOff).restartCount).toBe(1);

    const thirdRun = snapshotAt(view, stepOf(isState('app: Running'), 2));
    expect(app(thirdRun).state?.running?.startedAt).toBe('2026-11-25T10:00:25Z');
    expect(app(thirdRun).restartCount).toBe(2);
    expect(thirdRun.status.phase).toBe('Running');

    const scheduled = snapshotAt(view, stepOf((e) => e.source === 'event' && e.event.reason === 'Scheduled'));
    expect(scheduled.spec.nodeName).toBeUndefined(); // the Scheduled event precedes the status that shows it
    const live = snapshotAt(view, view.timeline.length - 1);
    expect(live).toBe(view.pod);
  });

  test('restart steps: one per exit, oldest first', () => {
    const steps = restartSteps(view);
    expect(steps).toHaveLength(4);
    for (const step of steps) expect(view.timeline[step]!.source === 'transition' && view.timeline[step]!.transition.message).toBe('app: Terminated (Error, exit code 1)');
  });

  test('the row is kubectl’s', () => {
    expect(view.row).toMatchObject({ status: 'CrashLoopBackOff', ready: '0/1', restarts: 3 });
  });

  test('a relist that delivers what is already held changes nothing (same state object)', () => {
    const once = feed(history.observations);
    const latest = new Map<string, Observation>();
    for (const o of history.observations) {
      if (o.kind === 'PodObserved') latest.set('pod', o);
      if (o.kind === 'EventObserved') latest.set(o.event.metadata.uid!, o);
    }
    const relisted = feed([...latest.values()].map((o) => ({ ...o, observedAt: o.observedAt + 60_000 })), once);
    expect(relisted).toBe(once);
    expect(relisted.version).toBe(once.version);
  });
});

