// The kubelet's container restart back-off (client-go flowcontrol.Backoff as
// the kubelet configures it): 10 s, doubling, capped at 300 s, and forgotten
// when the previous entry is older than twice the cap (10 minutes).
//
// How the kubelet uses it (kuberuntime_manager.go doBackOff), which is what
// makes the first crash restart at once: when a container has exited, the
// kubelet asks "is it in back-off since its finishedAt?". With no entry (the
// first crash, or the entry expired) the answer is no: it calls Next() (the
// entry becomes 10 s) and restarts now. From the second crash on the entry is
// there, so it waits `current` after finishedAt, then calls Next() (doubling)
// and restarts. So the waits read 0, 10, 20, 40, 80, 160, 300, 300 s.

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class RestartBackOff {
  private entry: Entry | undefined;

  constructor(
    private readonly initialMs = INITIAL_BACKOFF_MS,
    private readonly maxMs = MAX_BACKOFF_MS,
  ) {}

  /** True when `eventTime` (the exit) lies within the current back-off window, seen at `now`. */
  isInBackOffSince(eventTime: number, now: number): boolean {
    if (!this.entry || this.hasExpired(eventTime)) return false;
    return now - eventTime < this.entry.backoffMs;
  }

  /** Moves the back-off on (first call or after expiry: the initial value; else doubling up to the cap). */
  next(eventTime: number): void {
    if (!this.entry || this.hasExpired(eventTime)) {
      this.entry = { backoffMs: this.initialMs, lastUpdate: eventTime };
    } else {
      this.entry = { backoffMs: Math.min(this.entry.backoffMs * 2, this.maxMs), lastUpdate: eventTime };
    }
  }

  /** The current back-off (what "back-off 40s" prints), 0 when there is none. */
  get currentMs(): number {
    return this.entry?.backoffMs ?? 0;
  }

  private hasExpired(eventTime: number): boolean {
    return this.entry !== undefined && eventTime - this.entry.lastUpdate > 2 * this.maxMs;
  }
}
