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

const META_KEYS = [
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'generateName',
] as const satisfies readonly (keyof ObjectMeta)[];

const SPEC_KEYS = [
  'nodeName',
  'restartPolicy',
  'terminationGracePeriodSeconds',
  'schedulerName',
  'serviceAccountName',
  'readinessGates',
] as const satisfies readonly (keyof PodSpec)[];

const CONTAINER_KEYS = [
  'name',
  'image',
  'command',
  'args',
  'ports',
  'resources',
  'restartPolicy',
  'startupProbe',
  'livenessProbe',
  'readinessProbe',
  'lifecycle',
] as const satisfies readonly (keyof Container)[];

const STATUS_KEYS = [
  'phase',
  'reason',
  'message',
  'hostIP',
  'hostIPs',
  'podIP',
  'podIPs',
  'startTime',
  'qosClass',
  'nominatedNodeName',
] as const satisfies readonly (keyof PodStatus)[];

const CONDITION_KEYS = [
  'type',
  'status',
  'reason',
  'message',
  'lastProbeTime',
  'lastTransitionTime',
] as const satisfies readonly (keyof PodCondition)[];

const CONTAINER_STATUS_KEYS = [
  'name',
  'image',
  'imageID',
  'containerID',
  'ready',
  'started',
  'restartCount',
  'state',
  'lastState',
] as const satisfies readonly (keyof ContainerStatus)[];

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

function pickEach(list: unknown, keys: readonly string[]): Json[] | undefined {
  return asArray(list)?.map((item) => pick(item, keys));
}

/** Sets `key` only when there is a value, so slimmed objects carry no `undefined` slots. */
function setIfPresent(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

export function slimMetadata(raw: unknown): ObjectMeta {
  const meta = pick(raw, META_KEYS);
  const annotations = asObject(meta.annotations);
  if (LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
    if (Object.keys(rest).length > 0) meta.annotations = rest;
    else delete meta.annotations;
  }
  if (typeof meta.name !== 'string') meta.name = '';
  return meta as unknown as ObjectMeta;
}

/** A pod as the model declares it: no managedFields, env, volumes, tolerations, affinity, … */
export function slimPod(raw: unknown): Pod {
  const source = asObject(raw);
  const rawSpec = asObject(source.spec);
  const rawStatus = asObject(source.status);
  const spec = pick(rawSpec, SPEC_KEYS);
  spec.containers = pickEach(rawSpec.containers, CONTAINER_KEYS) ?? [];
  setIfPresent(spec, 'initContainers', pickEach(rawSpec.initContainers, CONTAINER_KEYS));
  setIfPresent(spec, 'ephemeralContainers', pickEach(rawSpec.ephemeralContainers, CONTAINER_KEYS));
  const status = pick(rawStatus, STATUS_KEYS);
  setIfPresent(status, 'conditions', pickEach(rawStatus.conditions, CONDITION_KEYS));
  for (const key of ['initContainerStatuses', 'containerStatuses', 'ephemeralContainerStatuses'] as const) {
    setIfPresent(status, key, pickEach(rawStatus[key], CONTAINER_STATUS_KEYS));
  }
  const pod: Json = { metadata: slimMetadata(source.metadata), spec, status };
  setIfPresent(pod, 'apiVersion', source.apiVersion);
  setIfPresent(pod, 'kind', source.kind);
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
