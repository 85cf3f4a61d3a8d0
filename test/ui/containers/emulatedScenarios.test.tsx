// The conditions pane on pods the emulator's kubelet ran: every version of
// each pod and every Event, as a watch would deliver them, through the real
// model into the pane. What the pane says about probes, hooks, sidecars and
// kills is then what it would say about a real cluster's objects.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { applyObservation, createClusterState } from '../../../src/model/clusterState.js';
import type { Observation } from '../../../src/model/observations.js';
import type { KubeEvent, Pod } from '../../../src/model/types.js';
import type { PodView } from '../../../src/model/views.js';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator } from '../../../src/sim/emulator.js';
import { startScenarios } from '../../../src/sim/scenarios/index.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';
import { ConditionsPane } from '../../../src/ui/conditions/ConditionsPane.js';

afterEach(() => cleanup());

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;
const START = Date.parse('2026-11-25T10:00:00Z');

/** Runs one scenario for `seconds` of emulated time and returns its first pod as the model sees it. */
function watch(scenario: string, seconds: number): { view: PodView; now: number } {
  const clock = new VirtualClock(START);
  const emulator = createEmulator(clock);
  const observations: Observation[] = [];
  emulator.store.subscribe((change) => {
    const observedAt = clock.now();
    const object = structuredClone(change.object);
    if (change.kind === 'pods') {
      observations.push({ kind: change.type === 'DELETED' ? 'PodDeleted' : 'PodObserved', pod: object as unknown as Pod, observedAt });
    } else if (change.kind === 'events' && change.type !== 'DELETED') {
      observations.push({ kind: 'EventObserved', event: object as unknown as KubeEvent, observedAt });
    }
  });
  const running = startScenarios(emulator, { names: [scenario], namespace: 'demo', random: seededRandom(7) });
  clock.advanceTo(START + seconds * 1000);
  running.stop();
  let state = createClusterState();
  for (const observation of observations) state = applyObservation(state, observation);
  const view = [...state.pods.values()].filter((v) => v.row.name.startsWith(scenario)).sort((a, b) => a.row.createdAt - b.row.createdAt)[0];
  if (!view) throw new Error(`${scenario} made no pod`);
  return { view, now: clock.now() };
}

function pane(scenario: string, seconds: number): string[] {
  const { view, now } = watch(scenario, seconds);
  const { lastFrame } = render(
    <ConditionsPane pod={view.pod} view={view} now={now} absoluteTimes={false} width={140} height={80} scroll={0} focused={false} ascii={false} />,
  );
  return (lastFrame() ?? '').replace(ansi, '').split('\n');
}

describe('the conditions pane on emulated scenarios', () => {
  const cases: { scenario: string; seconds: number; expected: string[] }[] = [
    {
      scenario: 'poststart-hook',
      seconds: 30,
      expected: [
        'cache  CrashLoopBackOff · last Error (exit 143) 9s ago · restarts 2 · not ready',
        '  seen      #2 Error, exit code 143, ran 2s, ended 9s ago · FailedPostStartHook: PostStartHook failed',
        '            #0 Error, exit code 143, ran 2s, ended 25s ago · FailedPostStartHook: PostStartHook failed',
        '  postStart exec [/bin/sh -c /opt/warm-cache.sh --from redis://redis.shop.svc:6379]',
        '            ✗ 3×, latest 9s ago: PostStartHook failed',
      ],
    },
    {
      scenario: 'liveness',
      seconds: 60,
      expected: [
        'api  Running · last Error (exit 137) 16s ago · restarts 1 · ready',
        '  last      Terminated: Error, exit code 137 (SIGKILL)  started 56s ago, finished 16s ago, ran 40s',
        '  seen      #0 Error, exit code 137, ran 40s, ended 16s ago · Killing: Container api failed liveness probe, will be restarted',
        '  liveness  http-get http://:8080/healthz delay=5s timeout=1s period=5s #success=1 #failure=3',
        '            ✗ 3×, latest 26s ago: Liveness probe failed: HTTP probe failed with statuscode: 500',
      ],
    },
    {
      scenario: 'sidecar',
      seconds: 30,
      expected: ['sidecar log-shipper  Running · ready', 'billing  Running · ready', 'sidecar log-shipper  docker.io/fluent/fluent-bit:3.1.9 @sha256:e6b64b5f3d79'],
    },
    {
      scenario: 'oomkilled',
      seconds: 60,
      expected: [
        'report  CrashLoopBackOff · last OOMKilled (exit 137) 6s ago · restarts 2 · not ready',
        '  last      Terminated: OOMKilled, exit code 137 (SIGKILL)  started 19s ago, finished 6s ago, ran 13s',
        '  limits    cpu=250m memory=256Mi',
      ],
    },
    {
      scenario: 'prestop-hook',
      seconds: 50,
      expected: ['Terminating: grace period 20s, requested 5s ago', '  preStop   exec [/bin/sh -c /opt/drain-sessions.sh]', '            ✗ 1×, latest 3s ago: PreStopHook failed'],
    },
    {
      scenario: 'init-crash',
      seconds: 40,
      expected: [
        'init migrate  CrashLoopBackOff · last Error (exit 1) 17s ago · restarts 2 · not ready',
        'orders  PodInitializing · not ready',
        '  Initialized               False   ContainersNotInitialized  changed 39s ago',
        '    containers with incomplete status: [migrate]',
      ],
    },
  ];
  it.each(cases)('$scenario after $seconds s', ({ scenario, seconds, expected }) => {
    const lines = pane(scenario, seconds);
    for (const line of expected) expect(lines).toContain(line);
  });
});
