// How a kubectl STATUS is coloured. Only the words that mean "on its way" or
// "done" are listed: any other reason the kubelet or a controller can put in
// STATUS (CrashLoopBackOff, Error, OOMKilled, ErrImagePull, Evicted,
// ContainerCannotRun, Init:Signal:9, ExitCode:2, UnexpectedAdmissionError, ...)
// is a failure a user has to look at, so unknown words default to failing.
import type { Health } from './views.js';

/** STATUS words of a pod that is still coming up or going away, not yet broken. */
const PROGRESSING = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'NotReady',
  'Terminating',
  'SchedulingGated',
  // No phase yet: the object was just created and nothing has reported on it.
  '',
]);

/** A pod that ran to its end without failing. */
const FINISHED = new Set(['Completed', 'Succeeded']);

/** `Init:1/3`: an init container waiting its turn or running, not a failed one (`Init:Error`). */
const INIT_PROGRESS = /^Init:\d+\/\d+$/;

/**
 * Health of a pod from its kubectl STATUS, READY counts and Ready condition.
 * `Running` is healthy only when every counted container is ready and the
 * pod itself is Ready: kubectl keeps printing "1/1 Running" for a pod whose
 * node stopped reporting (the containers' `ready` is stale, only the Ready
 * condition went False) or whose readiness gates are not met, and podtui
 * must not paint that green. A running pod that is not ready is progressing,
 * not failing: readiness comes and goes.
 */
export function statusHealth(status: string, readyContainers: number, totalContainers: number, podReady: boolean): Health {
  if (status === 'Running') {
    return podReady && readyContainers === totalContainers && totalContainers > 0 ? 'healthy' : 'progressing';
  }
  if (FINISHED.has(status)) return 'finished';
  if (PROGRESSING.has(status) || (status.startsWith('Init:') && INIT_PROGRESS.test(status))) return 'progressing';
  return 'failing';
}
