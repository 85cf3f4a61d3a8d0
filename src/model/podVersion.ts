// Sharing a pod version with the one before it, using what the API server
// allows to change. A pod's spec is immutable except for a few fields
// (ValidatePodUpdate: containers' and init containers' images,
// activeDeadlineSeconds, additions to tolerations, terminationGracePeriodSeconds
// in one corner; and through subresources: nodeName by the binding,
// ephemeralContainers, container resources by an in-place resize, and
// schedulingGates removed). Comparing those fields decides whether the spec
// changed without walking all of it, which is most of a pod: this runs on
// every update of every pod.
import { sameResources, shareMetadata, shareStatus } from './statusVersion.js';
import { shareUnchanged } from './structuralSharing.js';
import type { Container, Pod, PodSpec } from './types.js';

type MutableSpec = PodSpec & { activeDeadlineSeconds?: number; tolerations?: unknown[]; schedulingGates?: unknown[] };

function sameContainers(before: readonly Container[] | undefined, after: readonly Container[] | undefined): boolean {
  if (before === after) return true;
  if (!before || !after || before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a.name !== b.name || a.image !== b.image) return false;
    if (a.resources !== b.resources && !sameResources(a.resources, b.resources)) return false;
  }
  return true;
}

/** True when `after` differs from `before` in no field the API server lets change. */
function sameSpec(before: MutableSpec, after: MutableSpec): boolean {
  return (
    before.nodeName === after.nodeName &&
    before.activeDeadlineSeconds === after.activeDeadlineSeconds &&
    before.terminationGracePeriodSeconds === after.terminationGracePeriodSeconds &&
    sameContainers(before.containers, after.containers) &&
    sameContainers(before.initContainers, after.initContainers) &&
    shareUnchanged(before.ephemeralContainers, after.ephemeralContainers) === before.ephemeralContainers &&
    shareUnchanged(before.tolerations, after.tolerations) === before.tolerations &&
    shareUnchanged(before.schedulingGates, after.schedulingGates) === before.schedulingGates
  );
}

/**
 * `next`, sharing every unchanged part with `previous` (see structuralSharing);
 * `previous` itself when nothing differs. The spec is compared on its
 * mutable fields only. `next` is adopted as structuralSharing says: an
 * unchanged spec, metadata or status is swapped in place for `previous`'s, so
 * whoever else holds `next` (the watch cache) shares them too.
 */
export function sharePodVersion(previous: Pod | undefined, next: Pod): Pod {
  if (!previous || previous === next) return next;
  const spec = sameSpec(previous.spec as MutableSpec, next.spec as MutableSpec) ? previous.spec : shareUnchanged(previous.spec, next.spec);
  const metadata = shareMetadata(previous.metadata, next.metadata);
  const status = shareStatus(previous.status, next.status);
  if (spec !== next.spec) next.spec = spec;
  if (metadata !== next.metadata) next.metadata = metadata;
  if (status !== next.status) next.status = status;
  if (spec === previous.spec && metadata === previous.metadata && status === previous.status && next.apiVersion === previous.apiVersion && next.kind === previous.kind) {
    return previous;
  }
  return next;
}
