// The pod list's columns for a given width: kubectl's NAME READY STATUS
// RESTARTS AGE always, NAMESPACE when several namespaces are shown, then IP,
// NODE and QoS while NAME keeps enough room. Widths are fixed per column so
// the table does not jump as rows scroll by or change.
import { formatAge, formatRestarts } from '../model/podSummary.js';
import type { PodRow } from '../model/views.js';

export type ColumnId = 'namespace' | 'name' | 'ready' | 'status' | 'restarts' | 'age' | 'ip' | 'node' | 'qos';

export interface Column {
  id: ColumnId;
  title: string;
  width: number;
}

/** Widths include the one-space gap after the column. "Init:CrashLoopBackOff" is 21 wide. */
const FIXED: Record<Exclude<ColumnId, 'name'>, Column> = {
  namespace: { id: 'namespace', title: 'NAMESPACE', width: 17 },
  ready: { id: 'ready', title: 'READY', width: 6 },
  status: { id: 'status', title: 'STATUS', width: 23 },
  restarts: { id: 'restarts', title: 'RESTARTS', width: 14 },
  age: { id: 'age', title: 'AGE', width: 7 },
  ip: { id: 'ip', title: 'IP', width: 16 },
  node: { id: 'node', title: 'NODE', width: 16 },
  qos: { id: 'qos', title: 'QOS', width: 11 },
};

/** NAME never shrinks below this to make room for an optional column. */
const MIN_NAME_WIDTH = 30;
const OPTIONAL: readonly Exclude<ColumnId, 'name'>[] = ['ip', 'node', 'qos'];
const ORDER: readonly ColumnId[] = ['namespace', 'name', 'ready', 'status', 'restarts', 'age', 'ip', 'node', 'qos'];

export function podColumns(width: number, showNamespace: boolean): Column[] {
  const chosen: Exclude<ColumnId, 'name'>[] = ['ready', 'status', 'restarts', 'age'];
  if (showNamespace) chosen.push('namespace');
  const used = (): number => chosen.reduce((sum, id) => sum + FIXED[id].width, 0);
  for (const id of OPTIONAL) {
    if (width - used() - FIXED[id].width < MIN_NAME_WIDTH) break;
    chosen.push(id);
  }
  const name: Column = { id: 'name', title: 'NAME', width: Math.max(width - used(), 10) };
  return ORDER.flatMap((id) => (id === 'name' ? [name] : chosen.includes(id) ? [FIXED[id]] : []));
}

/** One cell's text; STATUS is the row's, or the past step's when time travelling. */
export function cellText(column: ColumnId, row: PodRow, now: number, status: string): string {
  switch (column) {
    case 'namespace':
      return row.namespace;
    case 'name':
      return row.name;
    case 'ready':
      return row.ready;
    case 'status':
      return status;
    case 'restarts':
      return formatRestarts(row, now);
    case 'age':
      return formatAge(row, now);
    case 'ip':
      return row.ip;
    case 'node':
      return row.node;
    case 'qos':
      return row.qosClass;
  }
}

/** Pads or cuts `text` to exactly `width` columns, keeping one space as the gap. Kubernetes names are ASCII. */
export function fit(text: string, width: number, ellipsis = '…'): string {
  const room = width - 1;
  if (room <= 0) return ' '.repeat(Math.max(width, 0));
  if (text.length <= room) return text.padEnd(width);
  return `${text.slice(0, Math.max(room - ellipsis.length, 0))}${ellipsis} `;
}
