import { describe, expect, test } from 'vitest';
import { probeFailures } from '../../src/model/probes.js';
import { PodHistory, appStatus, at, healthyHistory, livenessHistory, pullAndStart, running, scheduleAndCreate, setReady, viewOf } from './fixtures/history.js';


/** Readiness flaps twice; a startup probe failed once before; a sidecar's liveness probe fails too. */
function readinessHistory(): PodHistory {
  const h = new PodHistory('readiness-4a7e2-p6d9f', { containers: ['app', 'metrics'] });
  h.created();
  scheduleAndCreate(h);
  pullAndStart(h, 3, true);
  pullAndStart(h, 3, false, 'metrics');
  h.event(4, 'Warning', 'Unhealthy', 'Startup probe failed: Get "http://10.244.1.17:8080/healthz": dial tcp 10.244.1.17:8080: connect: connection refused', 'app');
  running(h, 3, 0);
  running(h, 3, 0, 'metrics');
  const notReady = 'Readiness probe failed: HTTP probe failed with statuscode: 503';
  const flip = (seconds: number, ready: boolean) =>
    h.update(seconds, (pod) => {
      appStatus(pod).ready = ready;
      setReady(pod, ready, seconds);
    });
  h.event(20, 'Warning', 'Unhealthy', notReady, 'app');
  flip(20, false);
  flip(35, true);
  h.event(50, 'Warning', 'Unhealthy', notReady, 'app');
  h.event(50, 'Warning', 'Unhealthy', 'Liveness probe failed: Get "http://10.244.1.17:9100/metrics": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'metrics');
  flip(50, false);
  return h;
}

describe('probeFailures', () => {
  test('grouped per container and probe, lined up with the ready flips', () => {
    const groups = probeFailures(viewOf(readinessHistory()));
    expect(groups.map((g) => [g.container, g.probe, g.failures.map((f) => [f.count, f.firstAt, f.lastAt])])).toEqual([
      ['app', 'startup', [[1, at(4), at(4)]]],
      ['app', 'readiness', [[2, at(20), at(50)]]],
      ['metrics', 'liveness', [[1, at(50), at(50)]]],
    ]);
    const readiness = groups[1]!;
    expect(readiness.failures[0]!.occurrences).toEqual([at(20), at(50)]);
    // The flips of app's ready, dated by ContainersReady's lastTransitionTime.
    expect(readiness.readyFlips.map((t) => [t.at, t.message])).toEqual([
      [at(3), 'app: ready false → true'],
      [at(20), 'app: ready true → false'],
      [at(35), 'app: ready false → true'],
      [at(50), 'app: ready true → false'],
    ]);
  });

  test('liveness failures of the liveness scenario: one aggregated Event, three occurrences', () => {
    const [group, ...rest] = probeFailures(viewOf(livenessHistory()));
    expect(rest).toEqual([]);
    expect(group).toMatchObject({ container: 'app', probe: 'liveness' });
    expect(group!.failures).toHaveLength(1);
    expect(group!.failures[0]).toMatchObject({ count: 3, message: 'Liveness probe failed: HTTP probe failed with statuscode: 500' });
    expect(group!.failures[0]!.occurrences).toEqual([at(20), at(25), at(30)]);
  });

  test('no Unhealthy events, no groups', () => {
    const h = healthyHistory();
    expect(probeFailures(viewOf(h))).toEqual([]);
  });
});
