// What the pod list shows of all the rows: the filter a user typed, the sort
// key they cycled to, the namespaces in scope, and the counts for the status
// bar. Written to stay well under a frame at 10,000 pods: one pass to filter,
// one native (stable) sort with cheap comparisons, no per-row allocation
// beyond the result array.
import type { Health, PodRow } from './views.js';

// ---- filter -------------------------------------------------------------

/** One space-separated term of a filter; a row must match every term. */
export type FilterTerm =
  /** Substring of `namespace/name` (Kubernetes names are lower case, so the term is lower-cased). */
  | { kind: 'name'; text: string }
  /** `l:app=web`, `l:app!=web`, `l:app`, `l:!app` (comma-joined like `kubectl -l`), with label-selector meaning. */
  | { kind: 'label'; key: string; op: 'equals' | 'notEquals' | 'exists' | 'notExists'; value: string }
  /** `s:crash`: case-insensitive substring of the STATUS column. */
  | { kind: 'status'; text: string };

export interface PodFilter {
  /** What the user typed, for showing it back. */
  text: string;
  terms: readonly FilterTerm[];
}

const LABEL_PREFIX = 'l:';
const STATUS_PREFIX = 's:';

function parseLabelRequirement(selector: string): FilterTerm | undefined {
  if (selector === '' || selector === '!') return undefined;
  if (selector.startsWith('!')) return { kind: 'label', key: selector.slice(1), op: 'notExists', value: '' };
  const notEquals = selector.indexOf('!=');
  if (notEquals > 0) {
    return { kind: 'label', key: selector.slice(0, notEquals), op: 'notEquals', value: selector.slice(notEquals + 2) };
  }
  // `==` is the selector syntax's other spelling of `=`.
  const equals = /^([^=]+)==?(.*)$/.exec(selector);
  if (equals) return { kind: 'label', key: equals[1]!, op: 'equals', value: equals[2]! };
  return { kind: 'label', key: selector, op: 'exists', value: '' };
}

/** The terms of one space-separated token; `l:app=web,tier!=db` is two, as in `kubectl -l`. */
function parseToken(token: string): FilterTerm[] {
  if (token.startsWith(LABEL_PREFIX)) {
    const requirements = token.slice(LABEL_PREFIX.length).split(',');
    return requirements.map(parseLabelRequirement).filter((term) => term !== undefined);
  }
  if (token.startsWith(STATUS_PREFIX)) {
    const text = token.slice(STATUS_PREFIX.length).toLowerCase();
    return text === '' ? [] : [{ kind: 'status', text }];
  }
  return [{ kind: 'name', text: token.toLowerCase() }];
}

/**
 * The filter typed in the list's filter box: terms separated by spaces, all
 * of which must match. A half-typed term (`l:`, `s:`) matches everything so
 * the list does not blink empty while the user types.
 */
export function parseFilter(text: string): PodFilter {
  const terms: FilterTerm[] = [];
  for (const token of text.split(/\s+/)) {
    if (token !== '') terms.push(...parseToken(token));
  }
  return { text, terms };
}

function matchesTerm(row: PodRow, term: FilterTerm): boolean {
  switch (term.kind) {
    case 'name':
      return row.key.includes(term.text);
    case 'status':
      return row.status.toLowerCase().includes(term.text);
    case 'label': {
      const value = row.labels[term.key];
      switch (term.op) {
        case 'equals':
          return value === term.value;
        // As in a label selector, `!=` also selects pods without the label.
        case 'notEquals':
          return value !== term.value;
        case 'exists':
          return value !== undefined;
        case 'notExists':
          return value === undefined;
      }
    }
  }
}

export function matchesFilter(row: PodRow, filter: PodFilter): boolean {
  for (const term of filter.terms) if (!matchesTerm(row, term)) return false;
  return true;
}

// ---- sort ---------------------------------------------------------------

export type SortKey = 'name' | 'status' | 'restarts' | 'age';

/** The order the sort key cycles through. */
export const SORT_KEYS: readonly SortKey[] = ['name', 'status', 'restarts', 'age'];

/** The sort key after `key` in the cycle. */
export function nextSortKey(key: SortKey): SortKey {
  return SORT_KEYS[(SORT_KEYS.indexOf(key) + 1) % SORT_KEYS.length]!;
}

/** Broken pods first: they are what a user opens podtui to find. */
const HEALTH_RANK: Readonly<Record<Health, number>> = { failing: 0, progressing: 1, healthy: 2, finished: 3 };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** kubectl's order: namespace, then name. The equality test first is a third cheaper than two orderings. */
function byName(a: PodRow, b: PodRow): number {
  return a.namespace === b.namespace ? compareText(a.name, b.name) : compareText(a.namespace, b.namespace);
}

function byStatus(a: PodRow, b: PodRow): number {
  const rank = HEALTH_RANK[a.health] - HEALTH_RANK[b.health];
  if (rank !== 0) return rank;
  return a.status === b.status ? byName(a, b) : compareText(a.status, b.status);
}

/** Newest first; a row without the time goes last. */
function newestFirst(a: number | undefined, b: number | undefined): number {
  const left = a === undefined || Number.isNaN(a) ? -Infinity : a;
  const right = b === undefined || Number.isNaN(b) ? -Infinity : b;
  return left === right ? 0 : right > left ? 1 : -1;
}

const COMPARATORS: Readonly<Record<SortKey, (a: PodRow, b: PodRow) => number>> = {
  name: byName,
  status: byStatus,
  // Most restarts first; among equals, the one that restarted last.
  restarts: (a, b) => b.restarts - a.restarts || newestFirst(a.lastRestartAt, b.lastRestartAt) || byName(a, b),
  // Youngest first: a pod that just appeared is the one being watched.
  age: (a, b) => newestFirst(a.createdAt, b.createdAt) || byName(a, b),
};

export interface SelectOptions {
  filter?: PodFilter;
  sort: SortKey;
  /** Only these namespaces ('all' or absent: every namespace). */
  namespaces?: readonly string[] | 'all';
}

function selectedRows(rows: Iterable<PodRow>, options: SelectOptions): PodRow[] {
  const namespaces = options.namespaces === undefined || options.namespaces === 'all' ? undefined : new Set(options.namespaces);
  const filter = options.filter && options.filter.terms.length > 0 ? options.filter : undefined;
  const selected: PodRow[] = [];
  for (const row of rows) {
    if (namespaces && !namespaces.has(row.namespace)) continue;
    if (filter && !matchesFilter(row, filter)) continue;
    selected.push(row);
  }
  return selected;
}

/** The rows the list shows, in the order it shows them. */
export function selectRows(rows: Iterable<PodRow>, options: SelectOptions): PodRow[] {
  return selectedRows(rows, options).sort(COMPARATORS[options.sort]);
}

/** The order selectRows sorts by: negative when `a` is shown before `b` (0 only for the same pod). */
export function compareRows(sort: SortKey): (a: PodRow, b: PodRow) => number {
  return COMPARATORS[sort];
}

// ---- counts -------------------------------------------------------------

export interface StatusCount {
  status: string;
  count: number;
}

/** Counts per STATUS as the status bar lists them: most frequent first, ties by status. */
export function statusCountsInOrder(counts: Iterable<[string, number]>): StatusCount[] {
  return Array.from(counts, ([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || compareText(a.status, b.status));
}

/** How many pods show each STATUS, most frequent first (ties by status). */
export function countByStatus(rows: Iterable<PodRow>): StatusCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  return statusCountsInOrder(counts);
}

/** How many pods are in each health, every health present (zero when none). */
export function countByHealth(rows: Iterable<PodRow>): Record<Health, number> {
  const counts: Record<Health, number> = { failing: 0, progressing: 0, healthy: 0, finished: 0 };
  for (const row of rows) counts[row.health]++;
  return counts;
}
