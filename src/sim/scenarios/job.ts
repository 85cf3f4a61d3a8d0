// A Job controller for one Job: one pod at a time (completions 1), a new pod
// after each failure with the controller's back-off (10 s doubling), until
// success or backoffLimit; its own Events go on the Job.
import type { Pod } from '../../model/types.js';
import type { Change } from '../store.js';
import { generateNameSuffix, randomUid } from '../kubelet/names.js';
import { podObject, type Owner } from './podObject.js';
import type { PodPlan, ScenarioContext } from './types.js';

export interface JobOptions {
  name: string;
  backoffLimit: number;
  template: (attempt: number) => PodPlan;
}

const JOB_BACKOFF_MS = 10_000;

export function startJob(context: ScenarioContext, options: JobOptions): void {
  const { emulator, namespace, random, kubelet, timers } = context;
  const uid = randomUid(random);
  const owner: Owner = { apiVersion: 'batch/v1', kind: 'Job', name: options.name, uid };
  const jobEvent = (type: 'Normal' | 'Warning', reason: string, message: string) =>
    kubelet.deps.recorder.record({ kind: 'Job', apiVersion: 'batch/v1', namespace, name: options.name, uid }, { component: 'job-controller' }, type, reason, message);
  const mine = new Set<string>();
  let failures = 0;
  let finished = false;

  const createPod = () => {
    const name = `${options.name}-${generateNameSuffix(random)}`;
    const plan = options.template(failures);
    const labels = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': options.name,
      'controller-uid': uid,
      'job-name': options.name,
    };
    mine.add(name);
    kubelet.run(podObject(context, { name, generateName: `${options.name}-`, labels, owner, plan }), plan.behaviors);
    jobEvent('Normal', 'SuccessfulCreate', `Created pod: ${name}`);
  };

  const unsubscribe = emulator.store.subscribe((change: Change) => {
    if (finished || change.kind !== 'pods' || change.type !== 'MODIFIED') return;
    if (change.object.metadata.namespace !== namespace || !mine.has(change.object.metadata.name)) return;
    const phase = (change.object as unknown as Pod).status.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') return;
    mine.delete(change.object.metadata.name);
    // Never write from inside a store listener: react on the next tick.
    if (phase === 'Succeeded') {
      finished = true;
      timers.after(0, () => jobEvent('Normal', 'Completed', 'Job completed'));
      return;
    }
    failures += 1;
    if (failures > options.backoffLimit) {
      finished = true;
      timers.after(0, () => jobEvent('Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'));
      return;
    }
    timers.after(JOB_BACKOFF_MS * 2 ** (failures - 1), createPod);
  });
  context.onStop(unsubscribe);
  createPod();
}
