// One open WATCH response: newline-delimited JSON events written in order and
// flushed at once. The network faults strike here: a `slow` stall before a
// write, a `garbage` line before an event, a `drop` that writes half a line
// and cuts the connection. Events queue behind a stall, so order holds.
import type { ServerResponse } from 'node:http';
import type { FaultController } from '../faults.js';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

/** A watcher this far behind is cut off, as the API server drops slow consumers. */
const MAX_QUEUED = 100_000;

export class WatchStream {
  /** Lines not yet written, from `head` on (an index, not shift(): 30,000 initial ADDED lines must not cost O(n²)). */
  private queue: string[] = [];
  private head = 0;
  private waiting = false;
  private stallTimer: NodeJS.Timeout | undefined;
  private ending = false;
  private closed = false;
  /** A quietly dead stream: nothing more is written, the connection stays open. */
  private silent = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly faults: FaultController,
  ) {
    // The client may have gone while the request stalled: then 'close' already fired.
    if (res.destroyed || res.writableEnded) {
      this.closed = true;
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    res.on('close', () => this.closeNow());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Runs when the stream ends for any reason (client gone, timeout, server closing). */
  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  send(event: WatchEvent): void {
    if (this.closed || this.ending || this.silent) return;
    // Serialize now: the object may change after this moment.
    this.queue.push(`${JSON.stringify(event)}\n`);
    if (this.queue.length - this.head > MAX_QUEUED) {
      this.closeNow();
      return;
    }
    this.pump();
  }

  /** Ends the response once what is queued has been written. */
  end(): void {
    // A quietly dead stream does not even end: only the client or the server closing it does.
    if (this.closed || this.silent) return;
    this.ending = true;
    this.pump();
  }

  /** Ends at once, dropping anything queued (server shutdown, client gone). */
  closeNow(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.clearQueue();
    if (!this.res.writableEnded && !this.res.destroyed) this.res.end();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private pump(): void {
    while (!this.waiting && !this.closed && this.head < this.queue.length) {
      const stall = this.faults.stallMs();
      if (stall > 0) {
        this.waiting = true;
        this.stallTimer = setTimeout(() => {
          this.waiting = false;
          if (this.writeNext()) this.pump();
        }, stall);
        return;
      }
      if (!this.writeNext()) return;
    }
    if (this.ending && this.head >= this.queue.length && !this.waiting) this.closeNow();
  }

  private clearQueue(): void {
    this.queue = [];
    this.head = 0;
  }

  private takeLine(): string | undefined {
    if (this.head >= this.queue.length) return undefined;
    const line = this.queue[this.head]!;
    this.head++;
    // Drop written lines now and then so the array does not grow for ever.
    if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return line;
  }

  /** Writes the next queued line; false when the pump must wait (drain) or the stream is gone. */
  private writeNext(): boolean {
    const line = this.takeLine();
    if (line === undefined || this.closed) return !this.closed;
    if (this.faults.strikes('garbage')) this.res.write('{"type":"MODIFIED","object":{"kind":"Pod",\u0000garbage\n');
    if (this.faults.strikes('drop')) {
      if (this.faults.dropMode() === 'silent') {
        this.silent = true;
        this.clearQueue();
        return false;
      }
      // Half a line, then the connection dies mid-chunk.
      this.res.write(line.slice(0, Math.max(1, Math.floor(line.length / 2))));
      this.closed = true;
      this.clearQueue();
      this.res.socket?.destroy();
      this.res.destroy();
      for (const cleanup of this.cleanups.splice(0)) cleanup();
      return false;
    }
    if (this.res.write(line)) return true;
    this.waiting = true;
    this.res.once('drain', () => {
      this.waiting = false;
      this.pump();
    });
    return false;
  }
}
