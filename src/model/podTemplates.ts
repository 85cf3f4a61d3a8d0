// The pods of one ReplicaSet (one Job, one DaemonSet…) are made from one pod
// template: their containers, labels and owner references are equal, and
// each pod still arrives with its own parsed copy of them. Structural sharing
// (podVersion.ts) shares them between the versions of one pod; this shares
// them between the pods of one owner, when a pod is first seen: at 10,000
// Deployment pods, a tenth of the model's heap. It also leaves every pod's
// template parts the same few objects, which the comparison with the next
// version then finds in the CPU's caches instead of one copy per pod.
//
// Equality is checked, never assumed: an admission webhook may give one pod
// of a ReplicaSet a container the others lack.
import { shareUnchanged } from './structuralSharing.js';
import type { Pod } from './types.js';

interface TemplateParts {
  readonly containers: Pod['spec']['containers'];
  readonly initContainers: Pod['spec']['initContainers'];
  readonly labels: Pod['metadata']['labels'];
  readonly ownerReferences: Pod['metadata']['ownerReferences'];
}

/** Owners remembered; past this many, the oldest is forgotten (a cluster's live ReplicaSets are far fewer). */
const MAX_OWNERS = 4_096;

/** The owner a pod's template came from: its controller, by uid (kind and name in its namespace when the uid is missing). */
function controllerKey(pod: Pod): string | undefined {
  const owners = pod.metadata.ownerReferences;
  if (!owners) return undefined;
  for (const owner of owners) {
    if (owner.controller !== true) continue;
    return owner.uid ?? `${pod.metadata.namespace ?? ''}/${owner.kind}/${owner.name}`;
  }
  return undefined;
}

/** `part`, or `known` when the two are deep-equal (`part`'s unchanged children adopt `known`'s either way). */
const shared = <T>(known: T, part: T): T => (part === undefined ? part : shareUnchanged(known, part));

export class PodTemplates {
  private readonly byOwner = new Map<string, TemplateParts>();

  constructor(private readonly maxOwners = MAX_OWNERS) {}

  /**
   * Swaps the template parts of `pod`, a pod seen for the first time, for
   * those of its owner's pods seen before wherever they are equal (in place:
   * the pod is new to the model, and reads exactly as before).
   */
  adopt(pod: Pod): void {
    const key = controllerKey(pod);
    if (key === undefined) return;
    const { spec, metadata } = pod;
    const known = this.byOwner.get(key);
    if (known) {
      spec.containers = shared(known.containers, spec.containers);
      spec.initContainers = shared(known.initContainers, spec.initContainers);
      metadata.labels = shared(known.labels, metadata.labels);
      metadata.ownerReferences = shared(known.ownerReferences, metadata.ownerReferences);
      return;
    }
    if (this.byOwner.size >= this.maxOwners) this.byOwner.delete(this.byOwner.keys().next().value!);
    this.byOwner.set(key, { containers: spec.containers, initContainers: spec.initContainers, labels: metadata.labels, ownerReferences: metadata.ownerReferences });
  }
}
