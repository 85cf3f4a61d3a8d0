// A Deployment that never stops rolling: every 15 s a pod of the newest
// ReplicaSet is created (maxSurge 1) and, once it has had time to get Ready,
// an old one is deleted; when no old pod is left a new revision starts.
import { generateNameSuffix, podTemplateHash, randomUid } from '../kubelet/names.js';
import { deletePod, podObject, type Owner } from './podObject.js';
import { serviceLog, server } from './containers.js';
import type { PodPlan, ScenarioContext, ScenarioDefinition } from './types.js';

const REPLICAS = 3;
const STEP_MS = 15_000;
const READY_AFTER_MS = 8_000;

interface Revision {
  hash: string;
  owner: Owner;
  version: string;
}

function plan(revision: Revision): PodPlan {
  return {
    spec: { containers: [server('frontend', `ghcr.io/acme/storefront:${revision.version}`, 8080)] },
    behaviors: {
      frontend: {
        pull: { ms: 1_500, sizeBytes: 58_300_144 },
        sigterm: { afterMs: 1_000, exitCode: 0 },
        instances: [{}],
        log: serviceLog('storefront', revision.version, '/'),
      },
    },
  };
}

function startChurn(context: ScenarioContext): void {
  const { emulator, namespace, random, kubelet, timers } = context;
  let generation = 0;
  const newRevision = (): Revision => {
    generation += 1;
    const hash = podTemplateHash(random);
    return {
      hash,
      owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `churn-${hash}`, uid: randomUid(random) },
      version: `1.${40 + generation}.0`,
    };
  };
  const pods: { name: string; hash: string }[] = [];
  const create = (revision: Revision) => {
    const name = `churn-${revision.hash}-${generateNameSuffix(random)}`;
    const p = plan(revision);
    kubelet.run(podObject(context, { name, generateName: `churn-${revision.hash}-`, labels: { app: 'churn', 'pod-template-hash': revision.hash }, owner: revision.owner, plan: p }), p.behaviors);
    pods.push({ name, hash: revision.hash });
  };
  let current = newRevision();
  for (let i = 0; i < REPLICAS; i++) create(current);
  timers.every(STEP_MS, () => {
    // Forget pods that are gone or going.
    for (let i = pods.length - 1; i >= 0; i--) {
      const pod = emulator.store.get('pods', namespace, pods[i]!.name);
      if (!pod || pod.metadata.deletionTimestamp) pods.splice(i, 1);
    }
    const old = pods.filter((p) => p.hash !== current.hash);
    if (old.length === 0) {
      current = newRevision();
      return;
    }
    create(current);
    const victim = old[0]!;
    timers.after(READY_AFTER_MS, () => deletePod(context, victim.name, 30));
  });
}

export const churn: ScenarioDefinition = {
  name: 'churn',
  description: 'a Deployment rolling forever: pods created and deleted every 15s, like a rollout',
  start: startChurn,
};
