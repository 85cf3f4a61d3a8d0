// default-scheduler: binds a pod to a node that fits (spec.nodeName and
// PodScheduled True, one write, as the binding subresource does), or marks it
// Unschedulable and keeps retrying. Its Events are events.k8s.io/v1 ones
// (action Binding / Scheduling), with a growing series on FailedScheduling.
import type { Pod } from '../../model/types.js';
import type { ObjectStore, StoredObject } from '../store.js';
import type { Node, Nodes } from './cluster.js';
import type { EventRecorder } from './recorder.js';
import { Timers } from './timers.js';

export const SCHEDULER = { controller: 'default-scheduler', instance: 'default-scheduler-control-plane-1' };

/**
 * How often an unschedulable pod is tried again. The real queue retries on
 * cluster events (a pod deleted, a node added) and at the latest every 5
 * minutes; in a cluster with churn that is about once a minute.
 */
export const UNSCHEDULABLE_RETRY_MS = 60_000;

/** Millicores a pod asks for: "250m" → 250, "2" → 2000. */
export function milliCpu(pod: Pod): number {
  let total = 0;
  for (const container of pod.spec.containers) {
    const cpu = container.resources?.requests?.cpu;
    if (cpu === undefined) continue;
    total += cpu.endsWith('m') ? Number(cpu.slice(0, -1)) : Number(cpu) * 1000;
  }
  return total;
}

/** The taint that keeps pods off a node, as the TaintToleration filter names it. */
function untoleratedTaint(node: Node): string | undefined {
  if (node.lost) return '{node.kubernetes.io/unreachable: }';
  if (node.reserved) return '{chaos.podtui.dev/reserved: }';
  return undefined;
}

/**
 * The fit error the scheduler writes when no node fits a pod asking for more
 * CPU than any node has, with its preemption postscript; reasons are counted
 * per node and sorted as FitError.Error() sorts them.
 */
export function fitError(nodes: readonly Node[]): string {
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  const add = (map: Map<string, number>, reason: string) => map.set(reason, (map.get(reason) ?? 0) + 1);
  for (const node of nodes) {
    const taint = untoleratedTaint(node);
    if (taint) {
      add(reasons, `node(s) had untolerated taint ${taint}`);
      add(preemption, 'Preemption is not helpful for scheduling');
    } else {
      add(reasons, 'Insufficient cpu');
      add(preemption, 'No preemption victims found for incoming pod');
    }
  }
  const histogram = (map: Map<string, number>) => [...map].map(([reason, count]) => `${count} ${reason}`).sort().join(', ');
  const n = nodes.length;
  return `0/${n} nodes are available: ${histogram(reasons)}. preemption: 0/${n} nodes are available: ${histogram(preemption)}.`;
}

export class Scheduler {
  private readonly timers: Timers;
  private readonly waiting = new Map<string, () => void>();
  private turn = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly nodes: Nodes,
    private readonly recorder: EventRecorder,
    clock: ObjectStore['clock'],
  ) {
    this.timers = new Timers(clock);
  }

  /** Schedules a pod that is already in the store; `onBound` runs once it is bound. */
  schedule(pod: Pod, placement: string | undefined, onBound: (node: Node) => void): void {
    const namespace = pod.metadata.namespace ?? 'default';
    const name = pod.metadata.name;
    const key = `${namespace}/${name}`;
    const attempt = () => {
      if (!this.store.get('pods', namespace, name)) {
        this.waiting.delete(key);
        return;
      }
      const node = this.pick(pod, placement);
      if (node) {
        this.waiting.delete(key);
        this.bind(pod, node);
        onBound(node);
        return;
      }
      this.unschedulable(pod);
      this.timers.after(UNSCHEDULABLE_RETRY_MS, attempt);
    };
    this.waiting.set(key, attempt);
    this.timers.after(0, attempt);
  }

  /** True while the pod has no node (a DELETE of such a pod needs no kubelet). */
  isWaiting(namespace: string, name: string): boolean {
    return this.waiting.has(`${namespace}/${name}`);
  }

  forget(namespace: string, name: string): void {
    this.waiting.delete(`${namespace}/${name}`);
  }

  stop(): void {
    this.timers.stop();
  }

  private pick(pod: Pod, placement: string | undefined): Node | undefined {
    if (placement !== undefined) {
      const node = this.nodes.get(placement);
      return node && !node.lost ? node : undefined;
    }
    const wants = milliCpu(pod);
    const fitting = this.nodes.schedulable.filter((n) => n.allocatableMilliCpu >= wants);
    if (fitting.length === 0) return undefined;
    // Spread like the default scoring does across equally loaded nodes.
    return fitting[this.turn++ % fitting.length];
  }

  private bind(pod: Pod, node: Node): void {
    const namespace = pod.metadata.namespace ?? 'default';
    const now = this.store.timestamp();
    this.store.update<StoredObject & Pod>('pods', namespace, pod.metadata.name, (p) => {
      p.spec.nodeName = node.name;
      const others = (p.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      p.status.conditions = [...others, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }];
    });
    this.recorder.recordSeries(
      { namespace, name: pod.metadata.name, uid: pod.metadata.uid ?? '' },
      SCHEDULER,
      'Binding',
      'Normal',
      'Scheduled',
      `Successfully assigned ${namespace}/${pod.metadata.name} to ${node.name}`,
    );
  }

  private unschedulable(pod: Pod): void {
    const namespace = pod.metadata.namespace ?? 'default';
    const message = fitError(this.nodes.all);
    const stored = this.store.get('pods', namespace, pod.metadata.name) as (StoredObject & Pod) | undefined;
    const current = stored?.status.conditions?.find((c) => c.type === 'PodScheduled');
    if (current?.status !== 'False' || current.message !== message) {
      const now = this.store.timestamp();
      this.store.update<StoredObject & Pod>('pods', namespace, pod.metadata.name, (p) => {
        const others = (p.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
        p.status.conditions = [
          ...others,
          { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: now },
        ];
      });
    }
    this.recorder.recordSeries(
      { namespace, name: pod.metadata.name, uid: pod.metadata.uid ?? '' },
      SCHEDULER,
      'Scheduling',
      'Warning',
      'FailedScheduling',
      message,
    );
  }
}
