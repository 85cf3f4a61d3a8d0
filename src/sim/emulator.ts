// The emulated cluster as one object: the store (API server + etcd), the
// clock, the container logs, and the kubelet that owns what happens to pods
// after the API accepted a request (graceful deletion above all).
import type { Clock } from './clock.js';
import { ContainerLogs } from './logs.js';
import { ObjectStore } from './store.js';

/** The part of a kubelet the API server calls into. */
export interface PodTerminator {
  /**
   * A DELETE of a pod was accepted with this grace period. The store already
   * holds `deletionTimestamp`; the terminator removes the object when done.
   */
  podDeletionRequested(namespace: string, name: string, gracePeriodSeconds: number): void;
}

/** Without a scenario that owns the pod: stop its containers, remove it when the grace period ends. */
export class DefaultTerminator implements PodTerminator {
  constructor(private readonly store: ObjectStore, private readonly clock: Clock) {}
  podDeletionRequested(namespace: string, name: string, gracePeriodSeconds: number): void {
    this.clock.setTimeout(() => this.store.remove('pods', namespace, name), gracePeriodSeconds * 1000);
  }
}

export interface Emulator {
  clock: Clock;
  store: ObjectStore;
  logs: ContainerLogs;
  terminator: PodTerminator;
}

export function createEmulator(clock: Clock, historyLimit?: number): Emulator {
  const store = new ObjectStore({ clock, ...(historyLimit ? { historyLimit } : {}) });
  return { clock, store, logs: new ContainerLogs(), terminator: new DefaultTerminator(store, clock) };
}
