// The resources the emulated API server serves, each described once: where
// it lives in the store, how it looks on the wire, which fields it can be
// selected on, and what discovery says about it. Events are stored once in
// core/v1 shape and shown through events.k8s.io/v1 by conversion, as the
// real API server stores one Event for both groups.
import { coreToEventsV1 } from '../../model/eventsV1.js';
import type { KubeEvent } from '../../model/types.js';
import type { ResourceKind, StoredObject } from '../store.js';

export type FieldGetter = (object: StoredObject) => string;

export interface ResourceDef {
  /** Plural resource name in URLs: pods, events, namespaces. */
  resource: 'pods' | 'events' | 'namespaces';
  /** API group: '' for core. */
  group: '' | 'events.k8s.io';
  apiVersion: 'v1' | 'events.k8s.io/v1';
  kind: 'Pod' | 'Event' | 'Namespace';
  listKind: string;
  singularName: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  storeKind: ResourceKind;
  /** The stored object as this resource's version shows it, kind and apiVersion set. */
  toWire(object: StoredObject): Record<string, unknown>;
  /** Field selector labels this resource supports, read from the stored (core) shape. */
  fields: Readonly<Record<string, FieldGetter>>;
}

/** Reads a dotted path as a string; absent or non-scalar values read as "". */
function fieldAt(path: string): FieldGetter {
  const steps = path.split('.');
  return (object) => {
    let value: unknown = object;
    for (const step of steps) {
      if (value === null || typeof value !== 'object') return '';
      value = (value as Record<string, unknown>)[step];
    }
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  };
}

const metadataFields = {
  'metadata.name': fieldAt('metadata.name'),
  'metadata.namespace': fieldAt('metadata.namespace'),
};

/**
 * The stored object with its type set, kind and apiVersion first as the API
 * server writes them (the store keeps objects without, or with stale ones).
 */
const withKind = (kind: string, apiVersion: string) => (object: StoredObject) => {
  const wire: Record<string, unknown> = { kind, apiVersion, ...object };
  wire.kind = kind;
  wire.apiVersion = apiVersion;
  return wire;
};

const involvedObjectFields = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] as const;

export const pods: ResourceDef = {
  resource: 'pods',
  group: '',
  apiVersion: 'v1',
  kind: 'Pod',
  listKind: 'PodList',
  singularName: 'pod',
  shortNames: ['po'],
  namespaced: true,
  verbs: ['create', 'delete', 'get', 'list', 'watch'],
  storeKind: 'pods',
  toWire: withKind('Pod', 'v1'),
  fields: {
    ...metadataFields,
    'spec.nodeName': fieldAt('spec.nodeName'),
    'spec.restartPolicy': fieldAt('spec.restartPolicy'),
    'spec.schedulerName': fieldAt('spec.schedulerName'),
    'spec.serviceAccountName': fieldAt('spec.serviceAccountName'),
    'status.phase': fieldAt('status.phase'),
    'status.podIP': fieldAt('status.podIP'),
    'status.nominatedNodeName': fieldAt('status.nominatedNodeName'),
  },
};

export const coreEvents: ResourceDef = {
  resource: 'events',
  group: '',
  apiVersion: 'v1',
  kind: 'Event',
  listKind: 'EventList',
  singularName: 'event',
  shortNames: ['ev'],
  namespaced: true,
  verbs: ['create', 'get', 'list', 'watch'],
  storeKind: 'events',
  toWire: withKind('Event', 'v1'),
  fields: {
    ...metadataFields,
    ...Object.fromEntries(involvedObjectFields.map((f) => [`involvedObject.${f}`, fieldAt(`involvedObject.${f}`)])),
    reason: fieldAt('reason'),
    reportingComponent: fieldAt('reportingComponent'),
    source: fieldAt('source.component'),
    type: fieldAt('type'),
  },
};

export const eventsV1: ResourceDef = {
  ...coreEvents,
  group: 'events.k8s.io',
  apiVersion: 'events.k8s.io/v1',
  toWire: (object) => ({ ...coreToEventsV1(object as unknown as KubeEvent) }),
  fields: {
    ...metadataFields,
    ...Object.fromEntries(involvedObjectFields.map((f) => [`regarding.${f}`, fieldAt(`involvedObject.${f}`)])),
    reason: fieldAt('reason'),
    reportingController: fieldAt('reportingComponent'),
    type: fieldAt('type'),
  },
};

export const namespaces: ResourceDef = {
  resource: 'namespaces',
  group: '',
  apiVersion: 'v1',
  kind: 'Namespace',
  listKind: 'NamespaceList',
  singularName: 'namespace',
  shortNames: ['ns'],
  namespaced: false,
  verbs: ['get', 'list', 'watch'],
  storeKind: 'namespaces',
  toWire: withKind('Namespace', 'v1'),
  fields: { 'metadata.name': fieldAt('metadata.name'), 'status.phase': fieldAt('status.phase') },
};

/** Resources by API group, then plural name. */
export const resourcesByGroup: Readonly<Record<string, Readonly<Record<string, ResourceDef>>>> = {
  '': { pods, events: coreEvents, namespaces },
  'events.k8s.io': { events: eventsV1 },
};
