import { describe, expect, test } from 'vitest';
import { restartHistory } from '../../src/model/restartHistory.js';
import { attributeKills, failedHook } from '../../src/model/hooks.js';
import type { ContainerInstance, EventEntry } from '../../src/model/views.js';
import {
  NAMESPACE,
  PodHistory,
  appStatus,
  at,
  crashloopHistory,
  healthyHistory,
  iso,
  livenessHistory,
  pullAndStart,
  scheduleAndCreate,
  viewOf,
} from './fixtures/history.js';


const summary = (i: ContainerInstance) => [i.restartCount, i.startedAt, i.finishedAt, i.exitCode, i.reason, i.ranFor, i.killedBy?.reason];

describe('restartHistory', () => {
  test('crashloop: every instance podtui saw, not only lastState', () => {
    const h = crashloopHistory();
    const instances = restartHistory(viewOf(h));
    expect(instances.map(summary)).toEqual([
      [0, at(3), at(8), 1, 'Error', 5_000, undefined],
      [1, at(9), at(14), 1, 'Error', 5_000, undefined],
      [2, at(25), at(30), 1, 'Error', 5_000, undefined],
      [3, at(51), at(56), 1, 'Error', 5_000, undefined],
    ]);
    expect(instances.every((i) => i.container === 'app' && i.kind === 'app')).toBe(true);
  });

  test('liveness kill is attached to the instance it ended; the new instance is still running', () => {
    const h = livenessHistory();
    const instances = restartHistory(viewOf(h));
    expect(instances.map(summary)).toEqual([
      [0, at(3), at(31), 137, 'Error', 28_000, 'Killing'],
      [1, at(32), undefined, undefined, undefined, undefined, undefined],
    ]);
    expect(instances[0]!.killedBy?.message).toBe('Container app failed liveness probe, will be restarted');
  });

  test('a failed postStart hook beats the Killing it caused, even for an instance never seen Running', () => {
    const h = new PodHistory('poststart-hook-5c8d6-w7j4p', { uid: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' });
    h.created();
    scheduleAndCreate(h);
    pullAndStart(h, 3, true);
    const hookMessage = `Exec lifecycle hook ([/bin/sh -c exit 1]) for Container "app" in Pod "${h.name}_${NAMESPACE}(${h.uid})" failed - error: command '/bin/sh -c exit 1' exited with 1: , message: ""`;
    h.event(3, 'Warning', 'FailedPostStartHook', hookMessage, 'app');
    h.event(3, 'Normal', 'Killing', 'FailedPostStartHook', 'app');
    // The status never showed it Running: the next look already has the restart.
    h.update(5, (pod) => {
      const status = appStatus(pod);
      status.lastState = { terminated: { exitCode: 137, reason: 'Error', startedAt: iso(3), finishedAt: iso(4) } };
      status.state = { running: { startedAt: iso(5) } };
      status.restartCount = 1;
      status.ready = true;
    });
    const instances = restartHistory(viewOf(h));
    expect(instances.map(summary)).toEqual([
      [0, at(3), at(4), 137, 'Error', 1_000, 'FailedPostStartHook'],
      [1, at(5), undefined, undefined, undefined, undefined, undefined],
    ]);
    expect(failedHook(instances[0]!.killedBy!)).toBe('postStart');
  });

  test('a failed preStop hook on deletion marks the last instance', () => {
    const h = healthyHistory('prestop-hook-8f2a1-k5n3v');
    h.update(60, (pod) => {
      pod.metadata.deletionTimestamp = iso(90);
      pod.metadata.deletionGracePeriodSeconds = 30;
    });
    h.event(60, 'Warning', 'FailedPreStopHook', `Exec lifecycle hook ([/bin/sh -c /drain.sh]) for Container "app" in Pod "${h.name}_${NAMESPACE}(${h.uid})" failed - error: command '/bin/sh -c /drain.sh' exited with 2: , message: ""`, 'app');
    h.event(60, 'Normal', 'Killing', 'Stopping container app', 'app');
    h.update(90, (pod) => {
      appStatus(pod).state = { terminated: { exitCode: 137, reason: 'Error', startedAt: iso(3), finishedAt: iso(90) } };
      appStatus(pod).ready = false;
    });
    const [instance, ...rest] = restartHistory(viewOf(h));
    expect(rest).toEqual([]);
    expect(summary(instance!)).toEqual([0, at(3), at(90), 137, 'Error', 87_000, 'FailedPreStopHook']);
  });
});

describe('attributeKills', () => {
  const instance = (restartCount: number, startedAt: number, finishedAt?: number): ContainerInstance => ({
    container: 'app',
    kind: 'app',
    restartCount,
    startedAt: at(startedAt),
    ...(finishedAt !== undefined ? { finishedAt: at(finishedAt) } : {}),
  });
  const killing = (times: number[], container = 'app'): EventEntry => ({
    uid: 'e1',
    type: 'Normal',
    reason: 'Killing',
    message: `Container ${container} failed liveness probe, will be restarted`,
    count: times.length,
    firstAt: at(times[0]!),
    lastAt: at(times[times.length - 1]!),
    component: 'kubelet',
    container,
    occurrences: times.map(at),
    event: { metadata: { name: 'x' }, involvedObject: {} },
  });

  test.each([
    { name: 'one kill per occurrence of an aggregated Killing', times: [30, 70, 150], killed: [true, true, true] },
    { name: 'a kill while nothing ran marks nothing', times: [45], killed: [false, false, false] },
    { name: 'a kill at the very end of an instance (same second) is that instance', times: [41], killed: [true, false, false] },
  ])('$name', ({ times, killed }) => {
    const instances = [instance(0, 3, 40), instance(1, 60, 80), instance(2, 120)];
    const result = attributeKills(instances, [killing(times)]);
    expect(result.map((i) => i.killedBy !== undefined)).toEqual(killed);
    expect(instances.every((i) => i.killedBy === undefined)).toBe(true); // input untouched
  });

  test('kills of another container do not count', () => {
    expect(attributeKills([instance(0, 3)], [killing([10], 'sidecar')])[0]!.killedBy).toBeUndefined();
  });
});
