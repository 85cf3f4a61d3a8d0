// Everything about one container that a user reads to understand a crash
// loop: what runs (image), what it is doing (state) and what it did last
// (lastState: exit code, signal, how long it ran), how the kubelet checks it
// (probes) and what runs around it (postStart/preStop hooks), what it may use
// (requests and limits), and what went wrong with each (Unhealthy and
// Failed*Hook events). Pure: a pod and its timeline in, plain records out.
import { failedHook, type HookKind } from './hooks.js';
import type { ContainerInstance, ContainerKind, EventEntry, ProbeFailures, ProbeKind, TimelineEntry } from './views.js';
import type { Container, ContainerState, ContainerStatus, LifecycleHandler, Pod, Probe } from './types.js';
import { describeHandler, describeProbeTiming } from './probeSpec.js';

export type StateKind = 'waiting' | 'running' | 'terminated';

/** One of a container's states (`state` or `lastState`), times in ms. */
export interface StateDetail {
  kind: StateKind;
  reason?: string;
  message?: string;
  exitCode?: number;
  /** `terminated.signal` as the runtime reported it (rarely set). */
  signal?: number;
  /** The signal an exit code above 128 stands for: 137 → "SIGKILL", 143 → "SIGTERM". */
  exitSignal?: string;
  startedAt?: number;
  finishedAt?: number;
  /** finishedAt - startedAt when both are known. */
  ranFor?: number;
}

/** Warning events about one probe or hook, summed over their repeats. */
export interface Failures {
  /** Occurrences, the events' `count`s added up (at a past step: those seen by then). */
  count: number;
  /** The event seen last: its message is the latest failure's. */
  latest: EventEntry;
  /** When the latest failure happened (ms). */
  lastAt: number;
}

export interface ProbeDetail {
  probe: ProbeKind;
  /** "http-get http://:8080/healthz" */
  handler: string;
  /** "delay=0s timeout=1s period=10s #success=1 #failure=3" */
  timing: string;
  failures?: Failures;
}

export interface HookDetail {
  hook: HookKind;
  handler: string;
  failures?: Failures;
}

export interface ResourceAmount {
  resource: string;
  quantity: string;
}

export interface ContainerStatusDetail {
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state?: StateDetail;
  lastState?: StateDetail;
}

export interface ContainerDetail {
  name: string;
  kind: ContainerKind;
  /** Every instance of this container podtui saw (restartHistory), oldest first. */
  instances: ContainerInstance[];
  /** The image the runtime reports, else the one the spec asks for. */
  image?: string;
  /** The content digest the runtime pulled for it, short: "sha256:3f1c0e8d9a7b" (a tag like :latest says nothing of what runs). */
  imageDigest?: string;
  /** Absent while the kubelet has not reported this container yet. */
  status?: ContainerStatusDetail;
  /** What it runs: command and args, a shell-like line ("sh -c 'echo hi'"); absent when the image's own entrypoint runs. */
  command?: string;
  /** Declared ports, kubectl's way plus the name a probe may use: "8080/TCP (http)". */
  ports: string[];
  probes: ProbeDetail[];
  hooks: HookDetail[];
  requests: ResourceAmount[];
  limits: ResourceAmount[];
}

/** Exit codes above 128 are 128 + the signal that ended the process. */
const signalNames: Readonly<Record<number, string>> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  13: 'SIGPIPE',
  15: 'SIGTERM',
};

/** The digest in a runtime's imageID, cut to 12 hex digits as `docker images` shows IDs. */
const DIGEST = /sha256:([0-9a-f]{12})[0-9a-f]*$/;

/** "docker.io/library/nginx@sha256:3f1c…", "docker-pullable://nginx@sha256:…" or a bare "sha256:…" → "sha256:3f1c0e8d9a7b". */
export function shortImageDigest(imageID: string | undefined): string | undefined {
  const match = imageID ? DIGEST.exec(imageID) : null;
  return match ? `sha256:${match[1]}` : undefined;
}

function millis(time: string | null | undefined): number | undefined {
  if (!time) return undefined;
  const at = Date.parse(time);
  return Number.isNaN(at) ? undefined : at;
}

export function stateDetail(state: ContainerState | undefined): StateDetail | undefined {
  if (state?.terminated) {
    const t = state.terminated;
    const startedAt = millis(t.startedAt);
    const finishedAt = millis(t.finishedAt);
    const signalNumber = t.signal ?? (t.exitCode > 128 ? t.exitCode - 128 : undefined);
    const exitSignal = signalNumber === undefined ? undefined : signalNames[signalNumber];
    return {
      kind: 'terminated',
      exitCode: t.exitCode,
      ...(t.reason ? { reason: t.reason } : {}),
      ...(t.message ? { message: t.message } : {}),
      ...(t.signal ? { signal: t.signal } : {}),
      ...(exitSignal ? { exitSignal } : {}),
      ...(startedAt !== undefined ? { startedAt } : {}),
      ...(finishedAt !== undefined ? { finishedAt } : {}),
      ...(startedAt !== undefined && finishedAt !== undefined ? { ranFor: finishedAt - startedAt } : {}),
    };
  }
  if (state?.running) {
    const startedAt = millis(state.running.startedAt);
    return { kind: 'running', ...(startedAt !== undefined ? { startedAt } : {}) };
  }
  if (state?.waiting) {
    const { reason, message } = state.waiting;
    return { kind: 'waiting', ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
  }
  return undefined;
}

function statusDetail(status: ContainerStatus): ContainerStatusDetail {
  const state = stateDetail(status.state);
  const lastState = stateDetail(status.lastState);
  return {
    ready: status.ready,
    ...(status.started !== undefined ? { started: status.started } : {}),
    restartCount: status.restartCount,
    ...(state ? { state } : {}),
    ...(lastState ? { lastState } : {}),
  };
}

/** The kubelet's Unhealthy messages start with "Liveness probe failed:" (or "... probe errored:"). */
const probeMessage = /^(Startup|Liveness|Readiness) probe (failed|errored)/;

/** Which probe an Unhealthy event is about, from the kubelet's message. */
export function unhealthyProbe(event: EventEntry): ProbeKind | undefined {
  if (event.reason !== 'Unhealthy') return undefined;
  const kind = probeMessage.exec(event.message)?.[1];
  return kind === undefined ? undefined : (kind.toLowerCase() as ProbeKind);
}

/**
 * An aggregated Event as it stood at `until`: how many of its occurrences
 * had happened, and the newest of them. podtui remembers when each repeat was
 * seen (`occurrences`); an Event first seen with a count already above one
 * counts those repeats as having happened at its first time.
 */
function asOf(event: EventEntry, until: number | undefined): { count: number; lastAt: number } | undefined {
  if (until === undefined || event.lastAt <= until) return { count: event.count, lastAt: event.lastAt };
  if (event.firstAt > until) return undefined;
  const seen = (event.occurrences ?? [event.firstAt]).filter((at) => at <= until);
  const unseen = Math.max(0, event.count - (event.occurrences?.length ?? 1));
  return { count: Math.max(1, seen.length + unseen), lastAt: Math.max(event.firstAt, ...seen) };
}

/** Sums the events (as of `until`); the latest is the one that happened last. */
function failuresOf(events: readonly EventEntry[], until: number | undefined): Failures | undefined {
  let result: Failures | undefined;
  for (const event of events) {
    const then = asOf(event, until);
    if (!then) continue;
    const newer = result === undefined || then.lastAt >= result.lastAt;
    result = {
      count: (result?.count ?? 0) + then.count,
      latest: newer || !result ? event : result.latest,
      lastAt: newer || !result ? then.lastAt : result.lastAt,
    };
  }
  return result;
}

const probeKinds: readonly { probe: ProbeKind; field: 'startupProbe' | 'livenessProbe' | 'readinessProbe' }[] = [
  { probe: 'startup', field: 'startupProbe' },
  { probe: 'liveness', field: 'livenessProbe' },
  { probe: 'readiness', field: 'readinessProbe' },
];

function probeDetails(container: Container, failures: readonly ProbeFailures[], until: number | undefined): ProbeDetail[] {
  const details: ProbeDetail[] = [];
  for (const { probe, field } of probeKinds) {
    const spec: Probe | undefined = container[field];
    if (!spec) continue;
    const events = failures.find((f) => f.container === container.name && f.probe === probe)?.failures ?? [];
    const summed = failuresOf(events, until);
    details.push({ probe, handler: describeHandler(spec), timing: describeProbeTiming(spec), ...(summed ? { failures: summed } : {}) });
  }
  return details;
}

function hookDetails(container: Container, events: readonly EventEntry[], until: number | undefined): HookDetail[] {
  const details: HookDetail[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const spec: LifecycleHandler | undefined = container.lifecycle?.[hook];
    if (!spec) continue;
    const failures = failuresOf(
      events.filter((event) => failedHook(event) === hook),
      until,
    );
    details.push({ hook, handler: describeHandler(spec), ...(failures ? { failures } : {}) });
  }
  return details;
}

/** Sorted by resource name, as kubectl describe lists them. */
function amounts(list: Record<string, string> | undefined): ResourceAmount[] {
  return Object.entries(list ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([resource, quantity]) => ({ resource, quantity }));
}

/** An instance as it was before it ended: started, not finished, not killed yet. */
function stillRunning(instance: ContainerInstance): ContainerInstance {
  const { container, kind, restartCount, startedAt } = instance;
  return { container, kind, restartCount, ...(startedAt !== undefined ? { startedAt } : {}) };
}

/** One argument as a shell would need it written: quoted when it holds spaces, quotes or nothing. */
function shellWord(word: string): string {
  return word === '' || /[\s'"\\$`]/.test(word) ? `'${word.replace(/'/g, `'\\''`)}'` : word;
}

/** command + args as one line; undefined when neither is set (the image's ENTRYPOINT and CMD run). */
export function commandLine(container: Pick<Container, 'command' | 'args'>): string | undefined {
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  return words.length === 0 ? undefined : words.map(shellWord).join(' ');
}

function portText(port: NonNullable<Container['ports']>[number]): string {
  return `${port.containerPort}/${port.protocol ?? 'TCP'}${port.name ? ` (${port.name})` : ''}`;
}

/** What podtui saw happen to the pod beyond its current object (from probes.ts and restartHistory.ts). */
export interface SeenHistory {
  /** probeFailures(view): the Unhealthy events per container and probe. */
  probeFailures?: readonly ProbeFailures[];
  /** restartHistory(view): every container instance seen. */
  instances?: readonly ContainerInstance[];
  /** When looking at a past step: only what had happened by then (ms) counts. */
  until?: number;
}

function detailOf(
  container: Container,
  kind: ContainerKind,
  status: ContainerStatus | undefined,
  events: readonly EventEntry[],
  history: SeenHistory,
): ContainerDetail {
  const image = status?.image || container.image;
  const imageDigest = shortImageDigest(status?.imageID);
  const { until } = history;
  const command = commandLine(container);
  return {
    name: container.name,
    kind,
    ...(command !== undefined ? { command } : {}),
    ports: (container.ports ?? []).map(portText),
    instances: (history.instances ?? [])
      .filter((i) => i.container === container.name && i.kind === kind && (until === undefined || (i.startedAt ?? i.finishedAt ?? 0) <= until))
      .map((i) => (until !== undefined && i.finishedAt !== undefined && i.finishedAt > until ? stillRunning(i) : i)),
    ...(image ? { image } : {}),
    ...(imageDigest ? { imageDigest } : {}),
    ...(status ? { status: statusDetail(status) } : {}),
    probes: probeDetails(container, history.probeFailures ?? [], until),
    hooks: hookDetails(container, events, until),
    requests: amounts(container.resources?.requests),
    limits: amounts(container.resources?.limits),
  };
}

/** The events of the timeline, grouped by the container their fieldPath names. */
function eventsByContainer(timeline: readonly TimelineEntry[]): Map<string, EventEntry[]> {
  const byContainer = new Map<string, EventEntry[]>();
  for (const entry of timeline) {
    if (entry.source !== 'event' || entry.event.container === undefined) continue;
    const list = byContainer.get(entry.event.container) ?? [];
    list.push(entry.event);
    byContainer.set(entry.event.container, list);
  }
  return byContainer;
}

/**
 * Every container of the pod in the order the kubelet starts them: init
 * containers (sidecars, `restartPolicy: Always`, marked as such), app
 * containers, then ephemeral (debug) containers; with the probe and hook
 * failures and the instances podtui saw.
 */
export function containerDetails(pod: Pod, timeline: readonly TimelineEntry[], history: SeenHistory = {}): ContainerDetail[] {
  const events = eventsByContainer(timeline);
  const groups: { specs: Container[] | undefined; statuses: ContainerStatus[] | undefined; kind: (c: Container) => ContainerKind }[] = [
    {
      specs: pod.spec.initContainers,
      statuses: pod.status.initContainerStatuses,
      kind: (c) => (c.restartPolicy === 'Always' ? 'sidecar' : 'init'),
    },
    { specs: pod.spec.containers, statuses: pod.status.containerStatuses, kind: () => 'app' },
    { specs: pod.spec.ephemeralContainers, statuses: pod.status.ephemeralContainerStatuses, kind: () => 'ephemeral' },
  ];
  return groups.flatMap(({ specs, statuses, kind }) =>
    (specs ?? []).map((container) =>
      detailOf(
        container,
        kind(container),
        statuses?.find((s) => s.name === container.name),
        events.get(container.name) ?? [],
        history,
      ),
    ),
  );
}
