// Raw HTTP to the API server, with the credentials of src/kube/credentials.ts.
//
// Why not client-node's typed API calls: they deserialize every timestamp into
// a Date object, while the model works on the wire JSON (RFC 3339 strings) and
// compares resourceVersions and times exactly as the server sent them. Why not
// its Watch: it swallows malformed lines silently, has no idle timer (a watch
// whose TCP stream died quietly never ends, #364) and ends for good on
// ECONNRESET (#1496). So we speak HTTP ourselves, and client-node is loaded
// only for what it alone does (exec and auth-provider plugins, proxies).
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { ApiError, describeNetworkError, errorFromResponse } from './apiError.js';
import { CredentialError, requestOptions } from './credentials.js';
import type { Kubeconfig } from './kubeconfigFile.js';

/** The part of a ClusterConfig the transport needs. */
export interface ApiEndpoint {
  /** Its current context is the one requests are made as. */
  kubeConfig: Kubeconfig;
  server: string;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface GetOptions {
  query?: Query;
  signal?: AbortSignal;
  /** How long to wait for the response headers (connect, TLS, auth included). */
  headersTimeoutMs?: number;
}

export function buildUrl(server: string, path: string, query: Query = {}): URL {
  // A server URL may carry a path prefix (Rancher, some proxies): keep it.
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}

/**
 * GET `path`; resolves with the response once its status is 200, rejects with
 * an ApiError (HTTP status and the server's reason, or a network failure).
 * The caller consumes the body; aborting `signal` destroys the request.
 */
export async function openGet(endpoint: ApiEndpoint, path: string, options: GetOptions = {}): Promise<IncomingMessage> {
  const url = buildUrl(endpoint.server, path, options.query);
  const prepared = await requestOptions(endpoint.kubeConfig, url);
  const transport = url.protocol === 'http:' ? http : https;
  let request: http.ClientRequest;
  try {
    request = transport.request(url, {
      ...prepared,
      method: 'GET',
      headers: { ...prepared.headers, Accept: 'application/json' },
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    // Node loads the TLS material as it opens a connection, synchronously: a
    // client key that does not match its certificate fails here, not as an
    // 'error' event (and must not pass for "the server answered").
    throw new CredentialError(`cannot prepare credentials: ${describeNetworkError(error)}`);
  }
  return new Promise<IncomingMessage>((resolve, reject) => {
    const timer = setTimeout(() => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), options.headersTimeoutMs ?? 30_000);
    request.once('response', (response) => {
      clearTimeout(timer);
      if (response.statusCode === 200) {
        resolve(response);
        return;
      }
      errorFromResponse(response).then(reject, reject);
    });
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(new ApiError(describeNetworkError(error), undefined));
    });
    request.end();
  });
}

/** Reads a whole response body as UTF-8, failing when no byte arrives for `idleMs`. */
export async function readBody(response: IncomingMessage, idleMs = 30_000): Promise<string> {
  const chunks: Buffer[] = [];
  return new Promise<string>((resolve, reject) => {
    let timer = setTimeout(stall, idleMs);
    function stall() {
      response.destroy();
      reject(new ApiError('timed out reading the response', undefined));
    }
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(stall, idleMs);
    });
    response.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    response.once('error', (error) => {
      clearTimeout(timer);
      reject(new ApiError(describeNetworkError(error), undefined));
    });
    response.once('aborted', () => {
      clearTimeout(timer);
      reject(new ApiError('connection closed mid-response', undefined));
    });
  });
}

/** GET `path` and parse its JSON body. */
export async function getJson(endpoint: ApiEndpoint, path: string, options: GetOptions = {}): Promise<unknown> {
  const response = await openGet(endpoint, path, options);
  const body = await readBody(response);
  try {
    return JSON.parse(body);
  } catch {
    throw new ApiError(`malformed JSON from ${path}`, 200);
  }
}
