import { describe, expect, test } from 'vitest';
import { sharePodVersion } from '../../src/model/podVersion.js';
import type { Pod } from '../../src/model/types.js';
import { crashloopHistory } from './fixtures/history.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const running = (): Pod => clone(crashloopHistory().versions[5]!);

describe('sharePodVersion', () => {
  test.each<[string, (pod: Pod) => void]>([
    ['an image update (kubectl set image on a bare pod)', (pod) => (pod.spec.containers[0]!.image = 'ghcr.io/acme/api:1.4.3')],
    ['the binding sets nodeName', (pod) => (pod.spec.nodeName = 'worker-2')],
    ['an in-place resize', (pod) => (pod.spec.containers[0]!.resources = { requests: { cpu: '250m', memory: '128Mi' } })],
    ['an ephemeral container added (kubectl debug)', (pod) => (pod.spec.ephemeralContainers = [{ name: 'debugger-x7k2', image: 'busybox:1.36' }])],
    ['a toleration added', (pod) => ((pod.spec as unknown as Record<string, unknown>).tolerations = [{ key: 'spot', operator: 'Exists' }])],
    ['activeDeadlineSeconds set', (pod) => ((pod.spec as unknown as Record<string, unknown>).activeDeadlineSeconds = 600)],
  ])('the spec fields the API server lets change are seen: %s', (_, mutate) => {
    const previous = running();
    const next = clone(previous);
    mutate(next);
    const shared = sharePodVersion(previous, next);
    expect(shared.spec).not.toBe(previous.spec);
    expect(shared.spec).toEqual(next.spec);
    expect(shared.status).toBe(previous.status);
  });

  test('an unchanged spec is the previous one without walking it; status and metadata are shared part by part', () => {
    const previous = running();
    const next = clone(previous);
    next.metadata.resourceVersion = '9999';
    next.status.containerStatuses![0]!.ready = false;
    const shared = sharePodVersion(previous, next);
    expect(shared).toEqual(next);
    expect(shared.spec).toBe(previous.spec);
    expect(shared.metadata).not.toBe(previous.metadata);
    expect(shared.metadata.labels).toBe(previous.metadata.labels);
    expect(shared.status.conditions).toBe(previous.status.conditions);
  });

  test('the same content again is the previous version itself; no previous version is the new one', () => {
    const previous = running();
    expect(sharePodVersion(previous, clone(previous))).toBe(previous);
    const first = running();
    expect(sharePodVersion(undefined, first)).toBe(first);
  });
});
