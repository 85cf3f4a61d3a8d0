// WATCH, as the API server's watch cache serves it: from a resourceVersion
// (replaying the kept window of changes, or 410 Expired when it is gone), or
// from "now" with a synthetic ADDED for every current object; then every
// change in resourceVersion order. A change that moves an object into the
// request's selectors is an ADDED, out of them a DELETED carrying the old
// object at the change's resourceVersion.
import type { Change, ObjectStore, StoredObject } from '../store.js';
import type { ObjectFilter } from './filter.js';
import type { ResourceDef } from './resources.js';
import { badRequest, expired, resourceVersionTooLarge } from './status.js';
import type { WatchEvent, WatchStream } from './watchStream.js';

export interface WatchOptions {
  store: ObjectStore;
  def: ResourceDef;
  filter: ObjectFilter;
  query: URLSearchParams;
  /** From watchStartRV, checked before the response began. */
  startRV: number | undefined;
  /** Turns a stored object into what this request asked for: the resource's wire form, or a Table. */
  present(object: StoredObject): unknown;
  bookmarkIntervalMs: number;
}

/** The server ends a watch after 30 to 60 min when the client set no timeout (kube-apiserver's min-request-timeout). */
const DEFAULT_TIMEOUT_S = 1800;

/**
 * Parses the request's resourceVersion; undefined means "start from now with
 * the current state". One the store never reached is refused as the watch
 * cache refuses it (504), so a client holding versions from before an
 * emulator restart relists instead of waiting for changes that never come.
 */
export function watchStartRV(query: URLSearchParams, store: ObjectStore): number | undefined {
  const text = query.get('resourceVersion');
  if (text === null || text === '' || text === '0') return undefined;
  const rv = Number(text);
  if (!Number.isInteger(rv) || rv < 0) throw badRequest(`resourceVersion: Invalid value: "${text}": invalid resource version`);
  if (rv > Number(store.resourceVersion)) throw resourceVersionTooLarge(rv, store.resourceVersion);
  return rv;
}

/** What a watcher with this filter sees of one change, if anything. */
export function eventFor(change: Change, filter: ObjectFilter): { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: StoredObject } | undefined {
  const now = filter.matches(change.object);
  if (change.type === 'ADDED') return now ? { type: 'ADDED', object: change.object } : undefined;
  if (change.type === 'DELETED') return filter.matches(change.previous ?? change.object) ? { type: 'DELETED', object: change.object } : undefined;
  const before = change.previous ? filter.matches(change.previous) : now;
  if (now && before) return { type: 'MODIFIED', object: change.object };
  if (now) return { type: 'ADDED', object: change.object };
  if (before) {
    const previous = structuredClone(change.previous!);
    previous.metadata.resourceVersion = String(change.resourceVersion);
    return { type: 'DELETED', object: previous };
  }
  return undefined;
}

export function serveWatch(stream: WatchStream, options: WatchOptions): void {
  const { store, def, filter, query, present, startRV } = options;

  const sendChange = (change: Change) => {
    if (change.kind !== def.storeKind) return;
    const event = eventFor(change, filter);
    if (event) stream.send({ type: event.type, object: present(event.object) });
  };

  if (startRV !== undefined) {
    const replay = store.changesSince(startRV);
    if (replay === 'expired') {
      stream.send({ type: 'ERROR', object: expired(`too old resource version: ${startRV} (${store.oldestResumableRV})`) });
      stream.end();
      return;
    }
    for (const change of replay) sendChange(change);
  } else {
    const scanOptions = filter.namespace !== undefined ? { namespace: filter.namespace } : {};
    for (const object of store.scan(def.storeKind, scanOptions)) {
      if (filter.matches(object)) stream.send({ type: 'ADDED', object: present(object) });
    }
  }
  // Subscribing in the same tick as the replay leaves no gap between them.
  stream.onClose(store.subscribe(sendChange));

  if (query.get('allowWatchBookmarks') === 'true' || query.get('allowWatchBookmarks') === '1') {
    const bookmark = (): WatchEvent => ({
      type: 'BOOKMARK',
      object: { kind: def.kind, apiVersion: def.apiVersion, metadata: { resourceVersion: store.resourceVersion } },
    });
    const timer = setInterval(() => stream.send(bookmark()), options.bookmarkIntervalMs);
    stream.onClose(() => clearInterval(timer));
  }

  const timeoutText = query.get('timeoutSeconds');
  const timeoutS = timeoutText !== null && Number(timeoutText) > 0 ? Number(timeoutText) : DEFAULT_TIMEOUT_S * (1 + Math.random());
  const timeout = setTimeout(() => stream.end(), timeoutS * 1000);
  stream.onClose(() => clearTimeout(timeout));
}
