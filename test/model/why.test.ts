import { describe, expect, test } from 'vitest';
import { whyLine } from '../../src/model/why.js';
import { PodHistory, appStatus, at, condition, crashloopHistory, healthyHistory, iso, livenessHistory, setCondition, viewOf } from './fixtures/history.js';



describe('whyLine', () => {
  test('crashloop: condition, failing container with exit, restarts and next try, latest Warning', () => {
    // Exit at +56 s, back-off 40 s: the retry is due at +96 s; at +64 s that is 32 s away.
    expect(whyLine(viewOf(crashloopHistory()), at(64))).toBe(
      'Ready=False ContainersNotReady · app: CrashLoopBackOff (exit 1, 3 restarts, next try in 32s) · BackOff x3',
    );
  });

  test('at a past step it reads as it did then', () => {
    const view = viewOf(crashloopHistory());
    const step = view.timeline.findIndex((e) => e.source === 'transition' && e.transition.message.includes('back-off 10s'));
    // At that step (+15.6 s) the retry at +24 s was 8 s away, and BackOff had happened once (x3 only later).
    expect(whyLine(view, at(64), step)).toBe('Ready=False ContainersNotReady · app: CrashLoopBackOff (exit 1, 1 restart, next try in 8s) · BackOff');
    const secondBackOff = view.timeline.findIndex((e) => e.source === 'transition' && e.transition.message.includes('back-off 20s'));
    expect(whyLine(view, at(64), secondBackOff)).toBe('Ready=False ContainersNotReady · app: CrashLoopBackOff (exit 1, 2 restarts, next try in 18s) · BackOff x2');
    const firstCrash = view.timeline.findIndex((e) => e.source === 'transition' && e.transition.message.startsWith('app: Terminated'));
    expect(whyLine(view, at(64), firstCrash)).toBe('Ready=False ContainersNotReady · app: Error (exit 1)');
  });

  test('a healthy pod has no why; neither has a completed one', () => {
    expect(whyLine(viewOf(healthyHistory()), at(10))).toBeUndefined();
    const done = healthyHistory();
    done.update(20, (pod) => {
      pod.status.phase = 'Succeeded';
      appStatus(pod).state = { terminated: { exitCode: 0, reason: 'Completed', startedAt: iso(3), finishedAt: iso(20) } };
      appStatus(pod).ready = false;
      setCondition(pod, condition('Ready', false, 20, 'PodCompleted'));
    });
    expect(whyLine(viewOf(done), at(30))).toBeUndefined();
  });

  test('unschedulable: the condition message is the why', () => {
    const h = new PodHistory('big-5d8f7-q9z2n');
    h.created();
    h.event(1, 'Warning', 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', undefined, 'default-scheduler');
    h.event(61, 'Warning', 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', undefined, 'default-scheduler');
    h.update(1, (pod) => {
      setCondition(pod, condition('PodScheduled', false, 1, 'Unschedulable', '0/3 nodes are available: 3 Insufficient cpu.'));
    });
    expect(whyLine(viewOf(h), at(70))).toBe('PodScheduled=False Unschedulable: 0/3 nodes are available: 3 Insufficient cpu. · FailedScheduling x2');
  });

  test('evicted: the pod reason and message lead', () => {
    const h = healthyHistory();
    h.update(300, (pod) => {
      pod.status.phase = 'Failed';
      pod.status.reason = 'Evicted';
      pod.status.message = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91332Ki.';
      appStatus(pod).state = { terminated: { exitCode: 137, reason: 'Error', startedAt: iso(3), finishedAt: iso(300) } };
      appStatus(pod).ready = false;
    });
    h.event(299, 'Warning', 'Evicted', 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91332Ki.', undefined);
    expect(whyLine(viewOf(h), at(310))).toBe(
      'Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 91332Ki. · app: Error (exit 137) · Evicted',
    );
  });

  test('running but not ready after a liveness restart', () => {
    const h = livenessHistory();
    h.update(33, (pod) => {
      appStatus(pod).ready = false;
      setCondition(pod, condition('Ready', false, 33, 'ContainersNotReady', 'containers with unready status: [app]'));
    });
    expect(whyLine(viewOf(h), at(40))).toBe('Ready=False ContainersNotReady · app: Running, not ready (exit 137, 1 restart) · Unhealthy x3');
  });
});
