// Server-side printing, as kube-apiserver does it for `kubectl get`: when the
// Accept header asks for `as=Table;g=meta.k8s.io`, lists and watch events are
// answered as metav1.Table with the columns of the API server's printers
// (pkg/printers/internalversion). kubectl prints these cells as they come;
// without a Table it would fall back to NAME and AGE only. The pod cells come
// from the model's kubectl-equal summary; the clock is the emulator's.
import { humanAge } from '../../model/duration.js';
import { formatAge, formatRestarts, podRow } from '../../model/podSummary.js';
import type { KubeEvent, Pod } from '../../model/types.js';
import type { StoredObject } from '../store.js';
import type { ListFormat } from './list.js';
import type { ResourceDef } from './resources.js';

interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer';
  format: string;
  description: string;
  priority: number;
}

type Cell = string | number;

const column = (name: string, description: string, priority = 0, format = '', type: ColumnDefinition['type'] = 'string'): ColumnDefinition => ({
  name,
  type,
  format,
  description,
  priority,
});

const NAME = column('Name', 'Name must be unique within a namespace.', 0, 'name');
const AGE = column('Age', 'CreationTimestamp is a timestamp representing the server time when this object was created.');

const podColumns = [
  NAME,
  column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'The aggregate status of the containers in this pod.'),
  column('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  AGE,
  column('IP', 'podIP address allocated to the pod.', 1),
  column('Node', 'NodeName indicates in which node this pod is scheduled.', 1),
  column('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.', 1),
  column('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
];

const eventColumns = [
  column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
  column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
  column('Reason', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
  column('Object', 'The object that this event is about.'),
  column('Subobject', 'The field of the object the event is about, e.g. spec.containers{app}.', 1),
  column('Source', 'The component reporting this event.', 1),
  column('Message', 'A human-readable description of the status of this operation.'),
  column('First Seen', 'The time at which the event was first recorded.', 1),
  column('Count', 'The number of times this event has occurred.', 1),
  column('Name', 'Name must be unique within a namespace.', 1, 'name'),
];

const namespaceColumns = [NAME, column('Status', 'The status of the namespace'), AGE];

const NONE = '<none>';

function readinessGates(pod: Pod): string {
  const gates = pod.spec.readinessGates ?? [];
  if (gates.length === 0) return NONE;
  const trueCount = gates.filter((g) => pod.status.conditions?.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

function podCells(pod: Pod, now: number): Cell[] {
  const row = podRow(pod);
  const ip = pod.status.podIPs?.[0]?.ip || NONE;
  return [row.name, row.ready, row.status, formatRestarts(row, now), formatAge(row, now), ip, pod.spec.nodeName || NONE, pod.status.nominatedNodeName || NONE, readinessGates(pod)];
}

function eventSource(event: KubeEvent): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  if (!component) return '';
  return instance ? `${component}, ${instance}` : component;
}

function eventCells(event: KubeEvent, now: number): Cell[] {
  const firstSeen = event.firstTimestamp ? humanAge(event.firstTimestamp, now) : humanAge(event.eventTime, now);
  let lastSeen = event.lastTimestamp ? humanAge(event.lastTimestamp, now) : firstSeen;
  let count = event.count ?? 0;
  if (event.series) {
    lastSeen = humanAge(event.series.lastObservedTime, now);
    count = event.series.count ?? 0;
  } else if (count === 0) count = 1; // singleton events carry no count in the new API
  const involved = event.involvedObject;
  const kind = (involved.kind ?? '').toLowerCase();
  const target = involved.name ? `${kind}/${involved.name}` : kind;
  return [lastSeen, event.type ?? '', event.reason ?? '', target, involved.fieldPath ?? '', eventSource(event), (event.message ?? '').trim(), firstSeen, count, event.metadata.name];
}

function namespaceCells(namespace: StoredObject, now: number): Cell[] {
  const phase = (namespace.status as { phase?: string } | undefined)?.phase ?? '';
  return [namespace.metadata.name, phase, humanAge(namespace.metadata.creationTimestamp, now)];
}

const printers: Record<ResourceDef['resource'], { columns: ColumnDefinition[]; cells(object: StoredObject, now: number): Cell[] }> = {
  pods: { columns: podColumns, cells: (o, now) => podCells(o as unknown as Pod, now) },
  events: { columns: eventColumns, cells: (o, now) => eventCells(o as unknown as KubeEvent, now) },
  namespaces: { columns: namespaceColumns, cells: namespaceCells },
};

export interface TableRequest {
  /** meta.k8s.io/v1 or meta.k8s.io/v1beta1, whichever the client asked for first. */
  apiVersion: string;
  /** includeObject: None, Metadata (the default) or Object. */
  includeObject: 'None' | 'Metadata' | 'Object';
}

/** The Table the Accept header asks for, or undefined when it asks for plain objects. */
export function tableRequest(accept: string | undefined, query: URLSearchParams): TableRequest | undefined {
  for (const mediaType of (accept ?? '').split(',')) {
    const [type, ...params] = mediaType.split(';').map((p) => p.trim());
    if (type !== 'application/json') continue;
    const p = Object.fromEntries(params.map((kv) => kv.split('=').map((s) => s.trim()) as [string, string]));
    if (p.as === 'Table' && p.g === 'meta.k8s.io' && (p.v === 'v1' || p.v === 'v1beta1')) {
      const include = query.get('includeObject');
      return { apiVersion: `meta.k8s.io/${p.v}`, includeObject: include === 'None' || include === 'Object' ? include : 'Metadata' };
    }
    if (p.as === undefined) return undefined;
  }
  return undefined;
}

function tableRow(def: ResourceDef, request: TableRequest, object: StoredObject, now: number) {
  const printer = printers[def.resource];
  const row: Record<string, unknown> = { cells: printer.cells(object, now) };
  if (def.resource === 'pods') {
    // kubectl dims finished pods by this row condition.
    const phase = (object as unknown as Pod).status?.phase;
    if (phase === 'Succeeded') row.conditions = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    if (phase === 'Failed') row.conditions = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
  }
  if (request.includeObject === 'Object') row.object = def.toWire(object);
  else if (request.includeObject === 'Metadata') row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
  return row;
}

/** How a LIST is wrapped when a Table was asked for. */
export function tableListFormat(def: ResourceDef, request: TableRequest, now: number): ListFormat {
  return {
    head: { kind: 'Table', apiVersion: request.apiVersion, columnDefinitions: printers[def.resource].columns },
    itemsKey: 'rows',
    item: (object) => tableRow(def, request, object, now),
  };
}

/** One watched object as a one-row Table, as the API server sends watch events to kubectl. */
export function tableOfOne(def: ResourceDef, request: TableRequest, object: StoredObject, now: number): unknown {
  return {
    kind: 'Table',
    apiVersion: request.apiVersion,
    metadata: { resourceVersion: object.metadata.resourceVersion },
    columnDefinitions: printers[def.resource].columns,
    rows: [tableRow(def, request, object, now)],
  };
}
