// A ReplicaSet controller for one Deployment's ReplicaSet: keeps `replicas`
// active pods (not terminating, not finished), creating a replacement as soon
// as one is deleted or fails, like the real one does.
import type { Pod } from '../../model/types.js';
import type { Change } from '../store.js';
import { generateNameSuffix, podTemplateHash, randomUid } from '../kubelet/names.js';
import { podObject, type Owner } from './podObject.js';
import type { PodPlan, ScenarioContext } from './types.js';

export interface ReplicaSetOptions {
  /** The Deployment's name; pods are `<deployment>-<pod-template-hash>-<5 chars>`. */
  deployment: string;
  replicas: number;
  /** The pod for the n-th pod this ReplicaSet creates (0 = first), so a scenario can make only the first one special. */
  template: (ordinal: number) => PodPlan;
  /** Called after each pod was created (e.g. to delete it later). */
  created?: (name: string, ordinal: number) => void;
  hash?: string;
}

export interface ReplicaSetHandle {
  readonly name: string;
  readonly hash: string;
  /** Names of its pods that still exist. */
  pods(): string[];
}

const isActive = (pod: Pod | undefined) =>
  pod !== undefined && !pod.metadata.deletionTimestamp && pod.status.phase !== 'Failed' && pod.status.phase !== 'Succeeded';

export function startReplicaSet(context: ScenarioContext, options: ReplicaSetOptions): ReplicaSetHandle {
  const { emulator, namespace, random, kubelet, timers } = context;
  const hash = options.hash ?? podTemplateHash(random);
  const owner: Owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${options.deployment}-${hash}`, uid: randomUid(random) };
  const owned = new Set<string>();
  let created = 0;
  let pending = false;

  const reconcile = () => {
    pending = false;
    const active = [...owned].filter((name) => isActive(emulator.store.get('pods', namespace, name) as Pod | undefined)).length;
    for (let i = active; i < options.replicas; i++) {
      const name = `${options.deployment}-${hash}-${generateNameSuffix(random)}`;
      const plan = options.template(created);
      const pod = podObject(context, {
        name,
        generateName: `${options.deployment}-${hash}-`,
        labels: { app: options.deployment, 'pod-template-hash': hash },
        owner,
        plan,
      });
      owned.add(name);
      kubelet.run(pod, plan.behaviors, plan.node !== undefined ? { node: plan.node } : {});
      kubelet.deps.recorder.record(
        { kind: 'ReplicaSet', apiVersion: 'apps/v1', namespace, name: owner.name, uid: owner.uid },
        { component: 'replicaset-controller' },
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${name}`,
      );
      options.created?.(name, created);
      created += 1;
    }
  };

  // Writing from inside a store listener would reorder what watchers see: react on the next tick.
  const unsubscribe = emulator.store.subscribe((change: Change) => {
    if (change.kind !== 'pods' || change.object.metadata.namespace !== namespace || !owned.has(change.object.metadata.name)) return;
    if (change.type === 'DELETED') owned.delete(change.object.metadata.name);
    if (!pending && !isActive(change.type === 'DELETED' ? undefined : (change.object as unknown as Pod))) {
      pending = true;
      timers.after(0, reconcile);
    }
  });
  context.onStop(unsubscribe);
  reconcile();
  return { name: owner.name, hash, pods: () => [...owned] };
}
