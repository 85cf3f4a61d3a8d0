// Failures as the API server words them: a metav1.Status body with the HTTP
// code, a machine reason and the same message text a real cluster sends, so
// clients (and users reading kubectl's output) cannot tell the difference.
import type { ServerResponse } from 'node:http';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: { reason?: string; message: string; field?: string }[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

export function failure(code: number, reason: string, message: string, details?: StatusDetails): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details && { details }), code };
}

/** A request the server refuses; handlers throw it, the dispatcher answers it. */
export class ApiError extends Error {
  constructor(
    readonly status: Status,
    readonly headers: Record<string, string> = {},
  ) {
    super(status.message);
  }
}

export const notFound = (resource: string, name: string, group?: string) =>
  new ApiError(failure(404, 'NotFound', `${resource}${group ? `.${group}` : ''} "${name}" not found`, { name, ...(group && { group }), kind: resource }));

/** What the server says for a path or resource it does not serve. */
export const unknownPath = () => new ApiError(failure(404, 'NotFound', 'the server could not find the requested resource'));

export const badRequest = (message: string) => new ApiError(failure(400, 'BadRequest', message));

export const methodNotAllowed = () =>
  new ApiError(failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));

export const alreadyExists = (resource: string, name: string) =>
  new ApiError(failure(409, 'AlreadyExists', `${resource} "${name}" already exists`, { name, kind: resource }));

export const invalid = (kind: string, name: string, causes: { field: string; message: string }[]) =>
  new ApiError(
    failure(422, 'Invalid', `${kind} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`, {
      name,
      kind,
      causes: causes.map((c) => ({ reason: 'FieldValueRequired', message: c.message, field: c.field })),
    }),
  );

/** 410 for a watch or continue token that reaches back past the kept window. */
export const expired = (message: string) => failure(410, 'Expired', message);

/** A resourceVersion the store has not reached (e.g. kept across an emulator restart). */
export const resourceVersionTooLarge = (asked: number, current: string) =>
  new ApiError(
    failure(504, 'Timeout', `Timeout: Too large resource version: ${asked}, current: ${current}`, {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    }),
  );

export const unauthorized = () => new ApiError(failure(401, 'Unauthorized', 'Unauthorized'));

/** RBAC's refusal, in its exact words. */
export function forbidden(verb: string, resource: string, group: string, namespace: string | undefined, name?: string): ApiError {
  const user = 'system:serviceaccount:default:podtui';
  const plural = resource.split('/')[0]!;
  const subject = `${plural}${group ? `.${group}` : ''}${name ? ` "${name}"` : ''}`;
  const scope = namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
  const message = `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`;
  return new ApiError(failure(403, 'Forbidden', message, { ...(name && { name }), ...(group && { group }), kind: plural }));
}

export const tooManyRequests = () =>
  new ApiError(failure(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: 1 }), { 'Retry-After': '1' });

export const internalError = (message: string) =>
  new ApiError(failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] }));

export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status.code, error.status, { 'Cache-Control': 'no-cache, private', ...error.headers });
}
