import { describe, expect, test } from 'vitest';
import { shareUnchanged } from '../../src/model/structuralSharing.js';
import type { Pod } from '../../src/model/types.js';
import { appStatus, crashloopHistory } from './fixtures/history.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('shareUnchanged', () => {
  const versions = crashloopHistory().versions;

  test.each(versions.slice(1).map((pod, i) => [i + 1, pod] as const))('version %i equals what came off the wire, sharing what did not change', (i, next) => {
    const previous = clone(versions[i - 1]!);
    const wire = clone(next);
    const shared = shareUnchanged(previous, wire);
    expect(shared).toEqual(next);
    expect(wire).toEqual(next); // adopted, the input still reads as it came
    if (shared !== previous) expect(shared).toBe(wire); // changed: the parsed object itself, not a copy
    expect(shared.spec === previous.spec).toBe(JSON.stringify(previous.spec) === JSON.stringify(next.spec));
    expect(shared.metadata.labels).toBe(previous.metadata.labels);
  });

  test('identical content: the previous object itself', () => {
    const pod = versions[5]!;
    const previous = clone(pod);
    expect(shareUnchanged(previous, clone(pod))).toBe(previous);
  });

  test('one container state changed: only its path is new', () => {
    const previous = clone(versions[5]!);
    const next = clone(previous);
    appStatus(next).state = { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=app pod=x_demo(1)' } };
    const shared = shareUnchanged(previous, next);
    expect(shared).not.toBe(previous);
    expect(shared.metadata).toBe(previous.metadata);
    expect(shared.spec).toBe(previous.spec);
    expect(shared.status).not.toBe(previous.status);
    expect(shared.status.conditions).toBe(previous.status.conditions);
    expect(appStatus(shared)).not.toBe(appStatus(previous));
    expect(appStatus(shared).lastState).toBe(appStatus(previous).lastState);
    expect(appStatus(shared).state).toEqual(next.status.containerStatuses![0]!.state);
  });

  test.each<[string, (pod: Pod) => void]>([
    ['a key removed', (pod) => delete pod.status.podIP],
    ['a key added', (pod) => (pod.status.nominatedNodeName = 'worker-2')],
    ['an array grew', (pod) => pod.status.conditions!.push({ type: 'DisruptionTarget', status: 'True' })],
    ['an array shrank', (pod) => pod.status.conditions!.pop()],
    ['a nested value changed', (pod) => (pod.status.conditions![0]!.lastProbeTime = '2026-11-25T10:00:09Z')],
    ['an object became an array', (pod) => ((pod.metadata as unknown as Record<string, unknown>).labels = ['x'])],
  ])('%s', (_, mutate) => {
    const previous = clone(versions[5]!);
    const next = clone(previous);
    mutate(next);
    const shared = shareUnchanged(previous, next);
    expect(shared).toStrictEqual(next);
    expect(shared).not.toBe(previous);
    expect(shared.spec).toBe(previous.spec);
  });

  test('no previous version: the new one as it is', () => {
    const pod = clone(versions[0]!);
    expect(shareUnchanged(undefined, pod)).toBe(pod);
  });
});
