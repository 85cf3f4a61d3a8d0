import { describe, expect, it } from 'vitest';
import { Backoff } from '../../src/kube/backoff.js';

const middle = () => 0.5; // jitter factor exactly 1

describe('Backoff', () => {
  it('doubles from 0.5 s and caps at 30 s', () => {
    const backoff = new Backoff({ random: middle });
    const delays = Array.from({ length: 10 }, (_, i) => backoff.failed(i));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it.each([
    ['lowest jitter', 0, [400, 800, 1600]],
    ['highest jitter', 0.999999, [600, 1200, 2400]],
  ])('jitters each delay by ±20%% (%s)', (_name, random, expected) => {
    const backoff = new Backoff({ random: () => random });
    expect([backoff.failed(0), backoff.failed(0), backoff.failed(0)]).toEqual(expected);
  });

  it('never exceeds the cap, even with jitter', () => {
    const backoff = new Backoff({ random: () => 0.999999 });
    for (let i = 0; i < 20; i++) expect(backoff.failed(0)).toBeLessThanOrEqual(30_000);
  });

  it('starts over after a healthy period, not after a short one', () => {
    const backoff = new Backoff({ random: middle, resetAfterMs: 60_000 });
    backoff.failed(0);
    backoff.failed(0);
    backoff.healthy(1_000);
    expect(backoff.failed(30_000)).toBe(2000); // healthy only 29 s: keeps climbing
    backoff.healthy(40_000);
    expect(backoff.isSettled(100_000)).toBe(true);
    expect(backoff.failed(100_000)).toBe(500);
  });

  it('honours a longer Retry-After, but never waits less than the back-off', () => {
    const backoff = new Backoff({ random: middle });
    expect(backoff.failedWithRetryAfter(0, 7_000)).toBe(7_000);
    expect(backoff.failedWithRetryAfter(0, 100)).toBe(1_000);
  });
});
