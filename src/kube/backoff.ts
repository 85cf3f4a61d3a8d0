// How long to wait before the next attempt after a failed list or watch.
// Exponential (0.5 s, 1 s, 2 s, … capped at 30 s) so a broken server is not
// flooded — client-node's informer restarts without any pause, which has
// hammered API servers (kubernetes-client/javascript #1933) — and jittered so
// many clients that lost the same server do not come back in lockstep.

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** Each delay is scaled by a random factor in [1 - jitter, 1 + jitter], then capped. */
  jitter?: number;
  /** A connection that stayed healthy this long earns a fresh start. */
  resetAfterMs?: number;
  random?: () => number;
}

export class Backoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly jitter: number;
  private readonly resetAfterMs: number;
  private readonly random: () => number;
  private failures = 0;
  private healthySince: number | undefined;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 500;
    this.maxMs = options.maxMs ?? 30_000;
    this.jitter = options.jitter ?? 0.2;
    this.resetAfterMs = options.resetAfterMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** The connection works (a list succeeded, a watch delivers) as of `now`. */
  healthy(now: number): void {
    this.healthySince ??= now;
  }

  /** An attempt failed at `now`: how many ms to wait before the next one. */
  failed(now: number): number {
    if (this.healthySince !== undefined && now - this.healthySince >= this.resetAfterMs) this.failures = 0;
    this.healthySince = undefined;
    const nominal = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.failures, 30));
    this.failures++;
    const factor = 1 + this.jitter * (this.random() * 2 - 1);
    return Math.round(Math.min(this.maxMs, nominal * factor));
  }

  /** Whether the connection has stayed healthy long enough to forget past failures. */
  isSettled(now: number): boolean {
    return this.healthySince !== undefined && now - this.healthySince >= this.resetAfterMs;
  }

  /** Waits for at least `ms` (a server's Retry-After), counted as a failure like any other. */
  failedWithRetryAfter(now: number, ms: number): number {
    return Math.max(ms, this.failed(now));
  }
}
