// Objects are cut down to what src/model/types.ts declares the moment they
// arrive. A real pod carries managedFields, the last-applied annotation, env,
// volumes, tolerations, affinity… often several KB that podtui never draws;
// keeping them would multiply the model's memory by the history it keeps per
// pod. Every string kept is sanitized here too, so nothing downstream sees an
// escape sequence.
import type {
  Container,
  ContainerStatus,
  EventsV1Event,
  KubeEvent,
  Namespace,
  ObjectMeta,
  Pod,
  PodCondition,
  PodSpec,
  PodStatus,
} from '../model/types.js';
import { sanitizeInPlace } from './sanitize.js';

type Json = Record<string, unknown>;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const EVENT_KEYS = [
  'apiVersion',
  'kind',
  'involvedObject',
  'reason',
  'message',
  'type',
  'source',
  'firstTimestamp',
  'lastTimestamp',
  'eventTime',
  'count',
  'series',
  'reportingComponent',
  'reportingInstance',
  'action',
] as const satisfies readonly (keyof KubeEvent)[];

const EVENT_V1_KEYS = [
  'apiVersion',
  'kind',
  'regarding',
  'reason',
  'note',
  'type',
  'action',
  'eventTime',
  'series',
  'reportingController',
  'reportingInstance',
  'deprecatedSource',
  'deprecatedFirstTimestamp',
  'deprecatedLastTimestamp',
  'deprecatedCount',
] as const satisfies readonly (keyof EventsV1Event)[];

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Copies only `keys` that are present; values are not copied deeper (they are the parsed JSON's, ours to clean in place). */
function pick(source: unknown, keys: readonly string[]): Json {
  const from = asObject(source);
  const out: Json = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}


// A pod's objects are written out as literals of every declared field
// (absent ones undefined) rather than picked key by key into `{}`: V8 keeps
// an object literal's fields inside the object, while a `{}` that grows past
// four properties gets a second, separate property array. Tens of thousands of
// these objects are kept (every pod version the history holds), so that was
// one more object each and one more memory access for every field read.

function slimMetadataFields(source: Json): Json {
  return {
    name: typeof source.name === 'string' ? source.name : '',
    namespace: source.namespace,
    uid: source.uid,
    resourceVersion: source.resourceVersion,
    creationTimestamp: source.creationTimestamp,
    deletionTimestamp: source.deletionTimestamp,
    deletionGracePeriodSeconds: source.deletionGracePeriodSeconds,
    labels: source.labels,
    annotations: withoutLastApplied(source.annotations),
    ownerReferences: source.ownerReferences,
    generateName: source.generateName,
  } satisfies Record<keyof ObjectMeta, unknown>;
}

/** The last-applied annotation is a copy of the whole manifest: never drawn, often KB. */
function withoutLastApplied(value: unknown): unknown {
  const annotations = asObject(value);
  if (!(LAST_APPLIED in annotations)) return value;
  const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

export function slimMetadata(raw: unknown): ObjectMeta {
  return slimMetadataFields(asObject(raw)) as unknown as ObjectMeta;
}

function slimContainer(raw: unknown): Json {
  const c = asObject(raw);
  return {
    name: c.name,
    image: c.image,
    command: c.command,
    args: c.args,
    ports: c.ports,
    resources: c.resources,
    restartPolicy: c.restartPolicy,
    startupProbe: c.startupProbe,
    livenessProbe: c.livenessProbe,
    readinessProbe: c.readinessProbe,
    lifecycle: c.lifecycle,
  } satisfies Record<keyof Container, unknown>;
}

function slimCondition(raw: unknown): Json {
  const c = asObject(raw);
  return {
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastProbeTime: c.lastProbeTime,
    lastTransitionTime: c.lastTransitionTime,
  } satisfies Record<keyof PodCondition, unknown>;
}

function slimContainerStatus(raw: unknown): Json {
  const c = asObject(raw);
  return {
    name: c.name,
    image: c.image,
    imageID: c.imageID,
    containerID: c.containerID,
    ready: c.ready,
    started: c.started,
    restartCount: c.restartCount,
    state: c.state,
    lastState: c.lastState,
  } satisfies Record<keyof ContainerStatus, unknown>;
}

const each = (list: unknown, slim: (item: unknown) => Json): Json[] | undefined => asArray(list)?.map(slim);

/** A pod as the model declares it: no managedFields, env, volumes, tolerations, affinity, … */
export function slimPod(raw: unknown): Pod {
  const source = asObject(raw);
  const spec = asObject(source.spec);
  const status = asObject(source.status);
  const pod = {
    apiVersion: source.apiVersion,
    kind: source.kind,
    metadata: slimMetadataFields(asObject(source.metadata)),
    spec: {
      nodeName: spec.nodeName,
      restartPolicy: spec.restartPolicy,
      terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
      initContainers: each(spec.initContainers, slimContainer),
      containers: each(spec.containers, slimContainer) ?? [],
      ephemeralContainers: each(spec.ephemeralContainers, slimContainer),
      schedulerName: spec.schedulerName,
      serviceAccountName: spec.serviceAccountName,
      readinessGates: spec.readinessGates,
    } satisfies Record<keyof PodSpec, unknown>,
    status: {
      phase: status.phase,
      reason: status.reason,
      message: status.message,
      conditions: each(status.conditions, slimCondition),
      hostIP: status.hostIP,
      hostIPs: status.hostIPs,
      podIP: status.podIP,
      podIPs: status.podIPs,
      startTime: status.startTime,
      qosClass: status.qosClass,
      nominatedNodeName: status.nominatedNodeName,
      initContainerStatuses: each(status.initContainerStatuses, slimContainerStatus),
      containerStatuses: each(status.containerStatuses, slimContainerStatus),
      ephemeralContainerStatuses: each(status.ephemeralContainerStatuses, slimContainerStatus),
    } satisfies Record<keyof PodStatus, unknown>,
  } satisfies Record<keyof Pod, unknown>;
  return sanitizeInPlace(pod) as unknown as Pod;
}

export function slimEvent(raw: unknown): KubeEvent {
  const source = asObject(raw);
  const event = pick(source, EVENT_KEYS);
  event.metadata = slimMetadata(source.metadata);
  event.involvedObject = asObject(event.involvedObject);
  return sanitizeInPlace(event) as unknown as KubeEvent;
}

export function slimEventV1(raw: unknown): EventsV1Event {
  const source = asObject(raw);
  const event = pick(source, EVENT_V1_KEYS);
  event.metadata = slimMetadata(source.metadata);
  return sanitizeInPlace(event) as unknown as EventsV1Event;
}

export function slimNamespace(raw: unknown): Namespace {
  const source = asObject(raw);
  const namespace: Json = { metadata: slimMetadata(source.metadata) };
  const phase = asObject(source.status).phase;
  if (typeof phase === 'string') namespace.status = { phase };
  return sanitizeInPlace(namespace) as unknown as Namespace;
}
