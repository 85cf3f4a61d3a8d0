// A group of clock timers that can be cancelled together: one per pod worker
// and per controller, so deleting a pod or stopping a scenario leaves nothing
// behind on the clock.
import type { Clock, TimerHandle } from '../clock.js';

export class Timers {
  private readonly handles = new Set<TimerHandle>();
  private stopped = false;

  constructor(readonly clock: Clock) {}

  after(ms: number, fn: () => void): TimerHandle {
    if (this.stopped) return { cancel: () => {} };
    const handle: TimerHandle = this.clock.setTimeout(() => {
      this.handles.delete(handle);
      fn();
    }, ms);
    this.handles.add(handle);
    return {
      cancel: () => {
        handle.cancel();
        this.handles.delete(handle);
      },
    };
  }

  /** Runs `fn` every `ms` until cancelled (or until `fn` returns false). */
  every(ms: number, fn: () => boolean | void): TimerHandle {
    let current: TimerHandle | undefined;
    let cancelled = false;
    const tick = () => {
      if (cancelled) return;
      if (fn() === false) return;
      current = this.after(ms, tick);
    };
    current = this.after(ms, tick);
    return {
      cancel: () => {
        cancelled = true;
        current?.cancel();
      },
    };
  }

  cancelAll(): void {
    for (const handle of this.handles) handle.cancel();
    this.handles.clear();
  }

  /** Cancels everything and refuses new timers. */
  stop(): void {
    this.stopped = true;
    this.cancelAll();
  }
}
