// Every timer in the emulator goes through a Clock, so tests can run ten
// minutes of crash loop in milliseconds on a VirtualClock while the demo runs
// on a RealClock scaled by --speed.

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch, in the emulated cluster's time. */
  now(): number;
  /** Runs `fn` after `ms` of emulated time. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
}

/** Wall-clock time, optionally running `speed` times faster from the moment it was made. */
export class RealClock implements Clock {
  private readonly origin = Date.now();
  constructor(private readonly speed = 1) {
    if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
  }
  now(): number {
    return this.origin + (Date.now() - this.origin) * this.speed;
  }
  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = setTimeout(fn, Math.max(0, ms / this.speed));
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  }
}

interface PendingTimer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Time that moves only when a test says so; timers fire in time order, ties in creation order. */
export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: PendingTimer[] = [];

  constructor(start: number | string = '2026-11-25T10:00:00Z') {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer: PendingTimer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => { timer.cancelled = true; } };
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  advanceTo(target: number): void {
    for (;;) {
      const next = this.nextDue(target);
      if (!next) break;
      this.current = Math.max(this.current, next.at);
      next.cancelled = true;
      next.fn();
    }
    this.current = Math.max(this.current, target);
    this.timers = this.timers.filter((t) => !t.cancelled);
  }

  /** How many timers are still waiting. */
  get pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  private nextDue(target: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.timers) {
      if (t.cancelled || t.at > target) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
