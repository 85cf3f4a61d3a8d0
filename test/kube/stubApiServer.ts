// A small API server for the watch loop's own tests: pods and events with one
// resourceVersion counter, paged LIST, WATCH with bookmarks and a history
// window, and hooks to break it exactly the way a test needs (cut a stream
// mid-line, garble it, expire it, go silent, answer 401/403/429). The full
// emulator (src/sim) is exercised by the integration tests; this stub keeps
// each fault deterministic and each test fast.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { coreToEventsV1 } from '../../src/model/eventsV1.js';
import type { KubeEvent } from '../../src/model/types.js';

type Kind = 'pods' | 'events';
type Obj = {
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; [key: string]: unknown };
  [key: string]: unknown;
};

interface Change {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  kind: Kind;
  object: Obj;
  rv: number;
}

interface Watcher {
  kind: Kind;
  namespace: string | undefined;
  v1: boolean;
  response: ServerResponse;
}

export interface RequestLog {
  method: string;
  path: string;
  query: URLSearchParams;
}

/** Answer a request with this instead of serving it (undefined: serve normally; status 0: drop the connection). */
export type Override = (request: RequestLog) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export class StubApiServer {
  readonly requests: RequestLog[] = [];
  override: Override | undefined;
  private readonly server: Server;
  private readonly objects = new Map<Kind, Map<string, Obj>>([
    ['pods', new Map()],
    ['events', new Map()],
  ]);
  private history: Change[] = [];
  private compactedRV = 0;
  private rv = 100;
  private watchers = new Set<Watcher>();
  private bookmarkTimer: NodeJS.Timeout | undefined;
  private bookmarksPaused = false;
  url = '';

  constructor(private readonly bookmarkIntervalMs = 100) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.bookmarkTimer = setInterval(() => this.bookmark(), this.bookmarkIntervalMs);
    return this;
  }

  async close(): Promise<void> {
    clearInterval(this.bookmarkTimer);
    for (const w of this.watchers) w.response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A kubeconfig file pointing at this server, as a user would have. */
  writeKubeconfig(namespace = 'default'): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'podtui-stub-'));
    const file = path.join(dir, 'config');
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: stub',
        'clusters:',
        '- name: stub',
        '  cluster:',
        `    server: ${this.url}`,
        '    insecure-skip-tls-verify: true',
        'users:',
        '- name: stub',
        '  user:',
        '    token: stub-token',
        'contexts:',
        '- name: stub',
        '  context:',
        '    cluster: stub',
        '    user: stub',
        `    namespace: ${namespace}`,
      ].join('\n'),
    );
    return file;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  put(kind: Kind, object: Obj): Obj {
    const key = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    const existing = this.objects.get(kind)!.get(key);
    const stored = structuredClone(object);
    stored.metadata.uid ??= existing?.metadata.uid ?? `uid-${key}-${this.rv}`;
    this.commit(existing ? 'MODIFIED' : 'ADDED', kind, key, stored);
    return stored;
  }

  remove(kind: Kind, namespace: string, name: string): void {
    const key = `${namespace}/${name}`;
    const existing = this.objects.get(kind)!.get(key);
    if (existing) this.commit('DELETED', kind, key, structuredClone(existing));
  }

  list(kind: Kind): Obj[] {
    return [...this.objects.get(kind)!.values()];
  }

  /** Forget the change history: every older resourceVersion now answers 410. */
  compact(): void {
    this.history = [];
    this.compactedRV = this.rv;
  }

  /** Ends every open watch with a line cut in half. */
  cutWatches(): void {
    for (const w of this.watchers) {
      w.response.write('{"type":"MODIFIED","object":{"metadata":{"na');
      w.response.socket?.destroy();
    }
    this.watchers.clear();
  }

  /** Writes a line that is not JSON into every open watch. */
  garbleWatches(): void {
    for (const w of this.watchers) w.response.write('{"type":"MODIFIED","object":{"metadata":\n');
  }

  /** Sends an ERROR 410 Expired into every open watch. */
  expireWatches(): void {
    for (const w of this.watchers) {
      this.writeEvent(w, {
        type: 'ERROR',
        object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 410, reason: 'Expired', message: `too old resource version: 1 (${this.rv})` },
      });
    }
  }

  /** Stops bookmarks (and so every sign of life on quiet streams). */
  pauseBookmarks(paused: boolean): void {
    this.bookmarksPaused = paused;
  }

  get openWatches(): number {
    return this.watchers.size;
  }

  watchRequests(kind: Kind = 'pods'): RequestLog[] {
    return this.requests.filter((r) => r.query.get('watch') === '1' && r.path.endsWith(`/${kind}`));
  }

  private commit(type: Change['type'], kind: Kind, key: string, object: Obj): void {
    this.rv++;
    object.metadata.resourceVersion = String(this.rv);
    if (type === 'DELETED') this.objects.get(kind)!.delete(key);
    else this.objects.get(kind)!.set(key, object);
    const change: Change = { type, kind, object, rv: this.rv };
    this.history.push(change);
    for (const w of this.watchers) if (this.matches(w, change)) this.writeEvent(w, { type, object: this.view(w.v1, object) });
  }

  private matches(w: Watcher, change: Change): boolean {
    return w.kind === change.kind && (w.namespace === undefined || w.namespace === change.object.metadata.namespace);
  }

  private view(v1: boolean, object: Obj): unknown {
    return v1 ? coreToEventsV1(object as unknown as KubeEvent) : object;
  }

  private writeEvent(w: Watcher, event: unknown): void {
    w.response.write(JSON.stringify(event) + '\n');
  }

  private bookmark(): void {
    if (this.bookmarksPaused) return;
    for (const w of this.watchers) {
      this.writeEvent(w, { type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: String(this.rv) } } });
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stub');
    const request: RequestLog = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams };
    this.requests.push(request);
    const forced = this.override?.(request);
    if (forced?.status === 0) {
      req.socket.destroy(); // no HTTP answer at all: the client sees a network failure
      return;
    }
    if (forced) {
      res.writeHead(forced.status, { 'content-type': 'application/json', ...forced.headers });
      res.end(JSON.stringify(forced.body ?? { kind: 'Status', code: forced.status, message: `forced ${forced.status}` }));
      return;
    }
    const route = /^\/(?:api\/v1|apis\/(events\.k8s\.io)\/v1)(?:\/namespaces\/([^/]+))?\/(pods|events)$/.exec(url.pathname);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const v1 = route[1] !== undefined;
    const namespace = route[2];
    const kind = route[3] as Kind;
    if (url.searchParams.get('watch') === '1') this.watch(res, kind, namespace, v1, Number(url.searchParams.get('resourceVersion')));
    else this.listPage(res, kind, namespace, v1, url.searchParams);
  }

  private listPage(res: ServerResponse, kind: Kind, namespace: string | undefined, v1: boolean, query: URLSearchParams): void {
    const all = [...this.objects.get(kind)!.entries()]
      .filter(([, o]) => namespace === undefined || o.metadata.namespace === namespace)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const limit = Number(query.get('limit') ?? 0) || all.length;
    const start = Number(query.get('continue') ?? 0);
    const page = all.slice(start, start + limit).map(([, o]) => this.view(v1, o));
    const next = start + limit < all.length ? String(start + limit) : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'List', metadata: { resourceVersion: String(this.rv), ...(next && { continue: next }) }, items: page }));
  }

  private watch(res: ServerResponse, kind: Kind, namespace: string | undefined, v1: boolean, from: number): void {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.flushHeaders();
    const watcher: Watcher = { kind, namespace, v1, response: res };
    if (from < this.compactedRV) {
      this.writeEvent(watcher, { type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: `too old resource version: ${from} (${this.compactedRV})` } });
      res.end();
      return;
    }
    for (const change of this.history) {
      if (change.rv > from && this.matches(watcher, change)) this.writeEvent(watcher, { type: change.type, object: this.view(v1, change.object) });
    }
    this.watchers.add(watcher);
    res.on('close', () => this.watchers.delete(watcher));
  }
}

/** A pod as the stub serves it: realistic enough to slim, small enough to read. */
export function stubPod(name: string, namespace = 'default', phase = 'Running', extra: Record<string, unknown> = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app: name.split('-')[0]! }, managedFields: [{ manager: 'kubelet' }] },
    spec: { nodeName: 'worker-1', containers: [{ name: 'app', image: 'nginx:1.27', env: [{ name: 'A', value: 'b' }] }] },
    status: { phase, containerStatuses: [{ name: 'app', ready: phase === 'Running', restartCount: 0, state: { running: { startedAt: '2026-11-25T10:00:00Z' } } }] },
    ...extra,
  };
}

export function stubEvent(name: string, pod: string, reason: string, namespace = 'default'): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject: { kind: 'Pod', name: pod, namespace },
    reason,
    message: `${reason} for ${pod}`,
    type: 'Normal',
    source: { component: 'kubelet', host: 'worker-1' },
    firstTimestamp: '2026-11-25T10:00:00Z',
    lastTimestamp: '2026-11-25T10:00:00Z',
    count: 1,
  };
}
