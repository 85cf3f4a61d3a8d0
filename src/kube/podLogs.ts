// A container's log, as `kubectl logs [-p] [-f] [--tail N]` fetches it: the
// API server proxies the kubelet's text stream, which may hold anything a
// program printed — escape sequences, progress bars redrawn with CR, binary
// garbage, megabyte-long lines. Each line is made safe to draw here.
import { StringDecoder } from 'node:string_decoder';
import type { ClusterConfig } from './kubeconfig.js';
import { ApiError } from './apiError.js';
import { sanitizeText } from './sanitize.js';
import { openGet } from './transport.js';

export interface PodLogRequest {
  namespace: string;
  pod: string;
  container: string;
  previous: boolean;
  follow: boolean;
  tailLines?: number;
  signal?: AbortSignal;
}

/** Longest line drawn; the rest is cut and marked with an ellipsis. */
export const MAX_LOG_LINE_CHARS = 4_000;
/** Past this much text without a newline we stop buffering and drop until the next newline. */
const MAX_PENDING_CHARS = 64 * 1024;

/**
 * What a terminal would show for one raw line: the last segment a carriage
 * return did not overwrite, without controls or escape sequences, cut to
 * MAX_LOG_LINE_CHARS.
 */
export function displayLogLine(raw: string): string {
  const segments = raw.split('\r');
  let visible = segments.pop() ?? '';
  while (visible === '' && segments.length > 0) visible = segments.pop() ?? '';
  const clean = sanitizeText(visible);
  return clean.length > MAX_LOG_LINE_CHARS ? `${clean.slice(0, MAX_LOG_LINE_CHARS)}…` : clean;
}

/** Calls onLine for each complete line of the stream; invalid UTF-8 becomes U+FFFD, never a crash. */
class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  /** Inside an over-long line whose head was already emitted. */
  private discarding = false;

  constructor(private readonly onLine: (line: string) => void) {}

  write(chunk: Buffer): void {
    this.pending += this.decoder.write(chunk);
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      if (!this.discarding) this.onLine(displayLogLine(line));
      this.discarding = false;
      newline = this.pending.indexOf('\n');
    }
    if (this.pending.length > MAX_PENDING_CHARS) {
      if (!this.discarding) this.onLine(displayLogLine(this.pending));
      this.discarding = true;
      this.pending = '';
    }
  }

  end(): void {
    const rest = this.pending + this.decoder.end();
    if (rest && !this.discarding) this.onLine(displayLogLine(rest));
    this.pending = '';
  }
}

/**
 * Streams a container's log. Resolves when the stream ends (or `signal`
 * aborts it); rejects with the API server's one-line reason, e.g.
 * `previous terminated container "app" in pod "x" not found`.
 */
export async function fetchPodLog(config: ClusterConfig, request: PodLogRequest, onLine: (line: string) => void): Promise<void> {
  const path = `/api/v1/namespaces/${encodeURIComponent(request.namespace)}/pods/${encodeURIComponent(request.pod)}/log`;
  let response;
  try {
    response = await openGet(config, path, {
      query: {
        container: request.container,
        previous: request.previous || undefined,
        follow: request.follow || undefined,
        tailLines: request.tailLines,
      },
      ...(request.signal && { signal: request.signal }),
    });
  } catch (error) {
    if (request.signal?.aborted) return;
    throw new Error(error instanceof ApiError ? error.message : String(error));
  }
  const splitter = new LineSplitter(onLine);
  await new Promise<void>((resolve, reject) => {
    response.on('data', (chunk: Buffer) => splitter.write(chunk));
    response.once('end', () => {
      splitter.end();
      resolve();
    });
    response.once('error', (error) => {
      splitter.end();
      if (request.signal?.aborted) resolve();
      else reject(new Error(`log stream broke: ${error.message}`));
    });
    response.once('close', () => {
      // Torn down without an 'end': an abort we asked for, or the server hung up.
      splitter.end();
      if (request.signal?.aborted) resolve();
      else reject(new Error('log stream closed by the server'));
    });
  });
}
