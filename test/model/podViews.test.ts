import { describe, expect, test } from 'vitest';
import { applyObservation, createClusterState, type ClusterState } from '../../src/model/clusterState.js';
import type { Pod } from '../../src/model/types.js';
import { crashloopHistory } from './fixtures/history.js';

function podNamed(name: string): Pod {
  const pod = structuredClone(crashloopHistory().versions[3]!);
  pod.metadata.name = name;
  pod.metadata.uid = `uid-${name}`;
  return pod;
}

describe('ClusterState.pods (a view over the reducer records)', () => {
  let state: ClusterState = createClusterState();
  for (const name of ['c', 'a', 'b']) state = applyObservation(state, { kind: 'PodObserved', pod: podNamed(name), observedAt: 0 });
  state = applyObservation(state, { kind: 'PodDeleted', pod: podNamed('a'), observedAt: 1 });
  const namespace = podNamed('x').metadata.namespace;

  test('reads like a Map in arrival order: size, get, has, keys, values, entries, iteration, forEach', () => {
    const keys = [`${namespace}/c`, `${namespace}/b`];
    expect(state.pods.size).toBe(2);
    expect([...state.pods.keys()]).toEqual(keys);
    expect([...state.pods.values()].map((v) => v.row.name)).toEqual(['c', 'b']);
    expect([...state.pods.entries()].map(([k, v]) => [k, v.row.name])).toEqual([
      [keys[0], 'c'],
      [keys[1], 'b'],
    ]);
    expect([...state.pods].map(([k]) => k)).toEqual(keys);
    const seen: string[] = [];
    state.pods.forEach((view, key, map) => {
      expect(map).toBe(state.pods);
      seen.push(`${key}=${view.row.name}`);
    });
    expect(seen).toEqual([`${keys[0]}=c`, `${keys[1]}=b`]);
    expect(state.pods.has(`${namespace}/a`)).toBe(false);
    expect(state.pods.get(`${namespace}/b`)?.row.name).toBe('b');
    expect(new Map(state.pods).size).toBe(2);
  });

  test('each view is the newest one of its pod, and a view already held stays as it was', () => {
    const key = `${namespace}/b`;
    const held = state.pods.get(key)!;
    const next = podNamed('b');
    next.metadata.resourceVersion = '999999';
    next.status.phase = 'Failed';
    const after = applyObservation(state, { kind: 'PodObserved', pod: next, observedAt: 2 });
    expect(after.pods.get(key)).not.toBe(held);
    expect(after.pods.get(key)!.pod.status.phase).toBe('Failed');
    expect(held.pod.status.phase).not.toBe('Failed');
    expect([...after.pods.values()].find((v) => v.row.name === 'b')).toBe(after.pods.get(key));
  });
});
