import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/model/views.js';
import { containerNames, logTarget } from '../../src/ui/logTarget.js';
import { makePod, running, terminated, waiting, type PodFixture } from '../model/fixtures/pods.js';
import { crashloopView, transitionEntry, s } from './fixtures.js';

const pod = (fixture: Omit<PodFixture, 'name'>) => makePod({ name: 'api-6f9c7-x2kqp', namespace: 'demo', ...fixture });

describe('logTarget at LIVE', () => {
  it.each<[string, Omit<PodFixture, 'name'>, string]>([
    ['a healthy pod: the first app container', { containers: [{ name: 'app' }, { name: 'metrics' }] }, 'app'],
    [
      'the crash-looping container, not the first',
      { containers: [{ name: 'app' }, { name: 'worker', state: waiting('CrashLoopBackOff'), lastState: terminated(1, 'Error'), restartCount: 4 }] },
      'worker',
    ],
    ['an image that cannot be pulled', { containers: [{ name: 'app', state: waiting('ImagePullBackOff') }] }, 'app'],
    [
      'a failing init container before the app',
      { initContainers: [{ name: 'migrate', state: terminated(1, 'Error'), restartCount: 2 }], containers: [{ name: 'app', state: waiting('PodInitializing') }] },
      'migrate',
    ],
    [
      'a container restarted and not ready yet',
      { containers: [{ name: 'sidecar-proxy' }, { name: 'app', state: running(3), ready: false, restartCount: 1, lastState: terminated(137, 'OOMKilled') }] },
      'app',
    ],
    ['still creating is not failing', { containers: [{ name: 'app', state: waiting('ContainerCreating') }, { name: 'metrics', state: waiting('ContainerCreating') }] }, 'app'],
    ['a completed job', { restartPolicy: 'Never', containers: [{ name: 'job', state: terminated(0, 'Completed') }] }, 'job'],
  ])('%s', (_name, fixture, container) => {
    const live = pod(fixture);
    expect(logTarget(live, live, undefined)).toMatchObject({ namespace: 'demo', pod: 'api-6f9c7-x2kqp', container, previous: false });
  });

  it('lists every container, init first', () => {
    const live = pod({ initContainers: [{ name: 'migrate', state: terminated(0, 'Completed') }, { name: 'proxy', sidecar: true }], containers: [{ name: 'app' }] });
    expect(containerNames(live)).toEqual(['migrate', 'proxy', 'app']);
    expect(logTarget(live, live, undefined).containers).toEqual(['migrate', 'proxy', 'app']);
  });
});

describe('logTarget while stepping', () => {
  const live = pod({ containers: [{ name: 'app', state: waiting('CrashLoopBackOff'), lastState: terminated(1, 'Error'), restartCount: 3 }] });

  function exitStep(restartCount: number): { shown: typeof live; entry: TimelineEntry } {
    const shown = pod({ containers: [{ name: 'app', state: terminated(1, 'Error'), restartCount }] });
    const entry = transitionEntry(shown, {
      kind: 'ContainerStateChanged',
      at: s(30),
      type: 'Warning',
      reason: 'Terminated',
      message: 'app: Terminated (Error, exit code 1)',
      container: { name: 'app', kind: 'app' },
    });
    return { shown, entry };
  }

  it('an exit the container has restarted since: the previous instance', () => {
    const { shown, entry } = exitStep(2);
    expect(logTarget(live, shown, entry)).toMatchObject({ container: 'app', previous: true });
  });

  it('an exit of the instance that is still the current one: its own log', () => {
    const { shown, entry } = exitStep(3);
    expect(logTarget(live, shown, entry)).toMatchObject({ container: 'app', previous: false });
  });

  it('an event about one container opens that container', () => {
    const view = crashloopView();
    const backOff = view.timeline.at(-1)!;
    expect(logTarget(view.pod, view.pod, backOff)).toMatchObject({ container: 'app', previous: false });
  });
});
