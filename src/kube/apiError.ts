// What went wrong talking to an API server, in the terms the watch loop acts
// on: an HTTP status with the server's own one-line reason (its `Status`
// object), or a network failure described the way a user would say it.
import { STATUS_CODES, type IncomingMessage } from 'node:http';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status, or the `code` of a Status delivered as a watch ERROR event; undefined for network failures. */
    readonly status: number | undefined,
    /** The Status `reason` (Expired, Forbidden, TooManyRequests, …) when the server sent one. */
    readonly reason?: string,
    /** From Retry-After (or Status details.retryAfterSeconds), in ms. */
    readonly retryAfterMs?: number,
    /** The Status' details.causes[].reason values. */
    readonly causes: readonly string[] = [],
  ) {
    super(message);
  }

  /** 410 Gone / Expired: the resourceVersion is too old, the client must list again. */
  get expired(): boolean {
    return this.status === 410 || this.reason === 'Expired' || this.reason === 'Gone';
  }

  /**
   * 504 "Too large resource version": the server has not reached the version
   * asked for — it was restarted or restored from an older etcd snapshot, or
   * an HA peer lags. Waiting may never help (versions went backwards); a list
   * starts over from what the server has, as client-go's reflector does
   * (isTooLargeResourceVersionError: the cause, or the message of older servers).
   */
  get resourceVersionTooLarge(): boolean {
    return this.causes.includes('ResourceVersionTooLarge') || (this.status === 504 && /Too large resource version/i.test(this.message));
  }
}

interface StatusObject {
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
  details?: { retryAfterSeconds?: number; causes?: { reason?: unknown }[] };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim();
}

/** A `Status` object (from an error body or a watch ERROR event) as an ApiError. */
export function errorFromStatus(status: unknown, httpStatus?: number, retryAfterMs?: number): ApiError {
  const s = (status ?? {}) as StatusObject;
  const code = typeof s.code === 'number' ? s.code : httpStatus;
  const message = typeof s.message === 'string' && s.message ? firstLine(s.message) : (code && STATUS_CODES[code]) || 'unknown error';
  const retry = retryAfterMs ?? (typeof s.details?.retryAfterSeconds === 'number' ? s.details.retryAfterSeconds * 1000 : undefined);
  const causes = Array.isArray(s.details?.causes) ? s.details.causes.flatMap((c) => (typeof c?.reason === 'string' ? [c.reason] : [])) : [];
  return new ApiError(message, code, typeof s.reason === 'string' ? s.reason : undefined, retry, causes);
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Reads a non-2xx response's body (bounded) and turns it into an ApiError carrying the server's reason. */
export async function errorFromResponse(response: IncomingMessage): Promise<ApiError> {
  const status = response.statusCode ?? 0;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  let body = '';
  try {
    for await (const chunk of response) {
      body += String(chunk);
      if (body.length > 64 * 1024) break;
    }
  } catch {
    // A body cut short still leaves the status code to go on.
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const text = firstLine(body);
    return new ApiError(text || STATUS_CODES[status] || `HTTP ${status}`, status, undefined, retryAfterMs);
  }
  return errorFromStatus(parsed, status, retryAfterMs);
}

const NETWORK_WORDING: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  ECONNABORTED: 'connection aborted',
};

/** One line a user understands for a failure below HTTP (socket, DNS, TLS, credentials). */
export function describeNetworkError(error: unknown): string {
  const e = error as { code?: string; message?: string; name?: string };
  const code = e?.code ?? '';
  if (code in NETWORK_WORDING) return NETWORK_WORDING[code]!;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'timed out';
  const message = firstLine(String(e?.message ?? error));
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(code) || /certificate|ssl|tls/i.test(message)) {
    return `TLS: ${message}`;
  }
  return message || 'unknown network error';
}
