import { describe, expect, it } from 'vitest';
import { containerDetails, type StateDetail } from '../../../src/model/containerDetails.js';
import { lineText } from '../../../src/ui/spans.js';
import { SEEN_INSTANCES, containerLines, stateHeadline, stateTimes } from '../../../src/ui/containers/containerLines.js';
import type { ContainerInstance } from '../../../src/model/views.js';
import { makeTheme } from '../../../src/ui/theme.js';
import { probeFailures } from '../../../src/model/probes.js';
import { crashLoopPod, crashLoopTimeline, now, oomKilledPod, terminatingPod, terminatingTimeline, viewOf } from './fixtures.js';

const at = (time: string) => Date.parse(time);
const ctx = { now, absoluteTimes: false, theme: makeTheme({ color: true, ascii: false }), width: 200 };

describe('stateHeadline', () => {
  const cases: { state: StateDetail; expected: string }[] = [
    { state: { kind: 'running', startedAt: at('2026-11-25T14:00:00Z') }, expected: 'Running' },
    { state: { kind: 'waiting' }, expected: 'Waiting' },
    { state: { kind: 'waiting', reason: 'ContainerCreating' }, expected: 'Waiting: ContainerCreating' },
    { state: { kind: 'terminated', exitCode: 0, reason: 'Completed' }, expected: 'Terminated: Completed, exit code 0' },
    { state: { kind: 'terminated', exitCode: 1, reason: 'Error' }, expected: 'Terminated: Error, exit code 1' },
    { state: { kind: 'terminated', exitCode: 137, reason: 'OOMKilled', exitSignal: 'SIGKILL' }, expected: 'Terminated: OOMKilled, exit code 137 (SIGKILL)' },
    { state: { kind: 'terminated', exitCode: 143, exitSignal: 'SIGTERM' }, expected: 'Terminated: exit code 143 (SIGTERM)' },
    { state: { kind: 'terminated', exitCode: 0, signal: 11, exitSignal: 'SIGSEGV' }, expected: 'Terminated: exit code 0, signal 11 (SIGSEGV)' },
  ];
  it.each(cases)('$expected', ({ state, expected }) => {
    expect(stateHeadline(state)).toBe(expected);
  });
});

describe('stateTimes', () => {
  const running: StateDetail = { kind: 'running', startedAt: at('2026-11-25T14:08:30Z') };
  const ended: StateDetail = {
    kind: 'terminated',
    exitCode: 1,
    startedAt: at('2026-11-25T14:05:00Z'),
    finishedAt: at('2026-11-25T14:05:12Z'),
    ranFor: 12_000,
  };
  const cases: { name: string; state: StateDetail; absolute: boolean; expected: string }[] = [
    { name: 'running, relative', state: running, absolute: false, expected: 'started 90s ago' },
    { name: 'running, absolute', state: running, absolute: true, expected: 'started 2026-11-25 14:08:30, running 90s' },
    { name: 'ended, relative', state: ended, absolute: false, expected: 'started 5m ago, finished 4m48s ago, ran 12s' },
    { name: 'waiting: no times', state: { kind: 'waiting', reason: 'CrashLoopBackOff' }, absolute: false, expected: '' },
  ];
  it.each(cases)('$name', ({ state, absolute, expected }) => {
    process.env.TZ = 'UTC';
    expect(stateTimes(state, { ...ctx, absoluteTimes: absolute })).toBe(expected);
  });
});

describe('containerLines', () => {
  it('puts the pulled digest after the image, muted', () => {
    const pod = crashLoopPod();
    pod.status.containerStatuses!.find((s) => s.name === 'app')!.imageID = `ghcr.io/acme/web@sha256:c0ffee15deadbeef${'0'.repeat(48)}`;
    const app = containerDetails(pod, []).find((d) => d.name === 'app')!;
    const [header] = containerLines(app, ctx);
    expect(lineText(header!)).toBe('app  ghcr.io/acme/web:1.4.2 @sha256:c0ffee15dead');
    expect(header!.at(-1)?.color).toBe('gray');
  });

  it('draws the crash-looping app container from label to label', () => {
    const pod = crashLoopPod();
    const timeline = crashLoopTimeline(pod);
    const app = containerDetails(pod, timeline, { probeFailures: probeFailures(viewOf(pod, timeline)) }).find((d) => d.name === 'app');
    if (!app) throw new Error('fixture has an app container');
    expect(containerLines(app, ctx).map(lineText)).toEqual([
      'app  ghcr.io/acme/web:1.4.2',
      '  state     Waiting: CrashLoopBackOff',
      '            back-off 40s restarting failed container=app pod=web-7d4b9c6f5-x2x8q_shop(5f1c2a7e-8d0b-4c1e-9a6f-3e2d1c0b9a87)',
      '  last      Terminated: Error, exit code 1  started 5m ago, finished 4m48s ago, ran 12s',
      '  restarts  3  ready false  started false',
      '  ports     8080/TCP (http)',
      '  startup   exec [cat /tmp/started] delay=0s timeout=1s period=2s #success=1 #failure=30',
      '  liveness  http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3',
      '            ✗ 7×, latest 4m52s ago: Liveness probe failed: Get "http://10.244.2.17:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      '  readiness http-get http://:http/ready delay=0s timeout=1s period=5s #success=1 #failure=2',
      '            ✗ 4×, latest 4m55s ago: Readiness probe failed: Get "http://10.244.2.17:8080/ready": dial tcp 10.244.2.17:8080: connect: connection refused',
      '  postStart exec [sh -c touch /tmp/started]',
      '  preStop   sleep 5s',
      '  requests  cpu=100m memory=128Mi',
      '  limits    memory=256Mi',
    ]);
  });

  it('colours by state: a back-off red, a running ready container green, a clean exit uncoloured', () => {
    const pod = crashLoopPod();
    const [migrate, shipper, app] = containerDetails(pod, []);
    const stateSpan = (lines: ReturnType<typeof containerLines>) => lines[1]?.[1];
    expect(stateSpan(containerLines(app!, ctx))?.color).toBe('red');
    expect(stateSpan(containerLines(shipper!, ctx))?.color).toBe('green');
    expect(stateSpan(containerLines(migrate!, ctx))?.color).toBeUndefined();
    const pulling = terminatingPod();
    const [, cache] = containerDetails(pulling, []);
    expect(stateSpan(containerLines(cache!, ctx))?.color).toBe('red');
    pulling.status.containerStatuses![1]!.state = { waiting: { reason: 'ContainerCreating' } };
    const [, creating] = containerDetails(pulling, []);
    expect(stateSpan(containerLines(creating!, ctx))?.color).toBe('yellow');
    const plain = { ...ctx, theme: makeTheme({ color: false, ascii: false }) };
    expect(stateSpan(containerLines(app!, plain))?.color).toBeUndefined();
  });

  it('marks kinds and says when the kubelet has not reported a container', () => {
    const pod = terminatingPod();
    pod.status.containerStatuses = pod.status.containerStatuses?.slice(0, 1);
    const [, cache] = containerDetails(pod, terminatingTimeline(pod));
    expect(containerLines(cache!, ctx).map(lineText)).toEqual(['cache  redis:7.4-alpine', '  state     not reported by the kubelet yet']);
    const [worker] = containerDetails(oomKilledPod(), []);
    expect(lineText(containerLines(worker!, ctx)[0] ?? [])).toBe('worker  ghcr.io/acme/worker:2.0.0');
  });

  it('writes a multi-line termination message one line each', () => {
    const pod = oomKilledPod();
    const status = pod.status.containerStatuses?.[0];
    if (!status?.lastState?.terminated) throw new Error('fixture has a last state');
    status.lastState.terminated.message = 'panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:';
    const [worker] = containerDetails(pod, []);
    const lines = containerLines(worker!, ctx).map(lineText);
    const last = lines.findIndex((l) => l.startsWith('  last'));
    expect(lines.slice(last + 1, last + 3)).toEqual([
      '            panic: runtime error: index out of range [3] with length 3',
      '            goroutine 1 [running]:',
    ]);
  });
});

describe('containerLines: instances seen', () => {
  const pod = oomKilledPod();
  const ended = (restartCount: number, finishedAt: string, ranFor: number, extra: Partial<ContainerInstance> = {}): ContainerInstance => ({
    container: 'worker',
    kind: 'app',
    restartCount,
    finishedAt: Date.parse(finishedAt),
    startedAt: Date.parse(finishedAt) - ranFor,
    ranFor,
    exitCode: 1,
    reason: 'Error',
    ...extra,
  });
  const seenOf = (instances: ContainerInstance[]) => {
    const [worker] = containerDetails(pod, [], { instances });
    const lines = containerLines(worker!, ctx).map(lineText);
    const from = lines.findIndex((l) => l.startsWith('  seen'));
    return from < 0 ? [] : lines.slice(from, lines.findIndex((l) => l.startsWith('  restarts')));
  };

  const cases: { name: string; instances: ContainerInstance[]; expected: string[] }[] = [
    { name: 'one plain exit adds nothing to lastState', instances: [ended(0, '2026-11-25T14:09:18Z', 30_000)], expected: [] },
    {
      name: 'one exit an Event explains',
      instances: [
        ended(0, '2026-11-25T14:09:18Z', 30_000, {
          exitCode: 137,
          reason: 'OOMKilled',
          killedBy: {
            uid: 'k',
            type: 'Normal',
            reason: 'Killing',
            message: 'Stopping container worker',
            count: 1,
            firstAt: Date.parse('2026-11-25T14:09:17Z'),
            lastAt: Date.parse('2026-11-25T14:09:17Z'),
            component: 'kubelet',
            container: 'worker',
            event: { metadata: { name: 'k' }, involvedObject: {} },
          },
        }),
      ],
      expected: ['  seen      #0 OOMKilled, exit code 137, ran 30s, ended 42s ago · Killing: Stopping container worker'],
    },
    {
      name: 'many exits: newest first, the rest counted',
      instances: Array.from({ length: SEEN_INSTANCES + 2 }, (_, i) => ended(i, `2026-11-25T14:0${i}:00Z`, 5_000)),
      expected: [
        '  seen      #5 Error, exit code 1, ran 5s, ended 5m ago',
        '            #4 Error, exit code 1, ran 5s, ended 6m ago',
        '            #3 Error, exit code 1, ran 5s, ended 7m ago',
        '            #2 Error, exit code 1, ran 5s, ended 8m ago',
        '            and 2 earlier',
      ],
    },
  ];
  it.each(cases)('$name', ({ instances, expected }) => {
    expect(seenOf(instances)).toEqual(expected);
  });
});
