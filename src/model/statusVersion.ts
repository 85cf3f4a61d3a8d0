// Sharing a pod's status and metadata with the version before, field by field.
// They are what changes in almost every update, so they are compared on every
// update of every pod: the generic walk of structuralSharing visits each key
// through `for…in` and costs ~4 µs for a one-container status, a third of the
// model's budget per update. Their shape is known (types.ts; src/kube/slim.ts
// keeps exactly these fields), so plain comparisons do the same in a fraction.
//
// The rules are structuralSharing's: `next` is adopted, its unchanged parts
// are swapped in place for `previous`'s, and an unchanged whole returns
// `previous`.
import type { ContainerState, ContainerStatus, ObjectMeta, PodCondition, PodStatus, ResourceRequirements } from './types.js';

type StringMap = Record<string, string>;

function sameMap(before: StringMap | undefined, after: StringMap | undefined): boolean {
  if (before === after) return true;
  if (!before || !after) return false;
  let keys = 0;
  for (const key in after) {
    if (before[key] !== after[key]) return false;
    keys++;
  }
  for (const _key in before) if (--keys < 0) return false;
  return true;
}

/** Requests and limits alike (an in-place resize changes them). */
export function sameResources(before: ResourceRequirements | undefined, after: ResourceRequirements | undefined): boolean {
  if (before === after) return true;
  if (!before || !after) return false;
  return sameMap(before.requests, after.requests) && sameMap(before.limits, after.limits);
}

type OwnerReference = NonNullable<ObjectMeta['ownerReferences']>[number];
const sameIP = (a: { ip: string }, b: { ip: string }) => a.ip === b.ip;
const sameOwner = (a: OwnerReference, b: OwnerReference) => a.uid === b.uid && a.name === b.name && a.kind === b.kind && a.controller === b.controller;

/** `before` when both lists hold the same items, else `after` (short lists that change whole: pod IPs, owners). */
function shareList<T>(before: T[] | undefined, after: T[] | undefined, same: (a: T, b: T) => boolean): T[] | undefined {
  if (before === after || !before || !after || before.length !== after.length) return after;
  for (let i = 0; i < after.length; i++) if (!same(before[i]!, after[i]!)) return after;
  return before;
}

/** Runs over the entries of `after`, swapping each equal one for `before`'s at the same index; true when all were. */
function shareEntries<T>(before: T[], after: T[], share: (old: T, item: T) => T): boolean {
  let same = before.length === after.length;
  for (let i = 0; i < after.length; i++) {
    const old = before[i];
    const item = after[i]!;
    if (old === undefined) {
      same = false;
      continue;
    }
    const value = share(old, item);
    if (value === old) after[i] = old;
    else same = false;
  }
  return same;
}

// ---------------------------------------------------------------- conditions

function shareCondition(before: PodCondition, after: PodCondition): PodCondition {
  if (
    before.type === after.type &&
    before.status === after.status &&
    before.reason === after.reason &&
    before.message === after.message &&
    before.lastProbeTime === after.lastProbeTime &&
    before.lastTransitionTime === after.lastTransitionTime
  ) {
    return before;
  }
  return after;
}

function shareConditions(before: PodCondition[] | undefined, after: PodCondition[] | undefined): PodCondition[] | undefined {
  if (before === after || !before || !after) return after;
  return shareEntries(before, after, shareCondition) ? before : after;
}

// ---------------------------------------------------------------- containers

function shareState(before: ContainerState | undefined, after: ContainerState | undefined): ContainerState | undefined {
  if (before === after || !before || !after) return after;
  let same = true;
  const { waiting, running, terminated } = after;
  if (waiting) {
    const old = before.waiting;
    if (old && old.reason === waiting.reason && old.message === waiting.message) after.waiting = old;
    else same = false;
  } else if (before.waiting) same = false;
  if (running) {
    const old = before.running;
    if (old && old.startedAt === running.startedAt) after.running = old;
    else same = false;
  } else if (before.running) same = false;
  if (terminated) {
    const old = before.terminated;
    if (
      old &&
      old.exitCode === terminated.exitCode &&
      old.signal === terminated.signal &&
      old.reason === terminated.reason &&
      old.message === terminated.message &&
      old.startedAt === terminated.startedAt &&
      old.finishedAt === terminated.finishedAt &&
      old.containerID === terminated.containerID
    ) {
      after.terminated = old;
    } else same = false;
  } else if (before.terminated) same = false;
  return same ? before : after;
}

function shareContainerStatus(before: ContainerStatus, after: ContainerStatus): ContainerStatus {
  const state = shareState(before.state, after.state);
  const lastState = shareState(before.lastState, after.lastState);
  if (state !== after.state) after.state = state;
  if (lastState !== after.lastState) after.lastState = lastState;
  let same =
    state === before.state &&
    lastState === before.lastState &&
    before.ready === after.ready &&
    before.started === after.started &&
    before.restartCount === after.restartCount;
  // Each string is compared once (the long ones, imageID and containerID, cost the most): an
  // equal one becomes the previous version's copy, which is what a changed status that is kept
  // needs, and harmless to one that is not. (Written out, not structuralSharing's
  // takeEqualString: its keyed reads over three kinds of object read slower in every paired
  // run on this per-update path.)
  if (before.name === after.name) after.name = before.name;
  else same = false;
  if (before.image === after.image) {
    if (before.image !== undefined) after.image = before.image;
  } else same = false;
  if (before.imageID === after.imageID) {
    if (before.imageID !== undefined) after.imageID = before.imageID;
  } else same = false;
  if (before.containerID === after.containerID) {
    if (before.containerID !== undefined) after.containerID = before.containerID;
  } else same = false;
  return same ? before : after;
}

function shareContainerStatuses(before: ContainerStatus[] | undefined, after: ContainerStatus[] | undefined): ContainerStatus[] | undefined {
  if (before === after || !before || !after) return after;
  return shareEntries(before, after, shareContainerStatus) ? before : after;
}

// ---------------------------------------------------------------- the pod

/** `next` sharing every unchanged part with `previous`; `previous` itself when nothing differs. */
export function shareStatus(previous: PodStatus, next: PodStatus): PodStatus {
  if (previous === next) return previous;
  const conditions = shareConditions(previous.conditions, next.conditions);
  const init = shareContainerStatuses(previous.initContainerStatuses, next.initContainerStatuses);
  const app = shareContainerStatuses(previous.containerStatuses, next.containerStatuses);
  const ephemeral = shareContainerStatuses(previous.ephemeralContainerStatuses, next.ephemeralContainerStatuses);
  const hostIPs = shareList(previous.hostIPs, next.hostIPs, sameIP);
  const podIPs = shareList(previous.podIPs, next.podIPs, sameIP);
  if (conditions !== next.conditions) next.conditions = conditions;
  if (init !== next.initContainerStatuses) next.initContainerStatuses = init;
  if (app !== next.containerStatuses) next.containerStatuses = app;
  if (ephemeral !== next.ephemeralContainerStatuses) next.ephemeralContainerStatuses = ephemeral;
  if (hostIPs !== next.hostIPs) next.hostIPs = hostIPs;
  if (podIPs !== next.podIPs) next.podIPs = podIPs;
  if (
    conditions === previous.conditions &&
    init === previous.initContainerStatuses &&
    app === previous.containerStatuses &&
    ephemeral === previous.ephemeralContainerStatuses &&
    hostIPs === previous.hostIPs &&
    podIPs === previous.podIPs &&
    previous.phase === next.phase &&
    previous.reason === next.reason &&
    previous.message === next.message &&
    previous.hostIP === next.hostIP &&
    previous.podIP === next.podIP &&
    previous.startTime === next.startTime &&
    previous.qosClass === next.qosClass &&
    previous.nominatedNodeName === next.nominatedNodeName
  ) {
    return previous;
  }
  // A changed status is kept for time travel: its unchanged strings are the previous version's copies.
  if (previous.hostIP !== undefined && previous.hostIP === next.hostIP) next.hostIP = previous.hostIP;
  if (previous.podIP !== undefined && previous.podIP === next.podIP) next.podIP = previous.podIP;
  if (previous.startTime !== undefined && previous.startTime === next.startTime) next.startTime = previous.startTime;
  return next;
}

/** The same for metadata; resourceVersion changes with every version, so a new one is usually kept. */
export function shareMetadata(previous: ObjectMeta, next: ObjectMeta): ObjectMeta {
  if (previous === next) return previous;
  if (previous.labels !== next.labels && sameMap(previous.labels, next.labels)) next.labels = previous.labels;
  if (previous.annotations !== next.annotations && sameMap(previous.annotations, next.annotations)) next.annotations = previous.annotations;
  const ownerReferences = shareList(previous.ownerReferences, next.ownerReferences, sameOwner);
  if (ownerReferences !== next.ownerReferences) next.ownerReferences = ownerReferences;
  if (
    previous.labels === next.labels &&
    previous.annotations === next.annotations &&
    ownerReferences === previous.ownerReferences &&
    previous.resourceVersion === next.resourceVersion &&
    previous.name === next.name &&
    previous.namespace === next.namespace &&
    previous.uid === next.uid &&
    previous.creationTimestamp === next.creationTimestamp &&
    previous.deletionTimestamp === next.deletionTimestamp &&
    previous.deletionGracePeriodSeconds === next.deletionGracePeriodSeconds &&
    previous.generateName === next.generateName
  ) {
    return previous;
  }
  // Every version keeps a new metadata (its resourceVersion): the strings that did not change are the previous one's.
  if (previous.name === next.name) next.name = previous.name;
  if (previous.namespace !== undefined && previous.namespace === next.namespace) next.namespace = previous.namespace;
  if (previous.uid !== undefined && previous.uid === next.uid) next.uid = previous.uid;
  if (previous.creationTimestamp !== undefined && previous.creationTimestamp === next.creationTimestamp) next.creationTimestamp = previous.creationTimestamp;
  if (previous.generateName !== undefined && previous.generateName === next.generateName) next.generateName = previous.generateName;
  return next;
}
