import { describe, expect, it } from 'vitest';
import { ThrottledStore, type Timers } from '../../src/app/throttledStore.js';
import type { Observation } from '../../src/model/observations.js';

/** Hand-driven timers: nothing fires until the test moves time. */
function manualTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      queue = queue.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = queue.filter((t) => t.at <= now);
    queue = queue.filter((t) => t.at > now);
    for (const t of due) t.fn();
  };
  return { timers, advance };
}

const synced = (n: number): Observation => ({ kind: 'Synced', stream: 'pods', observedAt: n });

describe('ThrottledStore', () => {
  it('applies every observation but notifies at most once a frame', () => {
    const { timers, advance } = manualTimers();
    const store = new ThrottledStore(0, (count) => count + 1, 50, timers);
    let notifications = 0;
    store.subscribe(() => notifications++);

    for (let i = 0; i < 200; i++) store.apply(synced(i));
    expect(store.getState()).toBe(200);
    expect(notifications).toBe(0);
    advance(0);
    expect(notifications).toBe(1);

    // A second burst right after the first waits for the frame to end.
    store.apply(synced(1));
    advance(10);
    expect(notifications).toBe(1);
    advance(40);
    expect(notifications).toBe(2);
  });

  it('stays silent while nothing changes', () => {
    const { timers, advance } = manualTimers();
    const store = new ThrottledStore(0, (count) => count + 1, 50, timers);
    let notifications = 0;
    store.subscribe(() => notifications++);
    advance(10_000);
    expect(notifications).toBe(0);
  });

  it('drops a pending notification on close', () => {
    const { timers, advance } = manualTimers();
    const store = new ThrottledStore(0, (count) => count + 1, 50, timers);
    let notifications = 0;
    store.subscribe(() => notifications++);
    store.apply(synced(0));
    store.close();
    advance(100);
    expect(notifications).toBe(0);
  });
});
