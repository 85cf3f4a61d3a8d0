// Every container instance podtui has seen, not only the one `lastState` the
// API keeps. Each pod version podtui held for time travel shows the current
// instance (state) and the one before (lastState); together they give the
// whole run of instances: when each started and finished, how it ended, how
// long it ran, and (from the Events) what killed it.
import { attributeKills } from './hooks.js';
import type { ContainerState, ContainerStatus, Pod } from './types.js';
import type { ContainerInstance, ContainerKind, EventEntry, PodView } from './views.js';
import { timestampMs } from './timestamp.js';

const ms = timestampMs;

/** The pod versions a view holds, oldest first. */
function versions(view: PodView): Pod[] {
  const seen = new Set<Pod>();
  const out: Pod[] = [];
  const add = (pod: Pod | undefined) => {
    if (pod && !seen.has(pod)) {
      seen.add(pod);
      out.push(pod);
    }
  };
  add(view.baseline);
  for (const entry of view.timeline) if (entry.source === 'transition') add(entry.pod);
  add(view.pod);
  return out;
}

function statusesOf(pod: Pod): { kind: ContainerKind; status: ContainerStatus }[] {
  const sidecars = new Set((pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  return [
    ...(pod.status.initContainerStatuses ?? []).map((status) => ({ kind: (sidecars.has(status.name) ? 'sidecar' : 'init') as ContainerKind, status })),
    ...(pod.status.containerStatuses ?? []).map((status) => ({ kind: 'app' as const, status })),
    ...(pod.status.ephemeralContainerStatuses ?? []).map((status) => ({ kind: 'ephemeral' as const, status })),
  ];
}

interface Seen {
  instance: ContainerInstance;
  /** The restartCount was read while the instance was current (not inferred from a lastState). */
  certain: boolean;
}

function instanceOf(container: string, kind: ContainerKind, state: ContainerState, restartCount: number): ContainerInstance | undefined {
  const instance: ContainerInstance = { container, kind, restartCount };
  if (state.running) {
    const startedAt = ms(state.running.startedAt);
    if (startedAt !== undefined) instance.startedAt = startedAt;
    return instance;
  }
  const t = state.terminated;
  if (!t) return undefined;
  const startedAt = ms(t.startedAt);
  const finishedAt = ms(t.finishedAt);
  if (startedAt !== undefined) instance.startedAt = startedAt;
  if (finishedAt !== undefined) instance.finishedAt = finishedAt;
  instance.exitCode = t.exitCode;
  if (t.signal !== undefined) instance.signal = t.signal;
  if (t.reason !== undefined) instance.reason = t.reason;
  if (t.message !== undefined) instance.message = t.message;
  if (startedAt !== undefined && finishedAt !== undefined) instance.ranFor = finishedAt - startedAt;
  return instance;
}

/** One instance, however many versions showed it: keyed by when it started (or its exit, when the start is unknown). */
function identity(instance: ContainerInstance): string {
  const when = instance.startedAt ?? `end:${instance.finishedAt ?? `#${instance.restartCount}`}`;
  return `${instance.kind}/${instance.container}@${when}`;
}

function remember(byIdentity: Map<string, Seen>, instance: ContainerInstance, certain: boolean): void {
  const key = identity(instance);
  const known = byIdentity.get(key);
  if (!known) {
    byIdentity.set(key, { instance, certain });
    return;
  }
  // Later versions know more (the exit of an instance first seen running).
  const merged = { ...known.instance, ...instance };
  if (known.certain && !certain) merged.restartCount = known.instance.restartCount;
  byIdentity.set(key, { instance: merged, certain: known.certain || certain });
}

/** Every instance seen, per container in the pod's order, oldest first; kills attached as `killedBy`. */
export function restartHistory(view: PodView): ContainerInstance[] {
  const cached = cache.get(view);
  if (cached) return cached;
  const byIdentity = new Map<string, Seen>();
  for (const pod of versions(view)) {
    for (const { kind, status } of statusesOf(pod)) {
      const current = status.state ? instanceOf(status.name, kind, status.state, status.restartCount) : undefined;
      if (current) remember(byIdentity, current, true);
      // While the kubelet backs off (waiting) the restartCount is still the crashed instance's.
      const lastCount = status.state?.waiting ? status.restartCount : Math.max(0, status.restartCount - 1);
      const last = status.lastState ? instanceOf(status.name, kind, status.lastState, lastCount) : undefined;
      if (last) remember(byIdentity, last, false);
    }
  }
  const order = new Map<string, number>();
  for (const { kind, status } of statusesOf(view.pod)) order.set(`${kind}/${status.name}`, order.size);
  const instances = [...byIdentity.values()]
    .map((s) => s.instance)
    .sort(
      (a, b) =>
        (order.get(`${a.kind}/${a.container}`) ?? order.size) - (order.get(`${b.kind}/${b.container}`) ?? order.size) ||
        (a.startedAt ?? a.finishedAt ?? 0) - (b.startedAt ?? b.finishedAt ?? 0) ||
        a.restartCount - b.restartCount,
    );
  const result = attributeKills(instances, eventsOf(view));
  cache.set(view, result);
  return result;
}

const cache = new WeakMap<PodView, ContainerInstance[]>();

function eventsOf(view: PodView): EventEntry[] {
  const events: EventEntry[] = [];
  for (const entry of view.timeline) if (entry.source === 'event') events.push(entry.event);
  return events;
}
