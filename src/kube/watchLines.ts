// Splits a watch response into its newline-delimited JSON lines, and notices
// when the stream has gone quiet: a TCP connection can die without a FIN or
// RST reaching us (client-node #364), and then only silence tells. The server
// sends a BOOKMARK at least every bookmark interval, so silence for longer
// than the idle limit means the stream is dead.
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { ApiError, describeNetworkError } from './apiError.js';

/** A watch event line longer than this is not a Kubernetes object; give up on the stream. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

export type LineVerdict = 'continue' | 'stop';

export type StreamEnd =
  /** The server ended the response; `partial` when it stopped mid-line (a cut stream). */
  | { kind: 'ended'; partial: boolean }
  /** onLine asked to stop. */
  | { kind: 'stopped' };

export interface ReadLinesOptions {
  /** Silence allowed; a function is asked again each time data arrives (the limit may be learned meanwhile). */
  idleMs: number | (() => number);
  onLine: (line: string) => LineVerdict;
}

/**
 * Resolves when the stream ends or onLine says stop; rejects with an ApiError
 * when the socket fails or nothing arrives for `idleMs`. Destroys the response
 * in every case but a clean end.
 */
export function readWatchLines(response: IncomingMessage, options: ReadLinesOptions): Promise<StreamEnd> {
  return new Promise<StreamEnd>((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let settled = false;
    const idleLimit = typeof options.idleMs === 'function' ? options.idleMs : () => options.idleMs as number;
    let limit = idleLimit();
    let idle = setTimeout(onIdle, limit);

    function settle(outcome: () => void) {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      response.removeAllListeners('data');
      outcome();
    }
    function onIdle() {
      settle(() => {
        response.destroy();
        reject(new ApiError(`no event or bookmark for ${Math.round(limit / 1000)}s`, undefined));
      });
    }
    function deliver(text: string): boolean {
      pending += text;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line && options.onLine(line) === 'stop') return false;
        if (settled) return false;
        newline = pending.indexOf('\n');
      }
      if (pending.length > MAX_LINE_CHARS) {
        settle(() => {
          response.destroy();
          reject(new ApiError('watch line too long', undefined));
        });
        return false;
      }
      return true;
    }

    response.on('data', (chunk: Buffer) => {
      if (settled) return;
      clearTimeout(idle);
      limit = idleLimit();
      idle = setTimeout(onIdle, limit);
      if (!deliver(decoder.write(chunk)) && !settled) {
        settle(() => {
          response.destroy();
          resolve({ kind: 'stopped' });
        });
      }
    });
    response.once('end', () => {
      const rest = (pending + decoder.end()).trim();
      pending = '';
      // A last line without its newline was cut in transit: it is not an event.
      settle(() => resolve({ kind: 'ended', partial: rest.length > 0 }));
    });
    response.once('aborted', () => settle(() => reject(new ApiError('stream cut by the server', undefined))));
    response.once('error', (error) => settle(() => reject(new ApiError(describeNetworkError(error), undefined))));
    // A socket torn down without 'end' (after 'end' this is a no-op).
    response.once('close', () => settle(() => reject(new ApiError('connection closed', undefined))));
  });
}
