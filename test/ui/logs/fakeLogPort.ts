// A LogPort that serves canned container logs the way the API server does:
// the current instance follows (new lines arrive later), the previous
// instance is read once and ends, and a missing log ends with the server's
// reason. Every open is recorded so tests can check what was asked for.
import type { LogPort, LogRequest } from '../../../src/ui/ports.js';

interface OpenStream {
  request: LogRequest;
  onLine: (line: string) => void;
  onEnd: (error?: string) => void;
  stopped: boolean;
}

const keyOf = (container: string, previous: boolean) => `${container}/${previous ? 'previous' : 'current'}`;

export class FakeLogPort implements LogPort {
  readonly streams: OpenStream[] = [];
  private readonly logs = new Map<string, string[]>();
  private readonly errors = new Map<string, string>();

  /** What an instance already printed when its log is opened. */
  serve(container: string, previous: boolean, lines: string[]): this {
    this.logs.set(keyOf(container, previous), lines);
    return this;
  }

  /** The log cannot be read: opening it ends with this reason. */
  fail(container: string, previous: boolean, reason: string): this {
    this.errors.set(keyOf(container, previous), reason);
    return this;
  }

  open(request: LogRequest, onLine: (line: string) => void, onEnd: (error?: string) => void): () => void {
    const stream: OpenStream = { request, onLine, onEnd, stopped: false };
    this.streams.push(stream);
    const key = keyOf(request.container, request.previous);
    // Like a real HTTP stream, nothing arrives before open() has returned.
    setTimeout(() => {
      if (stream.stopped) return;
      const error = this.errors.get(key);
      if (error !== undefined) {
        onEnd(error);
        return;
      }
      for (const line of this.logs.get(key) ?? []) onLine(line);
      if (!request.follow) onEnd();
    }, 0);
    return () => {
      stream.stopped = true;
    };
  }

  /** The stream opened last. */
  get latest(): OpenStream {
    const stream = this.streams[this.streams.length - 1];
    if (!stream) throw new Error('no log was opened');
    return stream;
  }

  /** The running container prints more lines. */
  print(...lines: string[]): void {
    for (const line of lines) if (!this.latest.stopped) this.latest.onLine(line);
  }
}
