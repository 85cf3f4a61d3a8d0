// What the pod worker keeps per container: its spec and scripted behaviour,
// the status entry it reports, its two back-offs (restart, image pull), and
// the instance that runs now.
import type { Container, ContainerStatus } from '../../model/types.js';
import type { Clock } from '../clock.js';
import type { ContainerBehavior, InstanceFate } from './behavior.js';
import { RestartBackOff } from './backoff.js';
import { Timers } from './timers.js';

export type ContainerKind = 'init' | 'sidecar' | 'app';
export type RuntimePhase = 'idle' | 'starting' | 'running' | 'stopping' | 'exited';

export interface ContainerRuntime {
  spec: Container;
  kind: ContainerKind;
  behavior: ContainerBehavior;
  /** The entry inside the worker's status arrays. */
  status: ContainerStatus;
  restartBackOff: RestartBackOff;
  pullBackOff: RestartBackOff;
  /** Timers of the running instance (probes, exit, log heartbeat), cancelled when it ends. */
  instance: Timers;
  phase: RuntimePhase;
  /** Instances started so far; the next one runs with restartCount = this. */
  instances: number;
  id?: string;
  startedAt?: number;
  finishedAt?: number;
  fate?: InstanceFate;
}

/** A container nobody scripted: starts and runs. */
const BEHAVES_WELL: ContainerBehavior = {
  instances: [{}],
  log: { startup: ['starting'], heartbeat: { everyMs: 5_000, line: (n) => `tick ${n}` } },
};

/**
 * Runtimes for a pod's init containers (sidecars are those with
 * restartPolicy Always) and app containers, in the kubelet's order. Before
 * anything ran every container waits; with init containers they all say
 * PodInitializing, else ContainerCreating.
 */
export function containerRuntimes(
  initContainers: readonly Container[],
  containers: readonly Container[],
  behaviors: Readonly<Record<string, ContainerBehavior>>,
  clock: Clock,
): ContainerRuntime[] {
  const waiting = initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const make = (spec: Container, kind: ContainerKind): ContainerRuntime => ({
    spec,
    kind,
    behavior: behaviors[spec.name] ?? BEHAVES_WELL,
    status: {
      name: spec.name,
      image: spec.image ?? '',
      imageID: '',
      lastState: {},
      ready: false,
      restartCount: 0,
      started: false,
      state: { waiting: { reason: waiting } },
    },
    restartBackOff: new RestartBackOff(),
    pullBackOff: new RestartBackOff(),
    instance: new Timers(clock),
    phase: 'idle',
    instances: 0,
  });
  return [
    ...initContainers.map((c) => make(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init')),
    ...containers.map((c) => make(c, 'app')),
  ];
}

/** `spec.containers{app}` or `spec.initContainers{init}`, as Events name a container. */
export function fieldPathOf(runtime: ContainerRuntime): string {
  return runtime.kind === 'app' ? `spec.containers{${runtime.spec.name}}` : `spec.initContainers{${runtime.spec.name}}`;
}
