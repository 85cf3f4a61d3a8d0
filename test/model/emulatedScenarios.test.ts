// The model reading what the emulator's kubelet writes: the `crashloop`
// scenario's successive pod versions and events (the "Must show" of issue 4,
// from the scenario itself rather than a hand-written history), and every
// other scenario checked for what podtui derives on its own.
import { beforeAll, describe, expect, test } from 'vitest';
import { applyObservation, createClusterState, type ClusterState } from '../../src/model/clusterState.js';
import { countdowns } from '../../src/model/countdowns.js';
import { probeFailures } from '../../src/model/probes.js';
import { restartHistory } from '../../src/model/restartHistory.js';
import { restartSteps } from '../../src/model/snapshot.js';
import { whyLine } from '../../src/model/why.js';
import type { Observation } from '../../src/model/observations.js';
import type { PodView } from '../../src/model/views.js';
import { emulatedObservations } from './fixtures/emulated.js';
import { replaySnapshots } from './fixtures/replay.js';
import { CRASHLOOP_STORY, story } from './fixtures/story.js';

function podOf(state: ClusterState, scenario: string): PodView {
  const views = [...state.pods.values()].filter((v) => v.row.name.startsWith(`${scenario}-`));
  if (views.length === 0) throw new Error(`no pod of ${scenario}`);
  return views[0]!;
}

describe('the crashloop scenario, as the emulator runs it', () => {
  let observations: Observation[];
  let state: ClusterState;
  let view: PodView;
  beforeAll(() => {
    observations = emulatedObservations(['crashloop'], 4);
    state = observations.reduce(applyObservation, createClusterState());
    view = podOf(state, 'crashloop');
  });

  test('reads Scheduled → Pulling → Pulled → Created → Started → Running/Ready → Terminated → BackOff → CrashLoopBackOff → Running …', () => {
    // The emulator's exit comes 4 s into each run; the story reads the same as the kubelet's.
    expect(story(view).slice(0, CRASHLOOP_STORY.length)).toEqual(CRASHLOOP_STORY);
    expect(story(view)).toContain('Waiting (CrashLoopBackOff: back-off 2m40s)');
  });

  test('snapshot k equals the pod as it was after entry k, for every version', () => {
    const { checked, mismatches } = replaySnapshots(observations);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });

  test('restart history, restart steps, countdown and why agree with the live pod', () => {
    const status = view.pod.status.containerStatuses![0]!;
    const instances = restartHistory(view);
    expect(instances.map((i) => i.restartCount)).toEqual(Array.from({ length: status.restartCount + 1 }, (_, i) => i));
    expect(instances.every((i) => i.exitCode === 1 && i.reason === 'Error' && i.ranFor === 4_000)).toBe(true);
    expect(restartSteps(view)).toHaveLength(status.restartCount + 1);

    const now = observations.at(-1)!.observedAt;
    const [countdown] = countdowns(view, now);
    const backOff = /back-off (\S+) /.exec(status.state!.waiting!.message!)![1];
    expect(backOff).toBe('2m40s');
    expect(countdown).toEqual({ kind: 'CrashLoopBackOff', container: 'app', until: Date.parse(status.lastState!.terminated!.finishedAt!) + 160_000, total: 160_000 });
    expect(whyLine(view, now)).toMatch(
      new RegExp(`^Ready=False ContainersNotReady · app: CrashLoopBackOff \\(exit 1, ${status.restartCount} restarts, next try in \\d+m?\\d*s\\) · BackOff x\\d+$`),
    );
  });
});

describe('every scenario, six minutes', () => {
  let observations: Observation[];
  let state: ClusterState;
  let now: number;
  beforeAll(() => {
    observations = emulatedObservations(
      ['healthy', 'liveness', 'readiness', 'poststart-hook', 'oomkilled', 'imagepull', 'init-crash', 'sidecar', 'unschedulable', 'job-failure', 'evicted'],
      6,
    );
    state = observations.reduce(applyObservation, createClusterState());
    now = observations.at(-1)!.observedAt;
  });

  test('time travel holds for every version of every pod', () => {
    const { checked, mismatches } = replaySnapshots(observations);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  test('every instance the kubelet started is in the restart history', () => {
    for (const view of state.pods.values()) {
      const statuses = [...(view.pod.status.initContainerStatuses ?? []), ...(view.pod.status.containerStatuses ?? [])];
      const instances = restartHistory(view);
      for (const status of statuses) {
        const started = status.state?.waiting && status.restartCount === 0 && !status.lastState?.terminated ? 0 : status.restartCount + 1;
        expect(instances.filter((i) => i.container === status.name), `${view.row.name}/${status.name}`).toHaveLength(started);
      }
    }
  });

  test('liveness kills and failed postStart hooks are attached to the instances they ended', () => {
    const ended = (scenario: string) => restartHistory(podOf(state, scenario)).filter((i) => i.finishedAt !== undefined);
    const liveness = ended('liveness');
    expect(liveness.length).toBeGreaterThan(0);
    expect(liveness.map((i) => i.killedBy?.message)).toEqual(liveness.map(() => expect.stringMatching(/failed liveness probe, will be restarted$/)));
    const postStart = ended('poststart-hook');
    expect(postStart.length).toBeGreaterThan(0);
    expect(postStart.map((i) => i.killedBy?.reason)).toEqual(postStart.map(() => 'FailedPostStartHook'));
  });

  test('probe failures: liveness for the liveness pod, readiness with its ready flips for the readiness pod', () => {
    const [liveness] = probeFailures(podOf(state, 'liveness'));
    expect(liveness).toMatchObject({ probe: 'liveness' });
    const [readiness] = probeFailures(podOf(state, 'readiness'));
    expect(readiness).toMatchObject({ probe: 'readiness' });
    expect(readiness!.readyFlips.length).toBeGreaterThan(2);
  });

  test('countdowns and why lines', () => {
    const imagepull = podOf(state, 'imagepull');
    const [pull] = countdowns(imagepull, now);
    expect(pull).toMatchObject({ kind: 'ImagePullBackOff', container: 'checkout' });
    expect(pull!.total).toBeLessThanOrEqual(300_000);
    expect(pull!.until).toBeGreaterThan(now - 1_000);

    expect(whyLine(podOf(state, 'healthy'), now)).toBeUndefined();
    expect(whyLine(podOf(state, 'sidecar'), now)).toBeUndefined();
    expect(whyLine(podOf(state, 'init-crash'), now)).toMatch(/^Initialized=False ContainersNotInitialized · migrate: CrashLoopBackOff \(exit 1, \d+ restarts, next try in /);
    expect(whyLine(podOf(state, 'oomkilled'), now)).toMatch(/: CrashLoopBackOff \(exit 137, \d+ restarts, next try in /);
    expect(whyLine(podOf(state, 'unschedulable'), now)).toMatch(/^PodScheduled=False Unschedulable: 0\/\d+ nodes are available: .* · FailedScheduling x\d+$/);
    expect(whyLine(podOf(state, 'imagepull'), now)).toMatch(/^Ready=False ContainersNotReady · checkout: (ImagePullBackOff|ErrImagePull)/);
    expect(whyLine(podOf(state, 'evicted'), now) ?? '').toMatch(/^Evicted: The node was low on resource: memory\./);
  });
});
