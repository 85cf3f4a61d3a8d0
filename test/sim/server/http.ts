// Talking to the emulator's API server over real HTTP from a test: JSON
// requests, and watch streams read line by line as they arrive.

export interface WatchLine {
  type: string;
  object: Record<string, any>;
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export const postJson = (url: string, body: unknown) =>
  getJson(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** An open watch: `next()` waits for the next event, `ended` settles when the server ends the stream. */
export interface OpenWatch {
  status: number;
  next(timeoutMs?: number): Promise<WatchLine>;
  /** Lines that did not parse as JSON (garbage faults). */
  malformed: string[];
  ended: Promise<'end' | 'error'>;
  close(): void;
}

export async function openWatch(url: string): Promise<OpenWatch> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const queue: WatchLine[] = [];
  const waiters: ((line: WatchLine | undefined) => void)[] = [];
  const malformed: string[] = [];
  let buffer = '';
  let done = false;

  const deliver = (line: WatchLine | undefined) => {
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else if (line) queue.push(line);
  };

  const ended = (async (): Promise<'end' | 'error'> => {
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) return 'end';
        buffer += decoder.decode(value, { stream: true });
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const text = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          try {
            deliver(JSON.parse(text) as WatchLine);
          } catch {
            malformed.push(text);
          }
        }
      }
    } catch {
      return 'error';
    } finally {
      done = true;
      while (waiters.length > 0) waiters.shift()!(undefined);
    }
  })();

  return {
    status: res.status,
    malformed,
    ended,
    next(timeoutMs = 2_000) {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      if (done) return Promise.reject(new Error('watch ended'));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no watch event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((line) => {
          clearTimeout(timer);
          if (line) resolve(line);
          else reject(new Error('watch ended'));
        });
      });
    },
    close: () => controller.abort(),
  };
}

/** Reads `count` events, failing if they do not all come in time. */
export async function take(watch: OpenWatch, count: number, timeoutMs = 2_000): Promise<WatchLine[]> {
  const lines: WatchLine[] = [];
  for (let i = 0; i < count; i++) lines.push(await watch.next(timeoutMs));
  return lines;
}
