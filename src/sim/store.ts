// The emulator's etcd: one resourceVersion counter for every kind, one write
// path that bumps it and tells the watchers, and a bounded window of past
// changes so a watch can resume from a recent resourceVersion (or get 410).
import { randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';

export type ResourceKind = 'pods' | 'events' | 'namespaces';

/** Any object the store holds: it must have metadata with a name. */
export interface StoredObject {
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  type: ChangeType;
  kind: ResourceKind;
  /** The object after the change (for DELETED: as it was when removed, with the deletion's resourceVersion). */
  object: StoredObject;
  /** The object before a MODIFIED or DELETED, so a watch can tell an object leaving its selector. */
  previous?: StoredObject;
  resourceVersion: number;
}

export type ChangeListener = (change: Change) => void;

export class StoreError extends Error {
  constructor(
    readonly code: 404 | 409 | 422,
    readonly reason: 'NotFound' | 'AlreadyExists' | 'Invalid',
    message: string,
  ) {
    super(message);
  }
}

export interface StoreOptions {
  clock: Clock;
  /** How many past changes a watch can resume across before it gets 410 Expired. */
  historyLimit?: number;
}

const keyOf = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;

/** The key an object is listed under: `namespace/name` (`/name` for cluster-scoped kinds). */
export const objectKey = (object: StoredObject): string => keyOf(object.metadata.namespace, object.metadata.name);

/** First index in the sorted `keys` whose key is greater than `key` (or >= when `inclusive`). */
function lowerBound(keys: readonly string[], key: string, inclusive: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key || (!inclusive && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ObjectStore {
  readonly clock: Clock;
  private rv = 1;
  private readonly objects = new Map<ResourceKind, Map<string, StoredObject>>();
  /**
   * Keys of each kind in order, so pages of a 30,000-pod list need no sort.
   * Kept lazily: creates append to `addedKeys` and removals leave the key
   * behind; the next scan merges (O(n + k log k)) instead of every write
   * splicing (O(n) each, quadratic over a bulk load).
   */
  private readonly sortedKeys = new Map<ResourceKind, string[]>();
  private readonly addedKeys = new Map<ResourceKind, string[]>();
  private readonly removedSinceMerge = new Map<ResourceKind, number>();
  private history: Change[] = [];
  private historyLimit: number;
  private readonly listeners = new Set<ChangeListener>();
  /** Oldest resourceVersion a watch may still start from. */
  private compactedRV = 1;

  constructor(options: StoreOptions) {
    this.clock = options.clock;
    this.historyLimit = options.historyLimit ?? 10_000;
    for (const kind of ['pods', 'events', 'namespaces'] as const) {
      this.objects.set(kind, new Map());
      this.sortedKeys.set(kind, []);
      this.addedKeys.set(kind, []);
      this.removedSinceMerge.set(kind, 0);
    }
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  get(kind: ResourceKind, namespace: string | undefined, name: string): StoredObject | undefined {
    return this.bucket(kind).get(keyOf(namespace, name));
  }

  /** Every object of a kind, in key order (namespace, then name), as a real API server lists them. */
  list(kind: ResourceKind): StoredObject[] {
    return [...this.scan(kind)];
  }

  /**
   * Objects of a kind in key order, lazily: only those in `namespace` when
   * given, starting after the key `after` (a list's continue point). Reads the
   * live index, so a caller that pauses between items resumes with a new scan.
   */
  *scan(kind: ResourceKind, options: { namespace?: string; after?: string } = {}): Generator<StoredObject> {
    const keys = this.orderedKeys(kind);
    const bucket = this.bucket(kind);
    const prefix = options.namespace === undefined ? '' : `${options.namespace}/`;
    let i = options.after !== undefined && options.after >= prefix ? lowerBound(keys, options.after, false) : lowerBound(keys, prefix, true);
    for (; i < keys.length; i++) {
      const key = keys[i]!;
      if (!key.startsWith(prefix)) return;
      const object = bucket.get(key);
      if (object) yield object;
    }
  }

  /** How many objects `scan` would yield with the same options, without visiting them. */
  countFrom(kind: ResourceKind, options: { namespace?: string; after?: string } = {}): number {
    const keys = this.orderedKeys(kind);
    const prefix = options.namespace === undefined ? '' : `${options.namespace}/`;
    const start = options.after !== undefined && options.after >= prefix ? lowerBound(keys, options.after, false) : lowerBound(keys, prefix, true);
    // Keys of one namespace end before "namespace0" ('0' follows '/').
    const end = options.namespace === undefined ? keys.length : lowerBound(keys, `${options.namespace}0`, true);
    return Math.max(0, end - start);
  }

  count(kind: ResourceKind): number {
    return this.bucket(kind).size;
  }

  create<T extends StoredObject>(kind: ResourceKind, object: T): T {
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    if (this.bucket(kind).has(key)) {
      throw new StoreError(409, 'AlreadyExists', `${kind} "${object.metadata.name}" already exists`);
    }
    const stored = structuredClone(object);
    stored.metadata.uid ??= randomUUID();
    stored.metadata.creationTimestamp ??= this.timestamp();
    return this.commit('ADDED', kind, key, stored) as T;
  }

  /** Replaces an object. `mutate` gets a private copy; the store keeps what it returns. */
  update<T extends StoredObject>(kind: ResourceKind, namespace: string | undefined, name: string, mutate: (copy: T) => void): T {
    const key = keyOf(namespace, name);
    const current = this.bucket(kind).get(key);
    if (!current) throw new StoreError(404, 'NotFound', `${kind} "${name}" not found`);
    const copy = structuredClone(current) as T;
    mutate(copy);
    copy.metadata.name = name;
    copy.metadata.namespace = namespace;
    copy.metadata.uid = current.metadata.uid;
    return this.commit('MODIFIED', kind, key, copy, current) as T;
  }

  /** Removes an object for good (graceful deletion is the kubelet's business, not the store's). */
  remove(kind: ResourceKind, namespace: string | undefined, name: string): StoredObject | undefined {
    const key = keyOf(namespace, name);
    const current = this.bucket(kind).get(key);
    if (!current) return undefined;
    return this.commit('DELETED', kind, key, structuredClone(current), current);
  }

  /**
   * Changes after `resourceVersion`, in order, or 'expired' when the window no
   * longer reaches back that far (the client must relist).
   */
  changesSince(resourceVersion: number): Change[] | 'expired' {
    if (resourceVersion < this.compactedRV) return 'expired';
    // History is in RV order; binary search would do, but the window is small.
    let start = this.history.length;
    while (start > 0 && this.history[start - 1]!.resourceVersion > resourceVersion) start--;
    return this.history.slice(start);
  }

  /** The oldest resourceVersion a watch may resume from. */
  get oldestResumableRV(): number {
    return this.compactedRV;
  }

  /** Drops the change window so every resourceVersion before now is expired (fault injection, tests). */
  compact(): void {
    this.history = [];
    this.compactedRV = this.rv;
  }

  setHistoryLimit(limit: number): void {
    this.historyLimit = limit;
    this.trimHistory();
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  timestamp(ms = this.clock.now()): string {
    // Kubernetes writes whole seconds (RFC 3339 without fractions) on most fields.
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  private commit(type: ChangeType, kind: ResourceKind, key: string, object: StoredObject, previous?: StoredObject): StoredObject {
    this.rv += 1;
    object.metadata.resourceVersion = String(this.rv);
    if (type === 'DELETED') {
      this.bucket(kind).delete(key);
      this.removedSinceMerge.set(kind, this.removedSinceMerge.get(kind)! + 1);
    } else {
      if (type === 'ADDED') this.addedKeys.get(kind)!.push(key);
      this.bucket(kind).set(key, object);
    }
    const change: Change = { type, kind, object, resourceVersion: this.rv, ...(previous && { previous }) };
    this.history.push(change);
    this.trimHistory();
    for (const listener of this.listeners) listener(change);
    return object;
  }

  private trimHistory(): void {
    const excess = this.history.length - this.historyLimit;
    if (excess > 0) {
      this.compactedRV = this.history[excess - 1]!.resourceVersion;
      this.history = this.history.slice(excess);
    }
  }

  /** The sorted keys of a kind, merging in what was created or removed since the last call. */
  private orderedKeys(kind: ResourceKind): string[] {
    const sorted = this.sortedKeys.get(kind)!;
    const added = this.addedKeys.get(kind)!;
    if (added.length === 0 && this.removedSinceMerge.get(kind) === 0) return sorted;
    added.sort();
    const bucket = this.bucket(kind);
    // A fresh array: a scan still iterating the old one is not disturbed.
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < sorted.length || j < added.length) {
      const key = j >= added.length || (i < sorted.length && sorted[i]! <= added[j]!) ? sorted[i++]! : added[j++]!;
      // Removed keys and keys removed then created again (seen twice) are dropped or kept once.
      if (bucket.has(key) && merged[merged.length - 1] !== key) merged.push(key);
    }
    this.sortedKeys.set(kind, merged);
    added.length = 0;
    this.removedSinceMerge.set(kind, 0);
    return merged;
  }

  private bucket(kind: ResourceKind): Map<string, StoredObject> {
    return this.objects.get(kind)!;
  }
}
