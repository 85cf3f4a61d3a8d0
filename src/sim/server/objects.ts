// GET, POST and DELETE of single objects, with the API server's defaults and
// refusals. Every write goes through the store, which bumps the
// resourceVersion and tells the watchers; graceful pod deletion is handed to
// the emulator's kubelet (its PodTerminator), which removes the pod later.
import { randomInt } from 'node:crypto';
import { eventsV1ToCore } from '../../model/eventsV1.js';
import type { EventsV1Event, KubeEvent, Pod } from '../../model/types.js';
import type { Emulator } from '../emulator.js';
import { StoreError, type ObjectStore, type StoredObject } from '../store.js';
import { pods, type ResourceDef } from './resources.js';
import { alreadyExists, ApiError, badRequest, failure, invalid, notFound } from './status.js';

type Body = Record<string, unknown> & { metadata?: Record<string, unknown> };

// The alphabet apimachinery's generateName draws from: no vowels, no look-alikes.
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function generatedName(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += NAME_ALPHABET[randomInt(NAME_ALPHABET.length)];
  return prefix + suffix;
}

export function getObject(store: ObjectStore, def: ResourceDef, namespace: string | undefined, name: string): StoredObject {
  const object = store.get(def.storeKind, namespace, name);
  if (!object) throw notFound(def.resource, name, def.group || undefined);
  return object;
}

export function parseBody(text: string): Body {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badRequest(`the object provided is unrecognized (${(error as Error).message})`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the object provided is unrecognized: not a JSON object');
  return body as Body;
}

/** Checks the body's kind and namespace against the URL and settles its name (generateName). */
function admitMetadata(store: ObjectStore, def: ResourceDef, namespace: string, body: Body): { name: string; metadata: Record<string, unknown> } {
  if (body.kind !== undefined && body.kind !== def.kind) throw badRequest(`the object provided is unrecognized (must be of type ${def.kind})`);
  if (body.apiVersion !== undefined && body.apiVersion !== def.apiVersion) {
    throw badRequest(`the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${def.apiVersion})`);
  }
  const metadata = { ...(body.metadata ?? {}) };
  if (metadata.namespace !== undefined && metadata.namespace !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (!store.get('namespaces', undefined, namespace)) throw notFound('namespaces', namespace);
  let name = typeof metadata.name === 'string' ? metadata.name : '';
  if (name === '' && typeof metadata.generateName === 'string' && metadata.generateName !== '') {
    do name = generatedName(metadata.generateName);
    while (store.get(def.storeKind, namespace, name));
  }
  if (name === '') throw invalid(def.kind, '', [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }]);
  return { name, metadata: { ...metadata, name, namespace } };
}

function created(store: ObjectStore, def: ResourceDef, object: StoredObject): StoredObject {
  try {
    return store.create(def.storeKind, object);
  } catch (error) {
    if (error instanceof StoreError && error.code === 409) throw alreadyExists(def.resource, object.metadata.name);
    throw error;
  }
}

export function createPod(store: ObjectStore, namespace: string, body: Body): StoredObject {
  const { name, metadata } = admitMetadata(store, pods, namespace, body);
  const spec = { ...((body.spec as Pod['spec'] | undefined) ?? { containers: [] }) };
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    throw invalid('Pod', name, [{ field: 'spec.containers', message: 'Required value' }]);
  }
  // The defaults the API server fills in on every pod.
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  const status = { ...((body.status as Pod['status'] | undefined) ?? {}) };
  status.phase ??= 'Pending';
  // The store keeps objects without kind/apiVersion; each API version adds its own on the way out.
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = body;
  return created(store, pods, { ...rest, metadata, spec, status } as unknown as StoredObject);
}

export function createEvent(store: ObjectStore, def: ResourceDef, namespace: string, body: Body): StoredObject {
  const { metadata } = admitMetadata(store, def, namespace, body);
  const named = { ...body, metadata } as unknown;
  // Stored once, in core/v1 shape, whichever API it came through.
  const core: KubeEvent = def.group === 'events.k8s.io' ? eventsV1ToCore(named as EventsV1Event) : { ...(named as KubeEvent) };
  delete core.kind;
  delete core.apiVersion;
  if (!core.involvedObject || typeof core.involvedObject !== 'object') {
    throw invalid('Event', metadata.name as string, [{ field: def.group ? 'regarding' : 'involvedObject', message: 'Required value' }]);
  }
  return created(store, def, core as unknown as StoredObject);
}

/** gracePeriodSeconds from the query or a DeleteOptions body; undefined when neither says. */
export function requestedGracePeriod(query: URLSearchParams, body: Body | undefined): number | undefined {
  const raw = query.get('gracePeriodSeconds') ?? (body?.gracePeriodSeconds as number | string | undefined);
  if (raw === undefined || raw === null || raw === '') return undefined;
  const grace = Number(raw);
  if (!Number.isInteger(grace)) throw badRequest(`invalid gracePeriodSeconds: ${String(raw)}`);
  return Math.max(0, grace);
}

/**
 * DELETE of a pod (registry/core/pod strategy): a pod that never reached a
 * node, or already finished, goes at once; otherwise deletionTimestamp is set
 * to the moment the grace period ends and the kubelet takes over.
 */
export function deletePod(emulator: Emulator, namespace: string, name: string, requestedGrace: number | undefined): StoredObject {
  const { store, clock } = emulator;
  const pod = getObject(store, pods, namespace, name) as unknown as Pod;
  let grace = requestedGrace ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  if (!pod.spec.nodeName || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') grace = 0;
  if (pod.metadata.deletionTimestamp !== undefined) {
    // Already terminating: a shorter grace period may hurry it, a longer one changes nothing.
    const current = pod.metadata.deletionGracePeriodSeconds ?? 0;
    if (grace >= current && grace !== 0) return pod as unknown as StoredObject;
  }
  if (grace === 0) {
    const removed = store.remove('pods', namespace, name);
    if (!removed) throw notFound('pods', name);
    emulator.logs.forgetPod(namespace, name);
    return removed;
  }
  const updated = store.update<StoredObject>('pods', namespace, name, (copy) => {
    copy.metadata.deletionTimestamp = store.timestamp(clock.now() + grace * 1000);
    copy.metadata.deletionGracePeriodSeconds = grace;
  });
  emulator.terminator.podDeletionRequested(namespace, name, grace);
  return updated;
}

/** Turns a store refusal into the API server's Status. */
export function asApiError(error: unknown): unknown {
  if (error instanceof StoreError) return new ApiError(failure(error.code, error.reason, error.message));
  return error;
}
