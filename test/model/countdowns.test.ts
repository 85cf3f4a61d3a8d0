import { describe, expect, test } from 'vitest';
import { backOffAfter, backOffFromMessage, countdowns, parseGoDuration } from '../../src/model/countdowns.js';
import { PodHistory, appStatus, at, crashloopHistory, healthyHistory, iso, scheduleAndCreate, viewOf } from './fixtures/history.js';


describe('Go durations in the kubelet messages', () => {
  test.each([
    ['10s', 10_000],
    ['40s', 40_000],
    ['1m20s', 80_000],
    ['2m40s', 160_000],
    ['5m0s', 300_000],
    ['1h0m0s', 3_600_000],
    ['1.5s', 1_500],
    ['500ms', 500],
    ['forty', undefined],
    ['', undefined],
  ])('%s', (text, expected) => {
    expect(parseGoDuration(text)).toBe(expected);
  });

  test('read from the CrashLoopBackOff waiting message', () => {
    expect(backOffFromMessage('back-off 2m40s restarting failed container=app pod=api-1_demo(7c1e)')).toBe(160_000);
    expect(backOffFromMessage('Back-off pulling image "nginx:nope"')).toBeUndefined();
    expect(backOffFromMessage(undefined)).toBeUndefined();
  });

  test.each([
    [1, 10], [2, 20], [3, 40], [4, 80], [5, 160], [6, 300], [7, 300], [20, 300],
  ])('after failure %i the kubelet waits %is', (failures, seconds) => {
    expect(backOffAfter(failures)).toBe(seconds * 1000);
  });
});

describe('countdowns', () => {
  test('CrashLoopBackOff: the message says 40s, counted from the exit', () => {
    const view = viewOf(crashloopHistory());
    expect(countdowns(view, at(60))).toEqual([{ kind: 'CrashLoopBackOff', container: 'app', until: at(56 + 40), total: 40_000 }]);
  });

  test('at a past step: the back-off of that moment', () => {
    const view = viewOf(crashloopHistory());
    const step = view.timeline.findIndex((e) => e.source === 'transition' && e.transition.message.includes('back-off 10s'));
    expect(countdowns(view, at(60), step)).toEqual([{ kind: 'CrashLoopBackOff', container: 'app', until: at(14 + 10), total: 10_000 }]);
    // Running again at a later step: nothing to wait for.
    const runningAgain = view.timeline.findIndex((e, i) => i > step && e.source === 'transition' && e.transition.message === 'app: Running');
    expect(runningAgain).toBeGreaterThan(step);
    expect(countdowns(view, at(60), runningAgain)).toEqual([]);
  });

  test.each([
    { restartCount: 1, seconds: 10 },
    { restartCount: 3, seconds: 40 },
    { restartCount: 9, seconds: 300 },
  ])('CrashLoopBackOff without a message: restartCount $restartCount waits $seconds s', ({ restartCount, seconds }) => {
    const h = crashloopHistory();
    h.update(58, (pod) => {
      const status = appStatus(pod);
      status.state = { waiting: { reason: 'CrashLoopBackOff' } };
      status.restartCount = restartCount;
    });
    const [countdown] = countdowns(viewOf(h), at(60));
    expect(countdown).toEqual({ kind: 'CrashLoopBackOff', container: 'app', until: at(56 + seconds), total: seconds * 1000 });
  });

  test('ImagePullBackOff: from the latest "Error: ErrImagePull" and how often it happened', () => {
    const h = new PodHistory('imagepull-9b7c5-t4r8s', { image: 'ghcr.io/acme/api:1.4.3-typo' });
    h.created();
    scheduleAndCreate(h);
    const image = 'ghcr.io/acme/api:1.4.3-typo';
    const pullFailed = (s: number) => {
      h.event(s, 'Normal', 'Pulling', `Pulling image "${image}"`, 'app');
      h.event(s + 1, 'Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": not found`, 'app');
      h.event(s + 1, 'Warning', 'Failed', 'Error: ErrImagePull', 'app');
      h.update(s + 1, (pod) => {
        appStatus(pod).state = { waiting: { reason: 'ErrImagePull', message: `failed to pull and unpack image "${image}": not found` } };
      });
      h.event(s + 2, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, 'app');
      h.event(s + 2, 'Warning', 'Failed', 'Error: ImagePullBackOff', 'app');
      h.update(s + 2, (pod) => {
        appStatus(pod).state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } };
      });
    };
    pullFailed(2); // failure 1 at +3 s: 10 s back-off
    pullFailed(13); // failure 2 at +14 s: 20 s back-off
    const view = viewOf(h);
    expect(countdowns(view, at(20))).toEqual([{ kind: 'ImagePullBackOff', container: 'app', until: at(14 + 20), total: 20_000 }]);
    // At the first back-off, one failure had happened: 10 s from +3 s.
    const firstBackOff = view.timeline.findIndex((e) => e.source === 'transition' && e.transition.reason === 'ImagePullBackOff');
    expect(countdowns(view, at(20), firstBackOff)).toEqual([{ kind: 'ImagePullBackOff', container: 'app', until: at(3 + 10), total: 10_000 }]);
  });

  test('a Terminating pod: deletionTimestamp is when the grace period ends', () => {
    const h = healthyHistory();
    h.update(100, (pod) => {
      pod.metadata.deletionTimestamp = iso(130);
      pod.metadata.deletionGracePeriodSeconds = 30;
    });
    expect(countdowns(viewOf(h), at(110))).toEqual([{ kind: 'GracePeriod', until: at(130), total: 30_000 }]);
  });

  test('a healthy pod waits for nothing', () => {
    const h = healthyHistory();
    expect(countdowns(viewOf(h), at(10))).toEqual([]);
  });
});
