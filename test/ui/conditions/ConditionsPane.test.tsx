import { render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ConditionsPane, type ConditionsPaneProps } from '../../../src/ui/conditions/ConditionsPane.js';
import { cellWidth } from '../../../src/ui/terminalText.js';
import { applyObservation, createClusterState } from '../../../src/model/clusterState.js';
import { snapshotAt } from '../../../src/model/snapshot.js';
import type { Pod } from '../../../src/model/types.js';
import type { PodView } from '../../../src/model/views.js';
import { at, crashloopHistory, livenessHistory, PodHistory, pullAndStart, running, scheduleAndCreate } from '../../model/fixtures/history.js';
import {
  crashLoopPod,
  crashLoopTimeline,
  now,
  oomKilledPod,
  terminatingPod,
  terminatingTimeline,
  viewOf,
} from '../containers/fixtures.js';

beforeAll(() => {
  // Absolute times are local times; pin the zone so they read the same on every machine.
  process.env.TZ = 'UTC';
});
afterEach(() => cleanup());

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;

function draw(pod: Pod, overrides: Partial<ConditionsPaneProps> = {}, timeline = crashLoopTimeline(pod)): string[] {
  const props: ConditionsPaneProps = {
    pod,
    view: viewOf(pod, timeline),
    now,
    absoluteTimes: false,
    width: 120,
    height: 200,
    scroll: 0,
    focused: false,
    ascii: false,
    ...overrides,
  };
  const { lastFrame } = render(<ConditionsPane {...props} />);
  return (lastFrame() ?? '').replace(ansi, '').split('\n');
}

describe('ConditionsPane: the pod', () => {
  const cases: { name: string; pod: () => Pod; absoluteTimes: boolean; expected: string[] }[] = [
    {
      name: 'crash loop, relative times',
      pod: crashLoopPod,
      absoluteTimes: false,
      expected: [
        'Phase Running · QoS Burstable · started 11m ago',
        'Pod IP 10.244.2.17, fd00:10:244:2::11 · node worker-2 · host IP 10.0.1.12',
        '  Ready                     False   ContainersNotReady  changed 4m48s ago',
        '    containers with unready status: [app]',
        '  PodScheduled              True     changed 12m ago',
      ],
    },
    {
      name: 'crash loop, absolute times',
      pod: crashLoopPod,
      absoluteTimes: true,
      expected: [
        'Phase Running · QoS Burstable · started 2026-11-25 13:58:01',
        '  Ready                     False   ContainersNotReady  changed 2026-11-25 14:05:12',
      ],
    },
    {
      name: 'terminating: the grace period and when deletion was asked for',
      pod: terminatingPod,
      absoluteTimes: false,
      expected: ['Terminating: grace period 30s, requested 10s ago', 'Conditions', '  <none>'],
    },
    {
      name: 'terminating: the deadline as a time',
      pod: terminatingPod,
      absoluteTimes: true,
      expected: ['Terminating: grace period 30s, deadline 2026-11-25 14:10:20'],
    },
    {
      name: 'evicted: the pod-level reason and message',
      pod: () => {
        const pod = oomKilledPod();
        pod.status.phase = 'Failed';
        pod.status.reason = 'Evicted';
        pod.status.message = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 92Mi.';
        return pod;
      },
      absoluteTimes: false,
      expected: ['Phase Failed · QoS Guaranteed · started 129m ago', 'Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 92Mi.'],
    },
    {
      name: 'a condition probed recently',
      pod: () => {
        const pod = oomKilledPod();
        pod.status.conditions = [
          { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', lastProbeTime: '2026-11-25T14:09:40Z', lastTransitionTime: '2026-11-25T14:08:00Z' },
        ];
        return pod;
      },
      absoluteTimes: false,
      expected: ['  Ready Unknown NodeStatusUnknown  changed 2m ago, probed 20s ago'],
    },
    {
      name: 'readiness gates, one set by its controller and one not yet',
      pod: () => {
        const pod = oomKilledPod();
        pod.spec.readinessGates = [{ conditionType: 'target-health.elbv2.k8s.aws/k8s-shop-web' }, { conditionType: 'example.com/feature-1' }];
        pod.status.conditions = [
          { type: 'target-health.elbv2.k8s.aws/k8s-shop-web', status: 'True', lastTransitionTime: '2026-11-25T14:09:00Z' },
          { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: 'corresponding condition of pod readiness gate "example.com/feature-1" does not exist.', lastTransitionTime: '2026-11-25T14:08:00Z' },
        ];
        return pod;
      },
      absoluteTimes: false,
      expected: ['Readiness gates', '  target-health.elbv2.k8s.aws/k8s-shop-web True', '  example.com/feature-1 <none>'],
    },
  ];
  it.each(cases)('$name', ({ pod, absoluteTimes, expected }) => {
    const lines = draw(pod(), { absoluteTimes }, []);
    for (const line of expected) expect(lines).toContain(line);
  });
});

describe('ConditionsPane: the top lines', () => {
  it('at the height an 80x24 terminal leaves, shows the pod and each container in one line', () => {
    expect(draw(crashLoopPod(), { width: 80, height: 5 })).toEqual([
      'Phase Running · QoS Burstable · started 11m ago',
      'init migrate  Completed',
      'sidecar log-shipper  Running · ready',
      'app  CrashLoopBackOff · last Error (exit 1) 4m48s ago · restarts 3 · not ready',
      '↓ 52 more lines (Tab to focus, then scroll)',
    ]);
  });

  const cases: { name: string; pod: () => Pod; expected: string[] }[] = [
    { name: 'an OOM kill, running again', pod: oomKilledPod, expected: ['worker  Running · last OOMKilled (exit 137) 42s ago · restarts 1 · ready'] },
    {
      name: 'terminating, and an image that cannot be pulled',
      pod: terminatingPod,
      expected: ['Terminating: grace period 30s, requested 10s ago', 'api  Running · ready', 'cache  ImagePullBackOff · not ready'],
    },
  ];
  it.each(cases)('$name', ({ pod, expected }) => {
    const lines = draw(pod(), {}, []);
    expect(lines.slice(1, 1 + expected.length)).toEqual(expected);
  });
});

describe('ConditionsPane: the containers', () => {
  it('lists init containers, the sidecar marked, app and ephemeral containers in order', () => {
    const lines = draw(crashLoopPod());
    const heads = lines.slice(lines.indexOf('Containers')).filter((line) => /^(init |sidecar |ephemeral )?[a-z][\w-]*  \S+$/.test(line));
    expect(heads).toEqual([
      'init migrate  ghcr.io/acme/web-migrate:1.4.2',
      'sidecar log-shipper  docker.io/fluent/fluent-bit:3.1',
      'app  ghcr.io/acme/web:1.4.2',
      'ephemeral debugger-k9x2p  docker.io/library/busybox:1.36',
    ]);
  });

  it('shows the crash: waiting state with its message, the last exit, restarts, probe failures', () => {
    const lines = draw(crashLoopPod());
    const app = lines.slice(lines.indexOf('app  ghcr.io/acme/web:1.4.2'));
    expect(app.slice(0, 5)).toEqual([
      'app  ghcr.io/acme/web:1.4.2',
      '  state     Waiting: CrashLoopBackOff',
      '            back-off 40s restarting failed container=app',
      '            pod=web-7d4b9c6f5-x2x8q_shop(5f1c2a7e-8d0b-4c1e-9a6f-3e2d1c0b9a87)',
      '  last      Terminated: Error, exit code 1  started 5m ago, finished 4m48s ago, ran 12s',
    ]);
    expect(app).toContain('  restarts  3  ready false  started false');
    const liveness = app.indexOf('  liveness  http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3');
    expect(app.slice(liveness + 1, liveness + 3)).toEqual([
      '            ✗ 7×, latest 4m52s ago: Liveness probe failed: Get "http://10.244.2.17:8080/healthz": context deadline',
      '            exceeded (Client.Timeout exceeded while awaiting headers)',
    ]);
    expect(app).toContain('  postStart exec [sh -c touch /tmp/started]');
  });

  it('shows an OOM kill with its signal, and a grpc probe', () => {
    const lines = draw(oomKilledPod(), {}, []);
    expect(lines).toContain('  last      Terminated: OOMKilled, exit code 137 (SIGKILL)  started 129m ago, finished 42s ago, ran 129m');
    expect(lines).toContain('  liveness  grpc <pod>:9090 health delay=0s timeout=1s period=15s #success=1 #failure=3');
    expect(lines).toContain('  requests  cpu=500m memory=512Mi');
  });

  it('shows a preStop hook failure under its hook', () => {
    const pod = terminatingPod();
    const lines = draw(pod, { width: 80 }, terminatingTimeline(pod));
    const at = lines.indexOf('  preStop   http-get http://:8081/drain');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('            ✗ 1×, latest 8s ago: PreStopHook failed');
  });
});

describe('ConditionsPane: fitting the pane', () => {
  const widths = [30, 52, 80];
  it.each(widths)('never draws a line wider than %i cells', (width) => {
    const lines = draw(crashLoopPod(), { width });
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(width);
    expect(lines.some((line) => line.endsWith('…'))).toBe(true);
  });

  it('draws only ASCII with --ascii', () => {
    const lines = draw(crashLoopPod(), { width: 50, ascii: true, height: 12 });
    for (const line of lines) expect(line).toMatch(/^[\x20-\x7e]*$/);
    expect(lines.some((line) => line.endsWith('~'))).toBe(true);
  });

  const heights = [1, 5, 17];
  it.each(heights)('draws at most %i lines and says how many more there are', (height) => {
    const all = draw(crashLoopPod());
    const lines = draw(crashLoopPod(), { height });
    expect(lines).toHaveLength(height);
    expect(lines[height - 1]).toBe(`↓ ${all.length - height + 1} more lines (Tab to focus, then scroll)`);
    expect(lines.slice(0, height - 1)).toEqual(all.slice(0, height - 1));
  });

  it('scrolls from the given line, and no further than the last page', () => {
    const all = draw(crashLoopPod());
    const scrolled = draw(crashLoopPod(), { scroll: 3, height: 6, focused: true });
    expect(scrolled.slice(0, 5)).toEqual(all.slice(3, 8));
    expect(scrolled[5]).toBe(`↓ ${all.length - 8} more lines`);
    const end = draw(crashLoopPod(), { scroll: 10_000, height: 6 });
    expect(end).toEqual(all.slice(all.length - 6));
  });
});

describe('ConditionsPane: a watched history, live and at a past step', () => {
  function watched(history: PodHistory): PodView {
    let state = createClusterState();
    for (const observation of history.observations) state = applyObservation(state, observation);
    const [view] = state.pods.values();
    if (!view) throw new Error('the history has a pod');
    return view;
  }
  const drawView = (view: PodView, pod: Pod) => {
    const { lastFrame } = render(
      <ConditionsPane pod={pod} view={view} now={at(70)} absoluteTimes={false} width={110} height={60} scroll={0} focused={false} ascii={false} />,
    );
    return (lastFrame() ?? '').replace(ansi, '').split('\n');
  };
  /** The step at which the timeline shows `reason` for the `nth` time (0-based). */
  const stepOf = (view: PodView, reason: string, nth = 0) =>
    view.timeline
      .map((entry, i) => ({ i, reason: entry.source === 'transition' ? entry.transition.reason : entry.event.reason }))
      .filter((e) => e.reason === reason)[nth]?.i ?? -1;

  it('the liveness kill: the instance it ended, with the Killing event', () => {
    const view = watched(livenessHistory());
    const lines = drawView(view, view.pod);
    expect(lines).toContain('  last      Terminated: Error, exit code 137 (SIGKILL)  started 67s ago, finished 39s ago, ran 28s');
    const seen = lines.findIndex((l) => l.startsWith('  seen'));
    expect(`${lines[seen]} ${lines[seen + 1]?.trim()}`).toBe(
      '  seen      #0 Error, exit code 137, ran 28s, ended 39s ago · Killing: Container app failed liveness probe, will be restarted',
    );
  });

  it('before the kill, nothing of it is shown', () => {
    const view = watched(livenessHistory());
    const lines = drawView(view, snapshotAt(view, stepOf(view, 'Unhealthy')));
    expect(lines).toContain('  state     Running  started 67s ago');
    expect(lines.some((l) => l.startsWith('  last') || l.startsWith('  seen'))).toBe(false);
  });

  it('with the step time from the App: the probe failures up to that moment only', () => {
    const h = new PodHistory('web-5c8d7-q2x9z');
    h.pod.spec.containers[0]!.livenessProbe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 };
    h.created();
    scheduleAndCreate(h);
    pullAndStart(h, 3, true);
    running(h, 3, 0);
    const failed = 'Liveness probe failed: HTTP probe failed with statuscode: 500';
    for (const second of [20, 25, 30]) h.event(second, 'Warning', 'Unhealthy', failed, 'app');
    const view = watched(h);
    const failureAt = (stepAt: number | undefined) => {
      const pod = stepAt === undefined ? view.pod : snapshotAt(view, stepOf(view, 'Running'));
      const { lastFrame } = render(
        <ConditionsPane pod={pod} view={view} now={at(40)} absoluteTimes={false} width={110} height={60} scroll={0} focused={false} ascii={false} {...(stepAt === undefined ? {} : { stepAt })} />,
      );
      const lines = (lastFrame() ?? '').replace(ansi, '').split('\n');
      return lines[lines.findIndex((l) => l.startsWith('  liveness')) + 1];
    };
    expect(failureAt(undefined)).toBe(`            ✗ 3×, latest 10s ago: ${failed}`);
    expect(failureAt(at(26))).toBe(`            ✗ 2×, latest 15s ago: ${failed}`);
    expect(failureAt(at(19))).toBe('  requests  cpu=100m memory=128Mi');
  });

  it('the crash loop: every instance seen, newest first', () => {
    const view = watched(crashloopHistory());
    const lines = drawView(view, view.pod);
    const seen = lines.findIndex((l) => l.startsWith('  seen'));
    expect(lines.slice(seen, seen + 4)).toEqual([
      '  seen      #3 Error, exit code 1, ran 5s, ended 14s ago',
      '            #2 Error, exit code 1, ran 5s, ended 40s ago',
      '            #1 Error, exit code 1, ran 5s, ended 56s ago',
      '            #0 Error, exit code 1, ran 5s, ended 62s ago',
    ]);
  });

  it('the crash loop at its first back-off: only the instances that had ended by then', () => {
    const view = watched(crashloopHistory());
    const lines = drawView(view, snapshotAt(view, stepOf(view, 'CrashLoopBackOff')));
    expect(lines).toContain('  state     Waiting: CrashLoopBackOff');
    const seen = lines.findIndex((l) => l.startsWith('  seen'));
    expect(lines.slice(seen, seen + 3)).toEqual([
      '  seen      #1 Error, exit code 1, ran 5s, ended 56s ago',
      '            #0 Error, exit code 1, ran 5s, ended 62s ago',
      '  restarts  1  ready false  started false',
    ]);
  });
});
