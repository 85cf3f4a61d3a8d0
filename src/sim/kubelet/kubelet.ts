// The emulator's node agents as one object: it owns a PodWorker per pod it
// runs, is the API server's PodTerminator (graceful deletion), and plays the
// control-plane parts that act on running pods: eviction and a node that
// stops reporting (node lifecycle and taint-eviction controllers).
import type { Pod } from '../../model/types.js';
import type { PodTerminator } from '../emulator.js';
import type { StoredObject } from '../store.js';
import type { ContainerBehavior } from './behavior.js';
import { PodWorker, type KubeletDeps } from './podWorker.js';
import { Scheduler } from './scheduler.js';
import { Timers } from './timers.js';

/** node-monitor-grace-period: how long a silent node is trusted. */
export const NODE_MONITOR_GRACE_MS = 40_000;
/** The default toleration of node.kubernetes.io/unreachable:NoExecute. */
export const UNREACHABLE_TOLERATION_MS = 300_000;

export interface RunOptions {
  /** Pin the pod to this node (the scheduler honours it, as with a nodeSelector plus toleration). */
  node?: string;
}

const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;

export class Kubelet implements PodTerminator {
  readonly scheduler: Scheduler;
  private readonly workers = new Map<string, PodWorker>();
  private readonly timers: Timers;
  /** True while run() writes its own pod, so the adoption listener leaves it alone. */
  private creating = false;
  private stopAdopting: (() => void) | undefined;

  constructor(
    readonly deps: KubeletDeps,
    /** Handles pods this kubelet does not run (load pods, pods created through the API). */
    private readonly fallback: PodTerminator,
  ) {
    this.scheduler = new Scheduler(deps.store, deps.nodes, deps.recorder, deps.clock);
    this.timers = new Timers(deps.clock);
  }

  /** Creates the pod and plays its life: scheduled, then run by its node's kubelet per `behaviors`. */
  run(pod: Pod, behaviors: Readonly<Record<string, ContainerBehavior>>, options: RunOptions = {}): void {
    this.creating = true;
    try {
      this.deps.store.create('pods', pod as unknown as StoredObject);
    } finally {
      this.creating = false;
    }
    this.play(pod, behaviors, options);
  }

  /**
   * From now on, pods someone else creates without a node (`kubectl run`, a
   * client's POST) are scheduled and run too, their containers starting and
   * running as unscripted containers do.
   */
  adoptNewPods(): void {
    this.stopAdopting ??= this.deps.store.subscribe((change) => {
      if (change.kind !== 'pods' || change.type !== 'ADDED' || this.creating) return;
      const { namespace = 'default', name, uid } = change.object.metadata;
      if ((change.object as unknown as Pod).spec.nodeName) return;
      // Never write from inside a store listener: the scheduler looks at it on the next tick.
      this.timers.after(0, () => {
        const pod = this.deps.store.get('pods', namespace, name) as unknown as Pod | undefined;
        if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName || this.workers.has(keyOf(namespace, name))) return;
        this.play(pod, {});
      });
    });
  }

  private play(pod: Pod, behaviors: Readonly<Record<string, ContainerBehavior>>, options: RunOptions = {}): void {
    const namespace = pod.metadata.namespace ?? 'default';
    this.scheduler.schedule(pod, options.node, (node) => {
      const worker = new PodWorker(this.deps, pod, behaviors, node, (gone) => {
        if (this.workers.get(keyOf(gone.namespace, gone.name)) === gone) this.workers.delete(keyOf(gone.namespace, gone.name));
      });
      this.workers.set(keyOf(namespace, pod.metadata.name), worker);
      worker.start();
    });
  }

  podDeletionRequested(namespace: string, name: string, gracePeriodSeconds: number): void {
    const worker = this.workers.get(keyOf(namespace, name));
    if (worker) {
      worker.deletionRequested(gracePeriodSeconds);
      return;
    }
    if (this.scheduler.isWaiting(namespace, name)) {
      // A pod no node has accepted needs no kubelet to stop it: it goes at once.
      this.scheduler.forget(namespace, name);
      this.deps.store.remove('pods', namespace, name);
      return;
    }
    this.fallback.podDeletionRequested(namespace, name, gracePeriodSeconds);
  }

  /** The eviction manager of the pod's node evicts it. */
  evict(namespace: string, name: string, message: string): void {
    this.workers.get(keyOf(namespace, name))?.evict(message);
  }

  /**
   * The node stops reporting. Its kubelet falls silent; after the monitor
   * grace period the node lifecycle controller marks its pods not Ready; after
   * the unreachable toleration the taint-eviction controller deletes them,
   * which no kubelet confirms, so they stay Terminating; when their grace
   * period has passed they are marked NodeLost (kubectl then says Unknown).
   */
  loseNode(nodeName: string): void {
    const node = this.deps.nodes.get(nodeName);
    if (!node || node.lost) return;
    node.lost = true;
    const stranded = [...this.workers.values()].filter((w) => w.node === node);
    for (const worker of stranded) worker.freeze();
    const { store, recorder } = this.deps;
    const onNode = () => stranded.filter((w) => store.get('pods', w.namespace, w.name)?.metadata.uid === w.uid);
    this.timers.after(NODE_MONITOR_GRACE_MS, () => {
      for (const w of onNode()) {
        const now = store.timestamp();
        store.update<StoredObject & Pod>('pods', w.namespace, w.name, (pod) => {
          for (const condition of pod.status.conditions ?? []) {
            if (condition.type !== 'Ready' || condition.status === 'False') continue;
            condition.status = 'False';
            condition.lastTransitionTime = now;
          }
        });
        recorder.record({ namespace: w.namespace, name: w.name, uid: w.uid }, { component: 'node-controller' }, 'Warning', 'NodeNotReady', 'Node is not ready');
      }
      this.timers.after(UNREACHABLE_TOLERATION_MS, () => {
        for (const w of onNode()) {
          const grace = 30;
          const now = this.deps.clock.now();
          store.update<StoredObject & Pod>('pods', w.namespace, w.name, (pod) => {
            pod.status.conditions = [
              {
                type: 'DisruptionTarget',
                status: 'True',
                reason: 'DeletionByTaintManager',
                message: 'Taint manager: deleting due to NoExecute taint',
                lastProbeTime: null,
                lastTransitionTime: store.timestamp(now),
              },
              ...(pod.status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
            ];
          });
          recorder.record(
            { namespace: w.namespace, name: w.name, uid: w.uid },
            { component: 'taint-eviction-controller' },
            'Normal',
            'TaintManagerEviction',
            `Marking for deletion Pod ${w.namespace}/${w.name}`,
          );
          markForDeletion(this.deps.store, w.namespace, w.name, grace, now);
          this.timers.after(grace * 1000, () => {
            if (store.get('pods', w.namespace, w.name)?.metadata.uid !== w.uid) return;
            store.update<StoredObject & Pod>('pods', w.namespace, w.name, (pod) => {
              pod.status.reason = 'NodeLost';
              pod.status.message = `Node ${nodeName} which was running pod ${w.name} is unresponsive`;
            });
          });
        }
      });
    });
  }

  /** Is this pod run by this kubelet (and still alive)? */
  runs(namespace: string, name: string): boolean {
    return this.workers.has(keyOf(namespace, name));
  }

  stop(): void {
    this.stopAdopting?.();
    this.timers.stop();
    this.scheduler.stop();
    for (const worker of this.workers.values()) worker.stop();
    this.workers.clear();
  }
}

/** What the API server does on DELETE before the kubelet acts: deletionTimestamp = now + grace. */
export function markForDeletion(store: KubeletDeps['store'], namespace: string, name: string, gracePeriodSeconds: number, now = store.clock.now()): void {
  store.update<StoredObject & Pod>('pods', namespace, name, (pod) => {
    pod.metadata.deletionTimestamp = store.timestamp(now + gracePeriodSeconds * 1000);
    pod.metadata.deletionGracePeriodSeconds = gracePeriodSeconds;
  });
}
