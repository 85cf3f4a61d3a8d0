// One resource kept in step with the API server: LIST (paged), then WATCH from
// the list's resourceVersion, forever, through every fault a real network and
// a real API server produce. client-node's informer is not used because it
// does not restart itself after an error and, when restarted naively, floods
// the server (kubernetes-client/javascript #1933, #795); its watch misses
// quiet TCP death and ECONNRESET (#364, #1496). This loop owns all of that:
//
//   - a dropped, cut or timed-out stream → rewatch from the last RV seen
//     (bookmarks keep it fresh), so nothing is missed and nothing repeats;
//   - 410 Expired (HTTP or ERROR event) → relist and reconcile with what we
//     hold: a delete for each vanished object, an update for each changed one,
//     nothing for the unchanged;
//   - silence longer than the idle limit → the stream is dead, replace it;
//   - every failure → jittered exponential back-off, Retry-After honoured;
//   - a cluster-wide LIST forbidden → fall back to one namespace, and say so.
//
// What it retains is tiny on purpose: per object only its key, uid and
// resourceVersion — enough to reconcile after a relist. The objects
// themselves go straight to the sink.
import type { ConnectionPhase, ConnectionState } from '../model/observations.js';
import type { ObjectMeta } from '../model/types.js';
import { ApiError, errorFromStatus } from './apiError.js';
import { Backoff, type BackoffOptions } from './backoff.js';
import { failureState, forbiddenDetail, resourceRef, type RequestScope } from './failureState.js';
import { isOlderResourceVersion } from './resourceVersion.js';
import { getJson, openGet, type ApiEndpoint, type Query } from './transport.js';
import { readWatchLines, type StreamEnd } from './watchLines.js';

/**
 * Objects per LIST page. Pages are fetched one after another (each needs the
 * last one's continue token) while this process parses them: 1,000 halves the
 * round trips of kubectl's 500, which brought 10,000 pods on screen from
 * ~2.3 s to ~2.0 s here; 2,000 was faster still (1.6–1.9 s) but each page's
 * JSON then pushed RSS at 10,000 pods from ~230 to ~270 MB.
 */
const DEFAULT_PAGE_SIZE = 1_000;

export interface ReflectorSpec<T extends { metadata: ObjectMeta }> {
  /** Name of the stream in connection state, e.g. "pods". */
  stream: string;
  /** Resource and API group, for messages: "pods" and "" (core). */
  resource: string;
  group: string;
  /** The collection's path: cluster-wide when `namespace` is undefined. */
  path: (namespace: string | undefined) => string;
  /** undefined watches every namespace. */
  namespace: string | undefined;
  /** Where to fall back when a cluster-wide list is forbidden. */
  fallbackNamespace?: string;
  /** labelSelector / fieldSelector for both LIST and WATCH. */
  query: Query;
  /** Turns a wire object into what the sink gets (slimmed, sanitized). */
  decode: (raw: unknown) => T;
}

export interface ReflectorSink<T> {
  upsert(object: T): void;
  remove(object: T): void;
  /** A list (initial or re-) has been fully delivered. */
  synced(): void;
  connection(state: ConnectionState): void;
}

export interface ReflectorTuning {
  now?: () => number;
  random?: () => number;
  /** LIST page size (limit). */
  pageSize?: number;
  /** Silence after which a watch is presumed dead; unset, it is learned from the bookmarks' rhythm. */
  idleMs?: number;
  /** Floor of the learned idle limit (default 15 s). */
  minIdleMs?: number;
  /** Server-side watch timeout; each watch adds up to 20% jitter so many clients spread out. */
  watchTimeoutSeconds?: number;
  /** How long to wait for response headers. */
  requestTimeoutMs?: number;
  backoff?: BackoffOptions;
}

/**
 * Silence allowed before the server's bookmark rhythm is known: kube-apiserver
 * sends a bookmark about once a minute, so a bit over two minutes. Once two
 * bookmarks in a row were timed, the limit becomes 2.5 gaps (never below
 * MIN_IDLE_MS): against the emulator (every 10 s) a dead stream is noticed in
 * 25 s rather than two minutes.
 */
export const DEFAULT_IDLE_MS = 2 * 60_000 + 5_000;
const MIN_IDLE_MS = 15_000;

interface Known {
  uid: string;
  resourceVersion: string;
}

interface ListPage {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: unknown[];
}

interface WatchLine {
  type?: string;
  object?: { metadata?: { resourceVersion?: string } };
}

const keyOf = (meta: ObjectMeta) => `${meta.namespace ?? ''}/${meta.name}`;

export class Reflector<T extends { metadata: ObjectMeta }> {
  private readonly known = new Map<string, Known>();
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private readonly random: () => number;
  private namespace: string | undefined;
  /** Said alongside live/connecting once we fell back to one namespace. */
  private scopeNote: string | undefined;
  /** Said alongside live/connecting once a malformed watch line was skipped. */
  private malformedNote: string | undefined;
  private resourceVersion: string | undefined;
  private state: ConnectionState | undefined;
  private malformedLines = 0;
  /** Longest gap timed between two consecutive bookmarks of one stream (wall-clock ms), 0 until known. */
  private bookmarkGapMs = 0;
  private lastBookmarkAt: number | undefined;
  /** Events and bookmarks the current (or last) watch delivered. */
  private deliveredInWatch = 0;
  private stopped = false;
  private running: AbortController | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly endpoint: ApiEndpoint,
    private readonly spec: ReflectorSpec<T>,
    private readonly sink: ReflectorSink<T>,
    private readonly tuning: ReflectorTuning = {},
  ) {
    this.now = tuning.now ?? Date.now;
    this.random = tuning.random ?? tuning.backoff?.random ?? Math.random;
    this.backoff = new Backoff({ random: this.random, ...tuning.backoff });
    this.namespace = spec.namespace;
  }

  /** How many objects the reflector holds a version of (for tests and the status bar). */
  get size(): number {
    return this.known.size;
  }

  start(): void {
    this.setPhase('connecting');
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.running?.abort();
    this.wake?.();
  }

  private async run(): Promise<void> {
    let mustList = true;
    let expiredInARow = 0;
    while (!this.stopped) {
      let watching = false;
      try {
        if (mustList) {
          await this.list();
          mustList = false;
          if (this.stopped) return;
        }
        watching = true;
        await this.watch();
        expiredInARow = 0;
      } catch (error) {
        if (this.stopped) return;
        const failure = error instanceof ApiError ? error : new ApiError(String((error as Error)?.message ?? error), undefined);
        if (failure.expired || failure.resourceVersionTooLarge) {
          // Relist at once, as client-go does; only a server that answers
          // 410 (or 504) again before a watch delivered anything earns a pause.
          mustList = true;
          if (watching && this.deliveredInWatch > 0) expiredInARow = 0;
          if (++expiredInARow === 1) continue;
        }
        if (failure.status === 403 && this.fallBackToNamespace(failure, watching)) {
          mustList = true;
          continue;
        }
        // A stream that was delivering when it broke (cut, garbled, gone
        // quiet) is resumed at once from its last resourceVersion: the server
        // was making progress, so this cannot spin. Failures to connect, and
        // HTTP errors, wait their back-off.
        if (watching && failure.status === undefined && this.deliveredInWatch > 0) continue;
        await this.pauseAfter(failure, watching);
      }
    }
  }

  /** LIST in pages, reconcile against what we hold, remember the list's resourceVersion. */
  private async list(): Promise<void> {
    const seen = new Set<string>();
    let listRV: string | undefined;
    let continueToken: string | undefined;
    for (;;) {
      let page: ListPage;
      try {
        page = (await getJson(this.endpoint, this.spec.path(this.namespace), {
          query: { ...this.spec.query, limit: this.tuning.pageSize ?? DEFAULT_PAGE_SIZE, continue: continueToken },
          ...this.requestSignal(),
        })) as ListPage;
      } catch (error) {
        // The continue token outlived the server's snapshot: start the list over.
        if (continueToken && error instanceof ApiError && error.expired) {
          continueToken = undefined;
          listRV = undefined;
          seen.clear();
          continue;
        }
        throw error;
      }
      // The first page's RV is the snapshot the rest belong to (and if a
      // server's later pages were newer, the watch replays from the older RV
      // and isOlderResourceVersion drops the repeats).
      listRV ??= page.metadata?.resourceVersion;
      for (const raw of page.items ?? []) {
        const object = this.spec.decode(raw);
        const key = keyOf(object.metadata);
        seen.add(key);
        this.reconcileListed(key, object);
      }
      continueToken = page.metadata?.continue || undefined;
      if (!continueToken || this.stopped) break;
    }
    if (this.stopped) return;
    for (const [key, held] of this.known) {
      if (!seen.has(key)) {
        this.known.delete(key);
        this.sink.remove(this.tombstone(key, held));
      }
    }
    if (!listRV) throw new ApiError(`list of ${this.spec.resource} returned no resourceVersion`, undefined);
    this.resourceVersion = listRV;
    this.backoff.healthy(performance.now());
    this.sink.synced();
  }

  private reconcileListed(key: string, object: T): void {
    const held = this.known.get(key);
    const uid = object.metadata.uid ?? '';
    const resourceVersion = object.metadata.resourceVersion ?? '';
    if (held && held.uid === uid && held.resourceVersion === resourceVersion) return;
    // Same name, new uid: the object was deleted and recreated while we were away.
    if (held && held.uid !== uid) this.sink.remove(this.tombstone(key, held));
    this.known.set(key, { uid, resourceVersion });
    this.sink.upsert(object);
  }

  /** A minimal object for a delete we inferred (the real one is gone). */
  private tombstone(key: string, held: Known): T {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    return this.spec.decode({
      metadata: { name: key.slice(slash + 1), ...(namespace && { namespace }), uid: held.uid, resourceVersion: held.resourceVersion },
    });
  }

  /** One WATCH from the current resourceVersion; returns when it ended cleanly, throws otherwise. */
  private async watch(): Promise<void> {
    // Reset before connecting: a refused connection must not count the last stream's deliveries.
    this.deliveredInWatch = 0;
    const timeoutSeconds = Math.round((this.tuning.watchTimeoutSeconds ?? 300) * (1 + 0.2 * this.random()));
    const response = await openGet(this.endpoint, this.spec.path(this.namespace), {
      query: {
        ...this.spec.query,
        watch: 1,
        resourceVersion: this.resourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds,
      },
      ...this.requestSignal(),
    });
    this.setPhase('live');
    this.lastBookmarkAt = undefined;
    const openedAt = performance.now();
    let failure: ApiError | undefined;
    const end: StreamEnd = await readWatchLines(response, {
      idleMs: () => this.idleLimit(),
      onLine: (line) => {
        let event: WatchLine;
        try {
          event = JSON.parse(line) as WatchLine;
        } catch {
          // We cannot know whether the garbled line was an event we needed,
          // so skip it and resume from the last good resourceVersion: the
          // server replays whatever came after it.
          this.skippedMalformed();
          failure = new ApiError('malformed line in the watch stream', undefined);
          return 'stop';
        }
        if (event.type === 'ERROR') {
          failure = errorFromStatus(event.object);
          return 'stop';
        }
        if (!this.applyWatchEvent(event)) {
          this.skippedMalformed();
          failure = new ApiError('watch event of unknown shape', undefined);
          return 'stop';
        }
        this.deliveredInWatch++;
        this.backoff.healthy(performance.now());
        return 'continue';
      },
    });
    if (failure) throw failure;
    if (end.kind === 'ended' && end.partial) throw new ApiError('watch stream cut mid-event', undefined);
    // A watch the server ends at once, again and again, must not become a tight loop.
    if (this.deliveredInWatch === 0 && performance.now() - openedAt < 1000) throw new ApiError('watch ended at once', undefined);
  }

  /** Learns the server's bookmark rhythm (the idle timer runs on wall-clock time, so this does too). */
  private timeBookmark(): void {
    const at = performance.now();
    if (this.lastBookmarkAt !== undefined) this.bookmarkGapMs = Math.max(this.bookmarkGapMs, at - this.lastBookmarkAt);
    this.lastBookmarkAt = at;
  }

  private idleLimit(): number {
    if (this.tuning.idleMs !== undefined) return this.tuning.idleMs;
    if (this.bookmarkGapMs === 0) return DEFAULT_IDLE_MS;
    return Math.min(DEFAULT_IDLE_MS, Math.max(this.tuning.minIdleMs ?? MIN_IDLE_MS, 2.5 * this.bookmarkGapMs));
  }

  /** Counts a skipped line; the count stays in the live state's detail so the user knows. */
  private skippedMalformed(): void {
    this.malformedLines++;
    const plural = this.malformedLines === 1 ? 'line' : 'lines';
    this.malformedNote = `skipped ${this.malformedLines} malformed watch ${plural}`;
    if (this.state?.phase === 'live') this.setPhase('live');
  }

  /** Applies one ADDED/MODIFIED/DELETED/BOOKMARK; false when the line is not a watch event. */
  private applyWatchEvent(event: WatchLine): boolean {
    const objectRV = event.object?.metadata?.resourceVersion;
    if (event.type === 'BOOKMARK') {
      if (objectRV) this.resourceVersion = objectRV;
      this.timeBookmark();
      return true;
    }
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED') return false;
    if (!event.object || typeof event.object !== 'object') return false;
    const object = this.spec.decode(event.object);
    const key = keyOf(object.metadata);
    const resourceVersion = object.metadata.resourceVersion ?? '';
    if (resourceVersion) this.resourceVersion = resourceVersion;
    const held = this.known.get(key);
    const sameInstance = held !== undefined && held.uid === (object.metadata.uid ?? '');
    // A change we already hold (a list page newer than the list RV) or older.
    if (sameInstance && (held.resourceVersion === resourceVersion || isOlderResourceVersion(resourceVersion, held.resourceVersion))) return true;
    if (event.type === 'DELETED') {
      if (!held) return true; // already reported gone by a relist
      this.known.delete(key);
      this.sink.remove(object);
      return true;
    }
    if (held && !sameInstance) this.sink.remove(this.tombstone(key, held));
    this.known.set(key, { uid: object.metadata.uid ?? '', resourceVersion });
    this.sink.upsert(object);
    return true;
  }

  /** Forbidden at cluster scope: watch the fallback namespace instead, and say so. Returns whether it did. */
  private fallBackToNamespace(failure: ApiError, watching: boolean): boolean {
    if (this.namespace !== undefined || this.spec.fallbackNamespace === undefined) return false;
    const scope = this.scope(watching);
    this.setPhase('forbidden', forbiddenDetail(failure, scope));
    this.namespace = this.spec.fallbackNamespace;
    this.scopeNote = `cluster-wide ${scope.verb} of ${resourceRef(scope)} forbidden; showing namespace "${this.namespace}" only`;
    this.setPhase('connecting');
    return true;
  }

  private async pauseAfter(failure: ApiError, watching: boolean): Promise<void> {
    // Back-off runs on wall-clock time (its timer does); the state is dated by the client's clock.
    const wall = performance.now();
    const delay = failure.retryAfterMs !== undefined ? this.backoff.failedWithRetryAfter(wall, failure.retryAfterMs) : this.backoff.failed(wall);
    const now = this.now();
    const { phase, detail } = failureState(failure, this.scope(watching));
    this.setPhase(phase, detail, now + delay, now);
    await this.sleep(delay);
  }

  private scope(watching: boolean): RequestScope {
    return { verb: watching ? 'watch' : 'list', resource: this.spec.resource, group: this.spec.group, namespace: this.namespace };
  }

  private setPhase(phase: ConnectionPhase, detail?: string, nextAttemptAt?: number, at = this.now()): void {
    const notes = [this.scopeNote, this.malformedNote].filter(Boolean).join('; ') || undefined;
    const shownDetail = phase === 'live' || phase === 'connecting' ? (detail ?? notes) : detail;
    const previous = this.state;
    if (previous && previous.phase === phase && previous.detail === shownDetail && previous.nextAttemptAt === nextAttemptAt) return;
    const state: ConnectionState = {
      phase,
      stream: this.spec.stream,
      since: previous && previous.phase === phase ? previous.since : at,
      ...(shownDetail !== undefined && { detail: shownDetail }),
      ...(nextAttemptAt !== undefined && { nextAttemptAt }),
    };
    this.state = state;
    this.sink.connection(state);
  }

  private requestSignal(): { signal: AbortSignal; headersTimeoutMs: number } {
    this.running = new AbortController();
    return { signal: this.running.signal, headersTimeoutMs: this.tuning.requestTimeoutMs ?? 30_000 };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
