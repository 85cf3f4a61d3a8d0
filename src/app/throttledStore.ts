// Holds the model state the screen draws and tells subscribers when it
// changed, at most once every `frameMs`: a storm of 200 updates a second
// becomes 5 notifications at the session's 200 ms, and none while nothing
// changes.
import type { Observation } from '../model/observations.js';

export type Reducer<S> = (state: S, observation: Observation) => S;

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class ThrottledStore<S> {
  private readonly listeners = new Set<() => void>();
  private pending: unknown;
  private lastNotified = -Infinity;

  constructor(
    private state: S,
    private readonly reduce: Reducer<S>,
    private readonly frameMs = 50,
    private readonly timers: Timers = realTimers,
  ) {}

  getState = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply(observation: Observation): void {
    this.state = this.reduce(this.state, observation);
    this.schedule();
  }

  /** Starts over from `state` (the watch scope changed: what was known no longer applies). */
  reset(state: S): void {
    this.state = state;
    this.schedule();
  }

  /** Stops a pending notification (on quit). */
  close(): void {
    if (this.pending !== undefined) this.timers.clearTimeout(this.pending);
    this.pending = undefined;
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.pending !== undefined) return;
    const wait = Math.max(0, this.lastNotified + this.frameMs - this.timers.now());
    this.pending = this.timers.setTimeout(() => {
      this.pending = undefined;
      this.lastNotified = this.timers.now();
      for (const listener of this.listeners) listener();
    }, wait);
  }
}
