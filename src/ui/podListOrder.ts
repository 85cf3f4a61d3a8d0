// The pod list's order, kept from one cluster change to the next instead of
// rebuilt for each. In a storm of 200 updates a second over 10,000 pods the
// screen looks 5 times a second and finds about 40 new rows each time; sorting,
// counting and copying all 10,000 for that was most of a frame and most of its
// garbage. So the changed rows are found by walking the model's pod map beside
// the rows seen last time (the map keeps a pod's place when it is updated, so
// this is one pointer compare per pod, no lookups), the order is kept when each
// changed row still sits between its neighbours (always, when sorted by name),
// the STATUS counts are adjusted for the rows whose STATUS changed, and the
// list is sorted again only when a pod came, went, moved or entered or left
// the filter.
import { matchesFilter, selectRows, type PodFilter, type SortKey } from '../model/selectors.js';
import type { PodRow, PodView } from '../model/views.js';

export interface PodListQuery {
  filter: PodFilter;
  sort: SortKey;
  /** The namespaces in scope ('all': every one). */
  namespaces: readonly string[] | 'all';
}

export interface StatusCount {
  status: string;
  count: number;
}

/** What the list shows. Each field keeps its identity while its content stays the same. */
export interface PodListOrder {
  /** Keys of the rows shown, in display order. */
  keys: readonly string[];
  /** Where each shown key is in `keys`. */
  positions: ReadonlyMap<string, number>;
  /** Shown pods by STATUS, most frequent first, ties by status (as the model's countByStatus). */
  counts: readonly StatusCount[];
  /** Pods in the namespaces in scope, whatever the filter. */
  total: number;
}

/** Returns the order for a pod map and query, reusing what it worked out for the previous call. */
export type PodListOrderer = (pods: ReadonlyMap<string, PodView>, query: PodListQuery) => PodListOrder;

/** Whether `rows` already stand in the order `sort` gives them (the sort is stable and orders any two pods). */
function inOrder(rows: readonly PodRow[], sort: SortKey): boolean {
  const sorted = selectRows(rows, { sort });
  return sorted.every((row, index) => row === rows[index]);
}

/** Most frequent first, ties by status: countByStatus's order, from counts kept per status. */
function countsInOrder(counts: ReadonlyMap<string, number>): StatusCount[] {
  return Array.from(counts, ([status, count]) => ({ status, count })).sort(
    (a, b) => b.count - a.count || (a.status < b.status ? -1 : a.status > b.status ? 1 : 0),
  );
}

function sameQuery(a: PodListQuery, b: PodListQuery): boolean {
  if (a.filter.text !== b.filter.text || a.sort !== b.sort) return false;
  if (a.namespaces === 'all' || b.namespaces === 'all') return a.namespaces === b.namespaces;
  return a.namespaces.length === b.namespaces.length && a.namespaces.every((n, i) => n === b.namespaces[i]);
}

interface Changes {
  /** Rows replaced since last time: [before, now]. */
  changed: [PodRow, PodRow][];
  /** Pods new since last time (the map appends them). */
  added: PodRow[];
}

/**
 * The rows that differ from `seen`, which is updated to match; undefined when
 * a pod went away (every later pod moved up a place), which needs a rebuild.
 */
function changesSince(seen: PodRow[], pods: ReadonlyMap<string, PodView>): Changes | undefined {
  const changed: [PodRow, PodRow][] = [];
  const added: PodRow[] = [];
  let index = 0;
  for (const view of pods.values()) {
    const row = view.row;
    const before = seen[index];
    if (before !== row) {
      if (before === undefined) added.push(row);
      else if (before.key !== row.key) return undefined;
      else changed.push([before, row]);
      seen[index] = row;
    }
    index++;
  }
  return index === seen.length ? { changed, added } : undefined;
}

export function createPodListOrder(): PodListOrderer {
  let source: ReadonlyMap<string, PodView> | undefined;
  let query: PodListQuery | undefined;
  let inScope: (row: PodRow) => boolean = () => true;
  let seen: PodRow[] = [];
  let statusCounts = new Map<string, number>();
  let order: PodListOrder = { keys: [], positions: new Map(), counts: [], total: 0 };

  const shows = (row: PodRow): boolean => inScope(row) && matchesFilter(row, query!.filter);

  function rebuild(pods: ReadonlyMap<string, PodView>, next: PodListQuery): PodListOrder {
    // Rows in the last order first: the sort (a merge sort that finds runs
    // already in order) then takes one pass instead of log2(n).
    const candidates: PodRow[] = [];
    if (pods === source && query?.sort === next.sort) {
      for (const key of order.keys) {
        const view = pods.get(key);
        if (view) candidates.push(view.row);
      }
      for (const view of pods.values()) if (!order.positions.has(view.row.key)) candidates.push(view.row);
    } else {
      for (const view of pods.values()) candidates.push(view.row);
    }
    source = pods;
    query = next;
    const namespaces = next.namespaces === 'all' ? undefined : new Set(next.namespaces);
    inScope = namespaces ? (row) => namespaces.has(row.namespace) : () => true;
    seen = Array.from(pods.values(), (view) => view.row);
    const shown = selectRows(candidates, next);
    const keys = shown.map((row) => row.key);
    statusCounts = new Map();
    for (const row of shown) statusCounts.set(row.status, (statusCounts.get(row.status) ?? 0) + 1);
    let total = pods.size;
    if (namespaces) {
      total = 0;
      for (const row of seen) if (inScope(row)) total++;
    }
    const counts = countsInOrder(statusCounts);
    const sameCounts = counts.length === order.counts.length && counts.every((c, i) => c.status === order.counts[i]?.status && c.count === order.counts[i].count);
    return { keys, positions: new Map(keys.map((key, index) => [key, index])), counts: sameCounts ? order.counts : counts, total };
  }

  /** The current row of the pod at `index` in the order, if there is one. */
  const rowAt = (pods: ReadonlyMap<string, PodView>, index: number): PodRow | undefined => {
    const key = order.keys[index];
    return key === undefined ? undefined : pods.get(key)?.row;
  };

  /** Whether a changed row still sits between its neighbours. */
  function staysInPlace(pods: ReadonlyMap<string, PodView>, row: PodRow, index: number): boolean {
    const neighbours = [rowAt(pods, index - 1), row, rowAt(pods, index + 1)].filter((r) => r !== undefined);
    return inOrder(neighbours, query!.sort);
  }

  return (pods, next) => {
    if (pods !== source || query === undefined || !sameQuery(next, query)) return (order = rebuild(pods, next));
    const changes = changesSince(seen, pods);
    if (changes === undefined) return (order = rebuild(pods, next));
    let total = order.total;
    for (const row of changes.added) {
      if (shows(row)) return (order = rebuild(pods, next));
      if (inScope(row)) total++;
    }
    let countsChanged = false;
    for (const [before, row] of changes.changed) {
      const index = order.positions.get(row.key);
      if ((index !== undefined) !== shows(row)) return (order = rebuild(pods, next));
      if (index === undefined) continue;
      if (!staysInPlace(pods, row, index)) return (order = rebuild(pods, next));
      if (before.status !== row.status) {
        const left = (statusCounts.get(before.status) ?? 0) - 1;
        if (left > 0) statusCounts.set(before.status, left);
        else statusCounts.delete(before.status);
        statusCounts.set(row.status, (statusCounts.get(row.status) ?? 0) + 1);
        countsChanged = true;
      }
    }
    if (!countsChanged && total === order.total) return order;
    return (order = { ...order, total, ...(countsChanged && { counts: countsInOrder(statusCounts) }) });
  };
}
