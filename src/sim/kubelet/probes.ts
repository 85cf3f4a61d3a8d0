// The kubelet's prober for one container instance: readiness flips `ready`
// (and so Ready/ContainersReady) after failureThreshold failures and back
// after successThreshold passes; liveness kills the container after
// failureThreshold failures. Each failure is a Warning `Unhealthy` Event.
// What the endpoint answers comes from the instance's scripted fate.
import type { Container } from '../../model/types.js';
import type { InstanceFate } from './behavior.js';
import type { EventType } from './recorder.js';
import type { Timers } from './timers.js';

/** The container instance as the prober sees it. */
export interface ProbedInstance {
  spec: Container;
  startedAt: number;
  /** The instance's timers: cancelled when it ends, which ends the probing. */
  timers: Timers;
  now(): number;
  isReady(): boolean;
  setReady(ready: boolean): void;
  event(type: EventType, reason: string, message: string): void;
  log(text: string): void;
  /** Killing for a failed liveness probe, with the grace period it allows. */
  kill(message: string, graceMs: number): void;
}

/** The first probe waits initialDelaySeconds, or the first worker tick (1 s) when there is none. */
const FIRST_TICK_MS = 1_000;

export function probeReadiness(target: ProbedInstance, fate: InstanceFate): void {
  const probe = target.spec.readinessProbe;
  if (!probe) return;
  const first = (probe.initialDelaySeconds ?? 0) * 1000 || FIRST_TICK_MS;
  const flaps = fate.readinessFlaps;
  if (!flaps) {
    // An endpoint that always answers: one passing probe is all anyone sees.
    target.timers.after(first, () => target.setReady(true));
    return;
  }
  const period = (probe.periodSeconds ?? 10) * 1000;
  const threshold = probe.failureThreshold ?? 3;
  const successes = probe.successThreshold ?? 1;
  let failed = 0;
  let succeeded = 0;
  const check = () => {
    const elapsed = target.now() - target.startedAt;
    const healthy = elapsed % (flaps.readyMs + flaps.notReadyMs) < flaps.readyMs;
    if (healthy) {
      failed = 0;
      succeeded += 1;
      if (!target.isReady() && succeeded >= successes) target.setReady(true);
      return;
    }
    succeeded = 0;
    failed += 1;
    target.event('Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503');
    if (target.isReady() && failed >= threshold) target.setReady(false);
  };
  target.timers.after(first, () => {
    check();
    target.timers.every(period, check);
  });
}

export function probeLiveness(target: ProbedInstance, fate: InstanceFate, podGraceSeconds: number): void {
  const probe = target.spec.livenessProbe;
  const failsAfter = fate.livenessFailsAfterMs;
  // A liveness endpoint that never fails changes nothing anyone can see: no need to tick.
  if (!probe || failsAfter === undefined) return;
  const period = (probe.periodSeconds ?? 10) * 1000;
  const threshold = probe.failureThreshold ?? 3;
  let failed = 0;
  const check = (): boolean => {
    if (target.now() - target.startedAt < failsAfter) {
      failed = 0;
      return true;
    }
    failed += 1;
    target.log('GET /healthz 500 (upstream connection pool exhausted)');
    target.event('Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500');
    if (failed < threshold) return true;
    const grace = (probe.terminationGracePeriodSeconds ?? podGraceSeconds) * 1000;
    target.kill(`Container ${target.spec.name} failed liveness probe, will be restarted`, grace);
    return false;
  };
  target.timers.after((probe.initialDelaySeconds ?? 0) * 1000, () => {
    if (check()) target.timers.every(period, check);
  });
}
