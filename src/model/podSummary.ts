// One pod version → one row of the pod list, the way `kubectl get pods -o wide`
// reads it. The row holds no `now`: it is computed once per pod version and
// the relative parts (AGE, "(5m ago)") are formatted at draw time.
import { humanDuration } from './duration.js';
import { podStatusColumns } from './podStatus.js';
import { qosClass } from './qos.js';
import { statusHealth } from './statusHealth.js';
import { timestampMs } from './timestamp.js';
import type { Pod } from './types.js';
import type { PodRow } from './views.js';

const NONE = '<none>';

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** "r/t" for the usual small counts, made once (this runs on every pod update). */
const READY_TEXT: string[][] = Array.from({ length: 17 }, (_, total) => Array.from({ length: total + 1 }, (_, ready) => `${ready}/${total}`));
const readyText = (ready: number, total: number): string => READY_TEXT[total]?.[ready] ?? `${ready}/${total}`;

function sameRow(a: PodRow, b: PodRow): boolean {
  return (
    a.key === b.key && a.uid === b.uid && a.ready === b.ready && a.status === b.status && a.health === b.health && a.restarts === b.restarts &&
    a.lastRestartAt === b.lastRestartAt && Object.is(a.createdAt, b.createdAt) && a.node === b.node && a.ip === b.ip &&
    a.qosClass === b.qosClass && a.labels === b.labels
  );
}

/**
 * The list row of a pod: kubectl's READY/STATUS/RESTARTS plus node, IP, QoS and labels.
 * Given the row of the pod's previous version, its strings are reused, and
 * the row itself when nothing in it changed (most updates change one cell).
 */
export function podRow(pod: Pod, previous?: PodRow): PodRow {
  const { metadata, spec, status } = pod;
  const namespace = metadata.namespace ?? '';
  const samePod = previous !== undefined && previous.name === metadata.name && previous.namespace === namespace;
  const columns = podStatusColumns(pod);
  // Every row has every field (lastRestartAt too, undefined or not): one shape, no property added later.
  const row: PodRow = {
    key: samePod ? previous.key : `${namespace}/${metadata.name}`,
    uid: metadata.uid ?? '',
    namespace: samePod ? previous.namespace : namespace,
    name: samePod ? previous.name : metadata.name,
    ready: readyText(columns.readyContainers, columns.totalContainers),
    status: columns.status,
    health: statusHealth(columns.status, columns.readyContainers, columns.totalContainers, columns.podReady),
    restarts: columns.restarts,
    lastRestartAt: columns.lastRestartAt,
    // NaN when the server sent no creationTimestamp: formatAge prints "<unknown>" as kubectl does.
    createdAt: timestampMs(metadata.creationTimestamp) ?? Number.NaN,
    node: spec.nodeName || NONE,
    // kubectl -o wide shows the first of status.podIPs (the primary family).
    ip: status.podIPs?.[0]?.ip || status.podIP || NONE,
    qosClass: qosClass(pod),
    labels: metadata.labels ?? NO_LABELS,
  };
  return previous !== undefined && sameRow(row, previous) ? previous : row;
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
