// Records what a scenario writes, through store.subscribe, as compact
// readable lines: one per pod write and one per Event write, with the time
// since the start. Tests compare these lines with the sequence a real
// cluster produces.
import type { ContainerState, ContainerStatus, KubeEvent, Pod, PodCondition } from '../../../src/model/types.js';
import type { Emulator } from '../../../src/sim/emulator.js';
import type { Change } from '../../../src/sim/store.js';

const SHORT: Record<string, string> = {
  PodScheduled: 'Sched',
  PodReadyToStartContainers: 'Sandbox',
  Initialized: 'Init',
  ContainersReady: 'CReady',
  Ready: 'Ready',
  DisruptionTarget: 'Disruption',
};

function condition(c: PodCondition): string {
  const status = c.status === 'True' ? 'T' : c.status === 'False' ? 'F' : 'U';
  return `${SHORT[c.type] ?? c.type}=${status}${c.status !== 'True' && c.reason ? `(${c.reason})` : ''}`;
}

function state(s: ContainerState | undefined): string {
  if (!s) return '-';
  if (s.waiting) {
    // The kubelet's back-off message carries the wait: "back-off 40s restarting failed container=…".
    const backoff = s.waiting.message?.match(/^back-off \S+/)?.[0];
    return `waiting:${s.waiting.reason ?? ''}${backoff ? `(${backoff})` : ''}`;
  }
  if (s.running) return 'running';
  if (s.terminated) return `terminated:${s.terminated.reason ?? ''}(${s.terminated.exitCode})`;
  return '-';
}

function container(cs: ContainerStatus): string {
  const last = cs.lastState?.terminated ? ` last=${state(cs.lastState)}` : '';
  return `${cs.name}=${state(cs.state)}${last} r=${cs.restartCount}${cs.ready ? ' ready' : ''}`;
}

/** `Running | Sched=T Sandbox=T … | app=running r=0 ready` */
export function podLine(pod: Pod): string {
  const phase = pod.status.phase ?? '-';
  const reason = pod.status.reason ? `/${pod.status.reason}` : '';
  const deleting = pod.metadata.deletionTimestamp ? ' deleting' : '';
  const conditions = (pod.status.conditions ?? []).map(condition).join(' ');
  const containers = [...(pod.status.initContainerStatuses ?? []).map((c) => `init:${container(c)}`), ...(pod.status.containerStatuses ?? []).map(container)];
  return `${phase}${reason}${deleting} | ${conditions} | ${containers.join(', ')}`.trimEnd();
}

export function eventLine(event: KubeEvent): string {
  const field = event.involvedObject.fieldPath?.match(/\{(.+)\}/)?.[1];
  const count = event.series ? ` x${event.series.count}` : (event.count ?? 1) > 1 ? ` x${event.count}` : '';
  return `${event.type} ${event.reason}${field ? ` [${field}]` : ''}: ${event.message}${count}`;
}

export interface Recorded {
  /**
   * Pod writes and Events of the pods whose name starts with `prefix`, in
   * write order: `  12s #1 Running | … ` and `  12s #1 Warning BackOff [app]: … x3`.
   * Pods are numbered in order of appearance; their names and UIDs in
   * messages read POD and UID.
   */
  story(prefix: string): string[];
  /** The same, pod writes only. */
  pods(prefix: string): string[];
  stop(): void;
}

interface Line {
  kind: 'pod' | 'event';
  name: string;
  at: number;
  text: string;
}

/** Starts recording; times are whole seconds since `start`. */
export function record(emulator: Emulator, start = emulator.clock.now()): Recorded {
  const all: Line[] = [];
  const unsubscribe = emulator.store.subscribe((change: Change) => {
    const at = Math.round((emulator.clock.now() - start) / 1000);
    if (change.kind === 'pods') {
      const pod = change.object as unknown as Pod;
      const text = change.type === 'DELETED' ? 'DELETED' : `${change.type === 'ADDED' ? 'ADDED ' : ''}${podLine(pod)}`;
      all.push({ kind: 'pod', name: pod.metadata.name, at, text });
    } else if (change.kind === 'events') {
      const event = change.object as unknown as KubeEvent;
      if (event.involvedObject.kind !== 'Pod') return;
      const name = event.involvedObject.name ?? '';
      const text = eventLine(event).replaceAll(name, 'POD').replaceAll(event.involvedObject.uid ?? '~', 'UID');
      all.push({ kind: 'event', name, at, text });
    }
  });
  const select = (prefix: string, kinds: readonly string[]) => {
    const numbers = new Map<string, number>();
    return all
      .filter((l) => l.name.startsWith(prefix) && kinds.includes(l.kind))
      .map((l) => {
        if (!numbers.has(l.name)) numbers.set(l.name, numbers.size + 1);
        return `${String(l.at).padStart(4)}s #${numbers.get(l.name)} ${l.text}`;
      });
  };
  return {
    story: (prefix) => select(prefix, ['pod', 'event']),
    pods: (prefix) => select(prefix, ['pod']),
    stop: unsubscribe,
  };
}
