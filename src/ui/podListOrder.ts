// The pod list's order, kept from one cluster change to the next instead of
// rebuilt for each. In a storm of 200 updates a second over 10,000 pods the
// screen looks 5 times a second and finds about 40 new rows each time; sorting,
// counting and copying all 10,000 for that was most of a frame and most of its
// garbage. So the changed rows are found by walking the model's pod map beside
// the rows seen last time (the map keeps a pod's place when it is updated and
// appends new pods, so this is one pointer compare per pod, no lookups), the
// order is kept when each changed row still sits between its neighbours
// (always, when sorted by name), pods that went away are taken out, the
// STATUS counts are adjusted for the rows that changed, and the list is sorted
// again only when a pod must move or come in: then from the last order plus
// the newcomers, which the sort (a merge sort that finds runs already in
// order) takes in about one pass.
import { compareRows, matchesFilter, selectRows, statusCountsInOrder, type PodFilter, type SortKey, type StatusCount } from '../model/selectors.js';
import type { PodRow, PodView } from '../model/views.js';

export interface PodListQuery {
  filter: PodFilter;
  sort: SortKey;
  /** The namespaces in scope ('all': every one). */
  namespaces: readonly string[] | 'all';
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

/** Whether `rows` already stand in the order `sort` gives them. */
function inOrder(rows: readonly PodRow[], sort: SortKey): boolean {
  const compare = compareRows(sort);
  for (let index = 1; index < rows.length; index++) if (compare(rows[index - 1]!, rows[index]!) > 0) return false;
  return true;
}

/** countByStatus's order; `previous` itself when nothing differs. */
function countsInOrder(counts: ReadonlyMap<string, number>, previous: readonly StatusCount[]): readonly StatusCount[] {
  const next = statusCountsInOrder(counts);
  const same = next.length === previous.length && next.every((c, i) => c.status === previous[i]?.status && c.count === previous[i].count);
  return same ? previous : next;
}

function positionsOf(keys: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (let index = 0; index < keys.length; index++) positions.set(keys[index]!, index);
  return positions;
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
  /** Pods gone since last time, as last seen. */
  removed: PodRow[];
}

/**
 * What differs from `seen` (last time's rows in the map's order), which is
 * brought up to date. A row of `seen` whose key is not the map's next one is
 * a pod that went away; a pod deleted and created again under its name goes
 * away there and comes back at the end. (Were the map to reorder pods some
 * other way, the ones out of place would read as gone and back: still right,
 * only more work.)
 */
function changesSince(seen: PodRow[], pods: ReadonlyMap<string, PodView>): Changes {
  const changes: Changes = { changed: [], added: [], removed: [] };
  // Rows seen last time are read from `index`, this time's written at `kept` (never ahead of `index` while both run).
  const length = seen.length;
  let index = 0;
  let kept = 0;
  for (const view of pods.values()) {
    const row = view.row;
    let before = index < length ? seen[index] : undefined;
    while (before !== undefined && before !== row && before.key !== row.key) {
      changes.removed.push(before);
      before = ++index < length ? seen[index] : undefined;
    }
    if (before === undefined) changes.added.push(row);
    else {
      if (before !== row) changes.changed.push([before, row]);
      index++;
    }
    seen[kept++] = row;
  }
  while (index < length) changes.removed.push(seen[index++]!);
  seen.length = kept;
  return changes;
}

export function createPodListOrder(): PodListOrderer {
  let source: ReadonlyMap<string, PodView> | undefined;
  let query: PodListQuery | undefined;
  let inScope: (row: PodRow) => boolean = () => true;
  let seen: PodRow[] = [];
  /** The rows of order.keys, current: changed rows are written in as they are found. */
  let shown: PodRow[] = [];
  let statusCounts = new Map<string, number>();
  let order: PodListOrder = { keys: [], positions: new Map(), counts: [], total: 0 };

  const shows = (row: PodRow): boolean => inScope(row) && matchesFilter(row, query!.filter);
  const count = (status: string, delta: number): void => {
    const next = (statusCounts.get(status) ?? 0) + delta;
    if (next > 0) statusCounts.set(status, next);
    else statusCounts.delete(status);
  };

  /** From scratch: another pod map (a new session scope) or another query. */
  function rebuild(pods: ReadonlyMap<string, PodView>, next: PodListQuery): PodListOrder {
    // Rows in the last order first, when it was by the same key: the sort then takes about one pass.
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
    shown = selectRows(candidates, next);
    const keys = shown.map((row) => row.key);
    statusCounts = new Map();
    for (const row of shown) count(row.status, 1);
    let total = pods.size;
    if (namespaces) {
      total = 0;
      for (const row of seen) if (inScope(row)) total++;
    }
    return { keys, positions: positionsOf(keys), counts: countsInOrder(statusCounts, order.counts), total };
  }

  /**
   * Whether a changed row still sits between its nearest neighbours that stay
   * (`shown` holds their current rows; `leaving` are going out of the list).
   */
  function staysInPlace(row: PodRow, index: number, leaving: ReadonlySet<string>): boolean {
    const neighbour = (step: -1 | 1): PodRow | undefined => {
      for (let at = index + step; at >= 0 && at < shown.length; at += step) {
        const other = shown[at]!;
        if (!leaving.has(other.key)) return other;
      }
      return undefined;
    };
    const rows = [neighbour(-1), row, neighbour(1)].filter((r) => r !== undefined);
    return inOrder(rows, query!.sort);
  }

  function update(changes: Changes): PodListOrder {
    let total = order.total;
    let countsChanged = false;
    const adjust = (status: string, delta: number) => {
      count(status, delta);
      countsChanged = true;
    };
    /** Shown keys that go: the pod went away or no longer matches. */
    const leaving = new Set<string>();
    /** Rows to show that were not shown. */
    const entering: PodRow[] = [];
    for (const row of changes.removed) {
      if (inScope(row)) total--;
      if (order.positions.has(row.key)) {
        leaving.add(row.key);
        adjust(row.status, -1);
      }
    }
    for (const row of changes.added) {
      if (inScope(row)) total++;
      if (shows(row)) {
        entering.push(row);
        adjust(row.status, 1);
      }
    }
    const staying: [PodRow, number][] = [];
    for (const [before, row] of changes.changed) {
      const index = order.positions.get(row.key);
      const showing = shows(row);
      if (index === undefined) {
        if (showing) {
          entering.push(row);
          adjust(row.status, 1);
        }
      } else if (!showing) {
        leaving.add(row.key);
        adjust(before.status, -1);
      } else {
        if (before.status !== row.status) {
          adjust(before.status, -1);
          adjust(row.status, 1);
        }
        shown[index] = row;
        staying.push([row, index]);
      }
    }
    const resort = entering.length > 0 || staying.some(([row, index]) => !staysInPlace(row, index, leaving));
    let keys = order.keys;
    if (resort || leaving.size > 0) {
      const staysShown = leaving.size > 0 ? shown.filter((row) => !leaving.has(row.key)) : shown;
      if (resort) {
        for (const row of entering) staysShown.push(row);
        shown = selectRows(staysShown, query!);
      } else {
        shown = staysShown;
      }
      keys = shown.map((row) => row.key);
    }
    if (keys === order.keys && !countsChanged && total === order.total) return order;
    return {
      keys,
      positions: keys === order.keys ? order.positions : positionsOf(keys),
      counts: countsChanged ? countsInOrder(statusCounts, order.counts) : order.counts,
      total,
    };
  }

  return (pods, next) => {
    if (pods !== source || query === undefined || !sameQuery(next, query)) return (order = rebuild(pods, next));
    const changes = changesSince(seen, pods);
    if (changes.changed.length + changes.added.length + changes.removed.length === 0) return order;
    return (order = update(changes));
  };
}
