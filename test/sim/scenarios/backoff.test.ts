// The kubelet's crash back-off as the emulator plays it: the first crash
// restarted at once, then 10 s doubling to the 300 s cap, and the back-off
// forgotten once a container ran for more than 10 minutes (flowcontrol's
// 2 x max expiry measured between crashes).
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/sim/store.js';
import type { Pod } from '../../../src/model/types.js';
import { RestartBackOff } from '../../../src/sim/kubelet/backoff.js';
import { goDuration } from '../../../src/sim/kubelet/goDuration.js';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator, type Emulator } from '../../../src/sim/emulator.js';
import { startScenarios } from '../../../src/sim/scenarios/index.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';
import { harness, onePod } from './harness.js';

/** Watches one container: seconds from each exit to the next start, and each CrashLoopBackOff message's wait. */
function watchRestarts(emulator: Emulator, podPrefix: string) {
  const starts: number[] = [];
  const exits: number[] = [];
  const waits: string[] = [];
  let waiting = false;
  emulator.store.subscribe((change: Change) => {
    if (change.kind !== 'pods' || !change.object.metadata.name.startsWith(podPrefix)) return;
    const status = (change.object as unknown as Pod).status.containerStatuses?.[0];
    const state = status?.state;
    const startedAt = state?.running?.startedAt;
    if (startedAt && !starts.includes(Date.parse(startedAt))) starts.push(Date.parse(startedAt));
    const finishedAt = state?.terminated?.finishedAt;
    if (finishedAt && !exits.includes(Date.parse(finishedAt))) exits.push(Date.parse(finishedAt));
    const wait = state?.waiting?.message?.match(/^back-off (\S+) restarting failed container=app pod=/)?.[1];
    // One entry per back-off episode: the write that entered CrashLoopBackOff.
    if (wait && !waiting) waits.push(wait);
    waiting = wait !== undefined;
  });
  return {
    /** Seconds between exit i and start i+1. */
    gaps: () => exits.filter((_, i) => i + 1 < starts.length).map((exit, i) => (starts[i + 1]! - exit) / 1000),
    waits: () => waits,
  };
}

describe('RestartBackOff (flowcontrol.Backoff as the kubelet sets it up)', () => {
  it.each([
    // crash times (s) → is each crash in back-off when seen right away, and the back-off after it
    { crashes: [0], inBackOff: [false], after: ['10s'] },
    { crashes: [0, 5, 20], inBackOff: [false, true, true], after: ['10s', '20s', '40s'] },
    { crashes: [0, 5, 606], inBackOff: [false, true, false], after: ['10s', '20s', '10s'] },
    { crashes: [0, 5, 604], inBackOff: [false, true, true], after: ['10s', '20s', '40s'] },
  ])('crashes at $crashes s', ({ crashes, inBackOff, after }) => {
    const backoff = new RestartBackOff();
    crashes.forEach((seconds, i) => {
      const at = seconds * 1000;
      expect(backoff.isInBackOffSince(at, at)).toBe(inBackOff[i]);
      backoff.next(at);
      expect(goDuration(backoff.currentMs)).toBe(after[i]);
    });
  });

  it('caps at 300 s', () => {
    const backoff = new RestartBackOff();
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      backoff.next(i * 1000);
      seen.push(goDuration(backoff.currentMs));
    }
    expect(seen).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s', '5m0s']);
  });
});

describe('crash back-off of the crashloop scenario', () => {
  it('restarts at once, then after 10/20/40/80/160/300/300 s, and says so in CrashLoopBackOff', () => {
    const clock = new VirtualClock();
    const emulator = createEmulator(clock);
    const watched = watchRestarts(emulator, 'crashloop-');
    const running = startScenarios(emulator, { names: ['crashloop'], namespace: 'demo', random: seededRandom(1) });
    clock.advance(25 * 60 * 1000);
    running.stop();
    // The first restart waits only for the kubelet's next sync (1 s).
    expect(watched.gaps().slice(0, 8)).toEqual([1, 10, 20, 40, 80, 160, 300, 300]);
    expect(watched.waits().slice(0, 7)).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s']);
  });
});

describe('back-off reset after 10 minutes of running', () => {
  it.each([
    { ran: '11 minutes', runMs: 11 * 60_000, gaps: [1, 10, 20, 40, 1, 10, 20], waits: ['10s', '20s', '40s', '10s', '20s'] },
    { ran: '9 minutes', runMs: 9 * 60_000, gaps: [1, 10, 20, 40, 80, 160, 300], waits: ['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'] },
  ])('a container that ran $ran before its fifth crash', ({ runMs, gaps, waits }) => {
    const h = harness();
    const watched = watchRestarts(h.emulator, 'reset');
    const quick = { exitAfterMs: 5_000, exitCode: 1 };
    h.run('reset', onePod({ instances: [quick, quick, quick, quick, { exitAfterMs: runMs, exitCode: 1 }, quick] }));
    h.clock.advance(40 * 60_000);
    h.stop();
    expect(watched.gaps().slice(0, 7)).toEqual(gaps);
    expect(watched.waits().slice(0, waits.length)).toEqual(waits);
  });
});
