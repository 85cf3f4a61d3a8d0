// LIST, as the API server pages it: items in key order, `limit` per page, a
// `continue` token carrying the list's resourceVersion and the last key
// served. The body is written in chunks while the store is scanned, so a
// 30,000-pod list is never one huge string, and a slow reader pauses the scan
// (it resumes after the last key, like a continue token would).
import type { ServerResponse } from 'node:http';
import { objectKey, type ObjectStore, type StoredObject } from '../store.js';
import type { ObjectFilter } from './filter.js';
import type { ResourceDef } from './resources.js';
import { ApiError, badRequest, expired } from './status.js';

/** How a list is wrapped: a PodList's items, or a Table's rows. */
export interface ListFormat {
  head: Record<string, unknown>;
  itemsKey: 'items' | 'rows';
  item(object: StoredObject): unknown;
}

interface ContinueToken {
  rv: number;
  start: string;
}

const CHUNK_BYTES = 64 * 1024;

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: token.start })).toString('base64url');
}

export function decodeContinue(text: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { v?: string; rv?: unknown; start?: unknown };
    if (parsed.v === 'meta.k8s.io/v1' && typeof parsed.rv === 'number' && typeof parsed.start === 'string') return { rv: parsed.rv, start: parsed.start };
  } catch {
    // fall through to the API server's answer for a token it cannot read
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

export function parseLimit(text: string | null): number {
  if (text === null || text === '') return 0;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit: ${text}`);
  return limit;
}

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export async function serveList(
  res: ServerResponse,
  store: ObjectStore,
  def: ResourceDef,
  filter: ObjectFilter,
  query: URLSearchParams,
  format: ListFormat,
): Promise<void> {
  const limit = parseLimit(query.get('limit'));
  let listRV = Number(store.resourceVersion);
  let after: string | undefined;
  const token = query.get('continue');
  if (token) {
    const from = decodeContinue(token);
    if (from.rv < store.oldestResumableRV) {
      throw new ApiError(
        expired(
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        ),
      );
    }
    listRV = from.rv;
    after = from.start;
  }

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  const head = JSON.stringify(format.head);
  let chunk = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"${format.itemsKey}":[`;
  let served = 0;
  let lastKey: string | undefined;
  let more = false;
  const scanAfter = (key: string | undefined) =>
    store.scan(def.storeKind, { ...(filter.namespace !== undefined && { namespace: filter.namespace }), ...(key !== undefined && { after: key }) });
  let objects = scanAfter(after);
  for (;;) {
    const next = objects.next();
    if (next.done) break;
    const object = next.value;
    if (!filter.matches(object)) continue;
    if (limit > 0 && served === limit) {
      more = true;
      break;
    }
    chunk += (served > 0 ? ',' : '') + JSON.stringify(format.item(object));
    served++;
    lastKey = objectKey(object);
    if (chunk.length >= CHUNK_BYTES) {
      const flushed = res.write(chunk);
      chunk = '';
      if (!flushed) {
        await waitForDrain(res);
        if (res.destroyed) return;
        // The store may have changed while we waited: continue after the last key served.
        objects = scanAfter(lastKey);
      }
    }
  }

  const metadata: Record<string, unknown> = { resourceVersion: String(listRV) };
  if (more && lastKey !== undefined) {
    metadata.continue = encodeContinue({ rv: listRV, start: lastKey });
    if (filter.unfiltered) {
      metadata.remainingItemCount = store.countFrom(def.storeKind, { ...(filter.namespace !== undefined && { namespace: filter.namespace }), after: lastKey });
    }
  }
  res.end(`${chunk}],"metadata":${JSON.stringify(metadata)}}`);
}
