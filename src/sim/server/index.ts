// The emulator's API server: plain node:http on 127.0.0.1, serving pods,
// events and namespaces from the emulator's store the way kube-apiserver
// does, so @kubernetes/client-node and the real kubectl work against it
// unchanged. Faults (src/sim/faults.ts) are injected here, per request and
// per watch write.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../emulator.js';
import type { StoredObject } from '../store.js';
import { FaultController } from '../faults.js';
import { discoveryDocument } from './discovery.js';
import { compileFilter } from './filter.js';
import { serveList, type ListFormat } from './list.js';
import { asApiError, createEvent, createPod, deletePod, getObject, parseBody, requestedGracePeriod } from './objects.js';
import { servePodLogs } from './podLogs.js';
import type { ResourceDef } from './resources.js';
import { parseResourcePath, type ResourceRoute } from './routes.js';
import { tableListFormat, tableOfOne, tableRequest } from './table.js';
import {
  ApiError,
  badRequest,
  forbidden,
  internalError,
  methodNotAllowed,
  sendError,
  sendJson,
  tooManyRequests,
  unauthorized,
  unknownPath,
} from './status.js';
import { serveWatch, watchStartRV } from './watch.js';
import { WatchStream } from './watchStream.js';

export interface ApiServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** How often a watch with allowWatchBookmarks gets a BOOKMARK (real time). Default 10 000 ms. */
  bookmarkIntervalMs?: number;
}

export interface ApiServer {
  url: string;
  port: number;
  faults: FaultController;
  /** Ends every open watch and log stream, closes every socket, stops listening. */
  close(): Promise<void>;
}

type Verb = 'get' | 'list' | 'watch' | 'create' | 'delete';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

function isWatch(route: ResourceRoute, query: URLSearchParams): boolean {
  const watch = query.get('watch');
  return route.watchPrefix || watch === 'true' || watch === '1';
}

function verbOf(method: string | undefined, route: ResourceRoute, query: URLSearchParams): Verb {
  if (route.subresource !== undefined) {
    if (route.def.resource !== 'pods' || route.subresource !== 'log') throw unknownPath();
    if (method !== 'GET') throw methodNotAllowed();
    return 'get';
  }
  switch (method) {
    case 'GET':
      if (isWatch(route, query)) return 'watch';
      return route.name === undefined ? 'list' : 'get';
    case 'POST':
      if (route.name !== undefined || route.namespace === undefined || !route.def.verbs.includes('create')) throw methodNotAllowed();
      return 'create';
    case 'DELETE':
      if (route.name === undefined || !route.def.verbs.includes('delete')) throw methodNotAllowed();
      return 'delete';
    default:
      throw methodNotAllowed();
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ApiError({ ...badRequest('request entity too large').status, code: 413, reason: 'RequestEntityTooLarge' }));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startApiServer(emulator: Emulator, options: ApiServerOptions = {}): Promise<ApiServer> {
  const faults = new FaultController();
  const host = options.host ?? '127.0.0.1';
  const bookmarkIntervalMs = options.bookmarkIntervalMs ?? 10_000;
  /** Stoppers of streaming responses (watches, followed logs), for close(). */
  const streams = new Set<() => void>();
  let address = '';

  const track = (stop: () => void, res: ServerResponse) => {
    streams.add(stop);
    res.on('close', () => streams.delete(stop));
  };

  const plainList = (def: ResourceDef): ListFormat => ({ head: { kind: def.listKind, apiVersion: def.apiVersion }, itemsKey: 'items', item: def.toWire });

  async function handleResource(req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> {
    const { def } = route;
    const verb = verbOf(req.method, route, query);
    const resourceName = route.subresource ? `${def.resource}/${route.subresource}` : def.resource;
    if (faults.forbids({ resource: resourceName, group: def.group, namespace: route.namespace })) {
      throw forbidden(verb, resourceName, def.group, route.namespace, route.name);
    }
    if (faults.strikes('error')) throw faults.errorStatus() === 429 ? tooManyRequests() : internalError('etcdserver: request timed out');
    const stall = faults.stallMs();
    if (stall > 0) await sleep(stall);
    if (res.destroyed) return;
    const { store, clock } = emulator;
    // `expire` strikes where a client resumes from an old resourceVersion: watches and continued lists.
    if ((verb === 'watch' || (verb === 'list' && query.get('continue'))) && faults.strikes('expire')) store.compact();

    // kubectl asks for server-side printed Tables; everyone else gets the objects.
    const table = tableRequest(req.headers.accept, query);
    const present = (object: StoredObject) => (table ? tableOfOne(def, table, object, clock.now()) : def.toWire(object));
    switch (verb) {
      case 'get':
        if (route.subresource === 'log') {
          track(servePodLogs(emulator, res, route.namespace!, route.name!, query), res);
          return;
        }
        sendJson(res, 200, present(getObject(store, def, route.namespace, route.name!)));
        return;
      case 'list': {
        const format = table ? tableListFormat(def, table, clock.now()) : plainList(def);
        await serveList(res, store, def, compileFilter(def, route.namespace, query), query, format);
        return;
      }
      case 'watch': {
        // A watch on one object by name is a watch narrowed to that name.
        if (route.name !== undefined) query.set('fieldSelector', [query.get('fieldSelector'), `metadata.name=${route.name}`].filter(Boolean).join(','));
        // Refusals (bad selector or resourceVersion) must come before the stream's 200.
        const filter = compileFilter(def, route.namespace, query);
        const startRV = watchStartRV(query, store);
        const stream = new WatchStream(res, faults);
        track(() => stream.closeNow(), res);
        serveWatch(stream, { store, def, filter, query, startRV, present, bookmarkIntervalMs });
        return;
      }
      case 'create': {
        const body = parseBody(await readBody(req));
        const created = def.resource === 'pods' ? createPod(store, route.namespace!, body) : createEvent(store, def, route.namespace!, body);
        sendJson(res, 201, def.toWire(created));
        return;
      }
      case 'delete': {
        const text = await readBody(req);
        const grace = requestedGracePeriod(query, text.trim() ? parseBody(text) : undefined);
        sendJson(res, 200, def.toWire(deletePod(emulator, route.namespace!, route.name!, grace)));
        return;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (faults.authFailure === 401) throw unauthorized();
    const document = discoveryDocument(url.pathname, address);
    if (document !== undefined) {
      if (req.method !== 'GET') throw methodNotAllowed();
      if (typeof document === 'string') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(document);
      } else sendJson(res, 200, document);
      return;
    }
    await handleResource(req, res, parseResourcePath(url.pathname), url.searchParams);
  }

  const server = createServer((req, res) => {
    // The server's clock is the emulated one (it runs --speed times faster in the
    // demo): a client may read its skew from Date, as from any cluster's.
    res.setHeader('Date', new Date(emulator.clock.now()).toUTCString());
    handle(req, res).catch((error: unknown) => {
      const failure = asApiError(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, failure instanceof ApiError ? failure : internalError((failure as Error)?.message ?? String(failure)));
    });
  });
  server.on('connection', (socket) => socket.setNoDelay(true));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  address = `${host}:${port}`;

  return {
    url: `http://${address}`,
    port,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stop of [...streams]) stop();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
