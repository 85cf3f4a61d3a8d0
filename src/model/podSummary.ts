// One pod version → one row of the pod list, the way `kubectl get pods -o wide`
// reads it. The row holds no `now`: it is computed once per pod version and
// the relative parts (AGE, "(5m ago)") are formatted at draw time.
import { humanDuration } from './duration.js';
import { podStatusColumns } from './podStatus.js';
import { qosClass } from './qos.js';
import { statusHealth } from './statusHealth.js';
import type { Pod } from './types.js';
import type { PodRow } from './views.js';

const NONE = '<none>';

function podIsReady(pod: Pod): boolean {
  return pod.status.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false;
}
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** The list row of a pod: kubectl's READY/STATUS/RESTARTS plus node, IP, QoS and labels. */
export function podRow(pod: Pod): PodRow {
  const { metadata, spec, status } = pod;
  const namespace = metadata.namespace ?? '';
  const columns = podStatusColumns(pod);
  const row: PodRow = {
    key: `${namespace}/${metadata.name}`,
    uid: metadata.uid ?? '',
    namespace,
    name: metadata.name,
    ready: `${columns.readyContainers}/${columns.totalContainers}`,
    status: columns.status,
    health: statusHealth(columns.status, columns.readyContainers, columns.totalContainers, podIsReady(pod)),
    restarts: columns.restarts,
    // NaN when the server sent no creationTimestamp: formatAge prints "<unknown>" as kubectl does.
    createdAt: metadata.creationTimestamp ? Date.parse(metadata.creationTimestamp) : Number.NaN,
    node: spec.nodeName || NONE,
    // kubectl -o wide shows the first of status.podIPs (the primary family).
    ip: status.podIPs?.[0]?.ip || status.podIP || NONE,
    qosClass: qosClass(pod),
    labels: metadata.labels ?? NO_LABELS,
  };
  if (columns.lastRestartAt !== undefined) row.lastRestartAt = columns.lastRestartAt;
  return row;
}

/** kubectl's RESTARTS cell: "4 (32s ago)", or just the count when nothing has restarted yet. */
export function formatRestarts(row: PodRow, now: number): string {
  if (row.restarts === 0 || row.lastRestartAt === undefined) return String(row.restarts);
  return `${row.restarts} (${humanDuration(now - row.lastRestartAt)} ago)`;
}

/** kubectl's AGE cell. */
export function formatAge(row: PodRow, now: number): string {
  return Number.isFinite(row.createdAt) ? humanDuration(now - row.createdAt) : '<unknown>';
}
