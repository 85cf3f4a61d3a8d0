// kubectl's READY, STATUS and RESTARTS columns for one pod, computed the way
// `kubectl get pods` does (printPod in kubernetes/pkg/printers/internalversion/
// printers.go). Users hold podtui against kubectl side by side, so every quirk
// is kept on purpose, including the ones that look like bugs: e.g. the init
// walk stops at the first pending init container, so later sidecars are
// neither counted ready nor have their restarts added.
import { timestampMs } from './timestamp.js';
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition } from './types.js';

export interface PodStatusColumns {
  /** Containers counted ready (app containers plus started sidecars). */
  readyContainers: number;
  /** App containers plus sidecars (restartable init containers). */
  totalContainers: number;
  /** kubectl's STATUS column. */
  status: string;
  /** kubectl's RESTARTS count. */
  restarts: number;
  /** Newest lastState.terminated.finishedAt among the containers counted (ms). */
  lastRestartAt?: number;
  /** The pod's Ready condition is True (not a kubectl column; read in the same pass for the list's colours). */
  podReady: boolean;
}

/** The node lifecycle controller's status.reason for a pod on a node that stopped reporting. */
const NODE_LOST = 'NodeLost';
/** Set on PodScheduled while spec.schedulingGates is not empty. */
const SCHEDULING_GATED = 'SchedulingGated';

/** A sidecar: an init container with restartPolicy Always (Kubernetes 1.28+). */
export function isSidecar(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

// What the columns need of the conditions, read in one pass (this runs for
// every pod update; three walks over five conditions showed in profiles).
const GATED = 1;
const INITIALIZED = 2;
const READY = 4;
const SEEN_INITIALIZED = 8;

function conditionFlags(conditions: readonly PodCondition[] | undefined): number {
  let flags = 0;
  if (!conditions) return flags;
  for (let i = 0; i < conditions.length; i++) {
    const condition = conditions[i]!;
    const { type } = condition;
    if (type === 'PodScheduled') {
      if (condition.reason === SCHEDULING_GATED) flags |= GATED;
    } else if (type === 'Initialized') {
      // As kubectl: the first Initialized condition (isPodInitializedConditionTrue),
      // but any Ready condition that is True (hasPodReadyCondition). The API
      // server never stores two of a type; hand-made objects might.
      if (!(flags & SEEN_INITIALIZED)) flags |= SEEN_INITIALIZED | (condition.status === 'True' ? INITIALIZED : 0);
    } else if (type === 'Ready') {
      if (condition.status === 'True') flags |= READY;
    }
  }
  return flags;
}

/** `Signal:9` / `ExitCode:2`, kubectl's words for a termination without a reason. */
function exitWithoutReason(terminated: NonNullable<ContainerState['terminated']>): string {
  return terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
}

/**
 * RESTARTS as kubectl adds it up: a count and the newest
 * lastState.terminated.finishedAt seen (kubectl's lastRestartDate). A plain
 * record, not a class: podRow runs for every pod update, so it stays cheap.
 */
interface RestartTally {
  count: number;
  lastAt: number | undefined;
}

function addRestarts(tally: RestartTally, status: ContainerStatus): void {
  tally.count += status.restartCount;
  const finishedAt = status.lastState?.terminated?.finishedAt;
  if (finishedAt === undefined) return;
  const at = timestampMs(finishedAt);
  if (at !== undefined) tally.lastAt = newest(tally.lastAt, at);
}

/** The spec of an init container status; the kubelet lists statuses in spec order, so try that index first. */
function initContainerSpec(pod: Pod, index: number, name: string): Container | undefined {
  const specs = pod.spec.initContainers;
  const atIndex = specs?.[index];
  return atIndex?.name === name ? atIndex : specs?.find((container) => container.name === name);
}

interface InitWalk {
  /** Set when an init container is still pending or failed. */
  status?: string;
  readySidecars: number;
  /** Every init container's restarts up to where the walk stopped. */
  all: RestartTally;
  /** Only the sidecars' restarts up to where the walk stopped. */
  sidecars: RestartTally;
}

/** The walk of a pod with no init container statuses (most pods): shared, never written. */
const NO_INIT_WALK: Readonly<InitWalk> = Object.freeze({
  readySidecars: 0,
  all: Object.freeze({ count: 0, lastAt: undefined }),
  sidecars: Object.freeze({ count: 0, lastAt: undefined }),
});

/** The init containers in order, stopping at the first one not done (kubectl's loop with `break`). */
function walkInitContainers(pod: Pod, statuses: readonly ContainerStatus[]): InitWalk {
  const declared = pod.spec.initContainers?.length ?? 0;
  const walk: InitWalk = {
    readySidecars: 0,
    all: { count: 0, lastAt: undefined },
    sidecars: { count: 0, lastAt: undefined },
  };

  for (let index = 0; index < statuses.length; index++) {
    const status = statuses[index]!;
    const sidecar = isSidecar(initContainerSpec(pod, index, status.name));
    addRestarts(walk.all, status);
    if (sidecar) addRestarts(walk.sidecars, status);

    const terminated = status.state?.terminated;
    const waiting = status.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && status.started === true) {
      if (status.ready) walk.readySidecars++;
      continue;
    }
    if (terminated) {
      walk.status = terminated.reason ? `Init:${terminated.reason}` : `Init:${exitWithoutReason(terminated)}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      walk.status = `Init:${waiting.reason}`;
    } else {
      walk.status = `Init:${index}/${declared}`;
    }
    break;
  }
  return walk;
}

/** The app containers' part of the columns; its tally is the app containers' restarts alone. */
interface AppWalk extends RestartTally {
  /** The reason of the first container (walking from last to first) that is waiting or terminated. */
  status?: string;
  readyContainers: number;
  hasRunning: boolean;
}

/** App containers from last to first; the first one listed wins, as in kubectl. */
function walkAppContainers(statuses: readonly ContainerStatus[]): AppWalk {
  const walk: AppWalk = { count: 0, lastAt: undefined, status: undefined, readyContainers: 0, hasRunning: false };
  for (let index = statuses.length - 1; index >= 0; index--) {
    const status = statuses[index]!;
    addRestarts(walk, status);
    const state = status.state;
    const waiting = state?.waiting;
    const terminated = state?.terminated;
    if (waiting?.reason) {
      walk.status = waiting.reason;
    } else if (terminated) {
      walk.status = terminated.reason ? terminated.reason : exitWithoutReason(terminated);
    } else if (status.ready && state?.running) {
      walk.hasRunning = true;
      walk.readyContainers++;
    }
  }
  return walk;
}

const NO_STATUSES: readonly ContainerStatus[] = Object.freeze([]);

/** READY, STATUS and RESTARTS exactly as `kubectl get pods` prints them. */
export function podStatusColumns(pod: Pod): PodStatusColumns {
  const { status: podStatus, spec } = pod;
  const phase = podStatus.phase ?? '';
  let status: string = podStatus.reason ? podStatus.reason : phase;
  const flags = conditionFlags(podStatus.conditions);
  if (flags & GATED) status = SCHEDULING_GATED;

  let totalContainers = spec.containers.length;
  const initSpecs = spec.initContainers;
  if (initSpecs) for (const container of initSpecs) if (isSidecar(container)) totalContainers++;

  // This runs on every pod update: a pod without init containers skips their walk and allocates nothing for it.
  const initStatuses = podStatus.initContainerStatuses;
  const init = initStatuses && initStatuses.length > 0 ? walkInitContainers(pod, initStatuses) : NO_INIT_WALK;
  if (init.status !== undefined) status = init.status;
  let readyContainers = init.readySidecars;
  let restarts = init.all.count;
  let lastRestartAt = init.all.lastAt;

  const initializing = init.status !== undefined;
  if (!initializing || flags & INITIALIZED) {
    // Once initialized, finished init containers' restarts no longer matter; sidecars' still do.
    const app = walkAppContainers(podStatus.containerStatuses ?? NO_STATUSES);
    restarts = init.sidecars.count + app.count;
    lastRestartAt = newest(init.sidecars.lastAt, app.lastAt);
    if (app.status !== undefined) status = app.status;
    readyContainers += app.readyContainers;
    if (status === 'Completed' && app.hasRunning) {
      status = flags & READY ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && podStatus.reason === NODE_LOST) {
    status = 'Unknown';
  } else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    status = 'Terminating';
  }

  return { readyContainers, totalContainers, status, restarts, lastRestartAt, podReady: (flags & READY) !== 0 };
}

/** The later of two moments, either possibly unknown. */
function newest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined || a >= b ? a : b;
}
