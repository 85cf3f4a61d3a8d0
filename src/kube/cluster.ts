// The cluster as one ordered stream of observations for the model: pods, and
// the Events about pods from both event APIs, each kept true by its own
// Reflector, with objects slimmed and sanitized on entry.
import { eventsV1ToCore } from '../model/eventsV1.js';
import type { ConnectionState, Observation } from '../model/observations.js';
import type { KubeEvent, Pod } from '../model/types.js';
import type { BackoffOptions } from './backoff.js';
import { EventDeduper } from './eventDedupe.js';
import type { ClusterConfig } from './kubeconfig.js';
import { Reflector, type ReflectorSink, type ReflectorSpec, type ReflectorTuning } from './reflector.js';
import { slimEvent, slimEventV1, slimPod } from './slim.js';

export interface ConnectOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** The client's clock for `observedAt` and connection times. */
  now?: () => number;
  /** LIST page size (default 1,000). */
  pageSize?: number;
  /** Silence after which a watch is replaced; unset, 2.5× the bookmark interval the server shows (125 s until known). */
  idleMs?: number;
  minIdleMs?: number;
  watchTimeoutSeconds?: number;
  requestTimeoutMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
}

export interface ClusterConnection {
  start(onObservation: (o: Observation) => void): void;
  stop(): void;
}

/** Connection-state stream names, as the UI shows them. */
export const PODS_STREAM = 'pods';
export const CORE_EVENTS_STREAM = 'events';
export const EVENTS_V1_STREAM = 'events.k8s.io';

const collection = (prefix: string, resource: string) => (namespace: string | undefined) =>
  namespace === undefined ? `${prefix}/${resource}` : `${prefix}/namespaces/${encodeURIComponent(namespace)}/${resource}`;

/** Phases in which a stream delivers nothing. */
const isDown = (state: ConnectionState | undefined) =>
  state !== undefined && (state.phase === 'forbidden' || state.phase === 'unauthorized' || state.phase === 'error');

export function connectCluster(config: ClusterConfig, options: ConnectOptions = {}): ClusterConnection {
  const now = options.now ?? Date.now;
  const tuning: ReflectorTuning = {
    now,
    ...(options.pageSize !== undefined && { pageSize: options.pageSize }),
    ...(options.idleMs !== undefined && { idleMs: options.idleMs }),
    ...(options.minIdleMs !== undefined && { minIdleMs: options.minIdleMs }),
    ...(options.watchTimeoutSeconds !== undefined && { watchTimeoutSeconds: options.watchTimeoutSeconds }),
    ...(options.requestTimeoutMs !== undefined && { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.backoff !== undefined && { backoff: options.backoff }),
    ...(options.random !== undefined && { random: options.random }),
  };
  const scope = {
    namespace: config.allNamespaces ? undefined : config.namespace,
    fallbackNamespace: config.namespace,
  };
  const reflectors: { start(): void; stop(): void }[] = [];
  let started = false;
  let emit: ((o: Observation) => void) | undefined;

  const podSpec: ReflectorSpec<Pod> = {
    ...scope,
    stream: PODS_STREAM,
    resource: 'pods',
    group: '',
    path: collection('/api/v1', 'pods'),
    query: { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
    decode: slimPod,
  };
  const podSink: ReflectorSink<Pod> = {
    upsert: (pod) => emit?.({ kind: 'PodObserved', pod, observedAt: now() }),
    remove: (pod) => emit?.({ kind: 'PodDeleted', pod, observedAt: now() }),
    synced: () => emit?.({ kind: 'Synced', stream: PODS_STREAM, observedAt: now() }),
    connection: (connection) => emit?.({ kind: 'ConnectionChanged', connection, observedAt: now() }),
  };

  // Both event APIs serve the same stored objects; either alone is enough,
  // so when RBAC (or an old server) denies one we use the other and say so.
  const deduper = new EventDeduper();
  const eventStates = new Map<string, ConnectionState>();
  const shownEventStates = new Map<string, string>();
  const siblingLabel: Record<string, string> = {
    [CORE_EVENTS_STREAM]: 'events.k8s.io/v1',
    [EVENTS_V1_STREAM]: 'core/v1',
  };
  function showEventStates(): void {
    for (const [stream, state] of eventStates) {
      const sibling = stream === CORE_EVENTS_STREAM ? EVENTS_V1_STREAM : CORE_EVENTS_STREAM;
      const fallback = isDown(state) && !isDown(eventStates.get(sibling)) ? `using ${siblingLabel[stream]} events only` : undefined;
      const detail = [state.detail, fallback].filter(Boolean).join('; ') || undefined;
      const shown: ConnectionState = { ...state, ...(detail !== undefined && { detail }) };
      const fingerprint = JSON.stringify(shown);
      if (shownEventStates.get(stream) === fingerprint) continue;
      shownEventStates.set(stream, fingerprint);
      emit?.({ kind: 'ConnectionChanged', connection: shown, observedAt: now() });
    }
  }
  const eventSink = (stream: string): ReflectorSink<KubeEvent> => ({
    upsert: (event) => {
      if (deduper.admitUpdate(event)) emit?.({ kind: 'EventObserved', event, observedAt: now() });
    },
    remove: (event) => {
      if (deduper.admitDelete(event, now())) emit?.({ kind: 'EventDeleted', event, observedAt: now() });
    },
    synced: () => emit?.({ kind: 'Synced', stream, observedAt: now() }),
    connection: (connection) => {
      eventStates.set(stream, connection);
      showEventStates();
    },
  });
  const coreEventSpec: ReflectorSpec<KubeEvent> = {
    ...scope,
    stream: CORE_EVENTS_STREAM,
    resource: 'events',
    group: '',
    path: collection('/api/v1', 'events'),
    query: { fieldSelector: 'involvedObject.kind=Pod' },
    decode: slimEvent,
  };
  const eventsV1Spec: ReflectorSpec<KubeEvent> = {
    ...scope,
    stream: EVENTS_V1_STREAM,
    resource: 'events',
    group: 'events.k8s.io',
    path: collection('/apis/events.k8s.io/v1', 'events'),
    query: { fieldSelector: 'regarding.kind=Pod' },
    decode: (raw) => eventsV1ToCore(slimEventV1(raw)),
  };

  return {
    start(onObservation) {
      if (started) throw new Error('a ClusterConnection starts once; connect again for a new one');
      started = true;
      emit = onObservation;
      reflectors.push(
        new Reflector(config, podSpec, podSink, tuning),
        new Reflector(config, coreEventSpec, eventSink(CORE_EVENTS_STREAM), tuning),
        new Reflector(config, eventsV1Spec, eventSink(EVENTS_V1_STREAM), tuning),
      );
      for (const reflector of reflectors) reflector.start();
    },
    stop() {
      emit = undefined;
      for (const reflector of reflectors) reflector.stop();
    },
  };
}
