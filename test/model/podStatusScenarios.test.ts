// The emulator's lifecycle scenarios read through podRow, as `kubectl get
// pods -w` would print them: every pod version the emulator writes becomes a
// row, and the READY/STATUS/RESTARTS a user sees must pass through the
// expected states in order. Checked as an ordered subsequence, so a scenario
// may add intermediate writes without breaking this test, but never reorder
// or skip what a user is meant to see. Played on a virtual clock: minutes of
// crash loop take milliseconds.
import { describe, expect, it } from 'vitest';
import { formatRestarts, podRow } from '../../src/model/podSummary.js';
import type { Pod } from '../../src/model/types.js';
import type { Health } from '../../src/model/views.js';
import { VirtualClock } from '../../src/sim/clock.js';
import { createEmulator } from '../../src/sim/emulator.js';
import { startScenarios } from '../../src/sim/scenarios/index.js';
import { seededRandom } from '../../src/sim/scenarios/random.js';
import type { Change } from '../../src/sim/store.js';

interface Seen {
  /** `READY STATUS RESTARTS`, e.g. "0/1 CrashLoopBackOff 4 (1s ago)". */
  columns: string;
  health: Health;
}

/** Plays one scenario and returns, per pod name, the rows in write order (a repeat of the previous row dropped). */
function play(scenario: string, seconds: number): Map<string, Seen[]> {
  const clock = new VirtualClock();
  const emulator = createEmulator(clock);
  const seen = new Map<string, Seen[]>();
  const unsubscribe = emulator.store.subscribe((change: Change) => {
    if (change.kind !== 'pods' || change.type === 'DELETED') return;
    const pod = change.object as unknown as Pod;
    const row = podRow(pod);
    const columns = `${row.ready} ${row.status} ${formatRestarts(row, clock.now())}`;
    const rows = seen.get(pod.metadata.name) ?? [];
    const last = rows.at(-1);
    if (last?.columns !== columns || last.health !== row.health) rows.push({ columns, health: row.health });
    seen.set(pod.metadata.name, rows);
  });
  const running = startScenarios(emulator, { names: [scenario], namespace: 'demo', random: seededRandom(7) });
  clock.advance(seconds * 1000);
  running.stop();
  unsubscribe();
  return seen;
}

/** The rows of the scenario's first pod. */
function firstPod(seen: Map<string, Seen[]>, scenario: string): Seen[] {
  const entry = [...seen].find(([name]) => name.startsWith(`${scenario}-`));
  expect(entry, `no pod of ${scenario}`).toBeDefined();
  return entry![1];
}

/** Where each expected pattern matched, in order; fails naming the first one not found. */
function expectInOrder(rows: Seen[], expected: (string | RegExp)[]): void {
  let from = 0;
  for (const pattern of expected) {
    const at = rows.findIndex(
      (row, index) => index >= from && (typeof pattern === 'string' ? row.columns === pattern : pattern.test(row.columns)),
    );
    expect(at, `${String(pattern)} after row ${from} in:\n${rows.map((row) => row.columns).join('\n')}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

const cases: [scenario: string, seconds: number, expected: (string | RegExp)[]][] = [
  ['healthy', 10, ['0/1 Pending 0', '0/1 ContainerCreating 0', '0/1 Running 0', '1/1 Running 0']],
  [
    'crashloop',
    100,
    [
      '0/1 ContainerCreating 0',
      '1/1 Running 0',
      '0/1 Error 0',
      // The first crash is restarted at once.
      /^1\/1 Running 1 \(\d+s ago\)$/,
      /^0\/1 Error 1 \(\d+s ago\)$/,
      /^0\/1 CrashLoopBackOff 1 \(\d+s ago\)$/,
      /^1\/1 Running 2 \(\d+s ago\)$/,
      /^0\/1 CrashLoopBackOff 2 /,
      /^0\/1 CrashLoopBackOff 3 /,
    ],
  ],
  ['oomkilled', 60, ['1/1 Running 0', '0/1 OOMKilled 0', /^1\/1 Running 1 /, /^0\/1 OOMKilled 1 /, /^0\/1 CrashLoopBackOff 1 /]],
  ['imagepull', 40, ['0/1 ContainerCreating 0', '0/1 ErrImagePull 0', '0/1 ImagePullBackOff 0', '0/1 ErrImagePull 0', '0/1 ImagePullBackOff 0']],
  ['init-slow', 40, ['0/1 Pending 0', '0/1 Init:0/2 0', '0/1 Init:1/2 0', '0/1 PodInitializing 0', '1/1 Running 0']],
  [
    'init-crash',
    30,
    ['0/1 Init:0/1 0', '0/1 Init:Error 0', /^0\/1 Init:0\/1 1 /, /^0\/1 Init:Error 1 /, /^0\/1 Init:CrashLoopBackOff 1 /],
  ],
  // The sidecar counts toward READY as soon as it has started, before the app runs.
  ['sidecar', 15, ['0/2 Pending 0', '0/2 Init:0/1 0', '1/2 PodInitializing 0', '1/2 Running 0', '2/2 Running 0']],
  ['job-success', 20, ['0/1 ContainerCreating 0', '1/1 Running 0', '0/1 Completed 0']],
  ['job-failure', 20, ['0/1 ContainerCreating 0', '1/1 Running 0', '0/1 Error 0']],
  ['unschedulable', 30, ['0/1 Pending 0']],
  // Evicted shows until the kubelet syncs the killed container's status; then kubectl
  // prints the container's reason (kubernetes/kubernetes#105467), and so must podtui.
  ['evicted', 60, ['1/1 Running 0', '1/1 Evicted 0', '0/1 Error 0']],
  // The kubelet moves a deleted pod to a terminal phase before it goes: Terminating, then Error.
  ['prestop-hook', 70, ['1/1 Running 0', '1/1 Terminating 0', '0/1 Error 0']],
  // The containers' ready flags go stale with the node: kubectl keeps 1/1 Running, then
  // Terminating once the taint manager deletes it, and Unknown once the pod is NodeLost.
  ['node-lost', 440, ['1/1 Running 0', '1/1 Terminating 0', '1/1 Unknown 0']],
];

describe('the emulator scenarios as kubectl get pods -w prints them', () => {
  it.each(cases)('%s', (scenario, seconds, expected) => {
    expectInOrder(firstPod(play(scenario, seconds), scenario), expected);
  });

  it('paints a pod on a lost node as not healthy while kubectl still says 1/1 Running', () => {
    const rows = firstPod(play('node-lost', 200), 'node-lost');
    const running = rows.filter((row) => row.columns === '1/1 Running 0');
    expect(running.map((row) => row.health)).toEqual(['healthy', 'progressing']);
  });

  it('counts RESTARTS from the newest exit, which moves at each crash', () => {
    const rows = firstPod(play('crashloop', 60), 'crashloop');
    const backOffs = rows.filter((row) => row.columns.includes('CrashLoopBackOff'));
    // The kubelet writes CrashLoopBackOff a second after the exit it backs off from.
    expect(backOffs.map((row) => row.columns)).toEqual(['0/1 CrashLoopBackOff 1 (1s ago)', '0/1 CrashLoopBackOff 2 (1s ago)', '0/1 CrashLoopBackOff 3 (1s ago)']);
    expect(backOffs.every((row) => row.health === 'failing')).toBe(true);
  });
});
