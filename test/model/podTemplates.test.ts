import { describe, expect, test } from 'vitest';
import { applyObservation, createClusterState } from '../../src/model/clusterState.js';
import { PodTemplates } from '../../src/model/podTemplates.js';
import type { Pod } from '../../src/model/types.js';
import { slimPod } from '../../src/kube/slim.js';
import { BASE_MS, nextVersion, runningPod } from '../../src/bench/micro/podStream.js';

// A Deployment's pod as the watch layer hands it over: parsed from JSON, slimmed.
const replica = (index: number, edit: (pod: Pod) => void = () => {}): Pod => {
  const pod = runningPod(index, 1, 1000 + index);
  pod.metadata.ownerReferences = [{ kind: 'ReplicaSet', name: 'web-7d4b9c8f5', uid: '0b6d7f3e-2c1a-4e5f-9a8b-7c6d5e4f3a2b', controller: true }];
  edit(pod);
  return slimPod(JSON.parse(JSON.stringify(pod)));
};

describe('PodTemplates: the pods of one owner share their template parts', () => {
  test('a second replica takes the first one’s containers, labels and owner references, and reads the same', () => {
    const templates = new PodTemplates();
    const first = replica(0);
    const second = replica(1);
    const before = structuredClone(second);
    templates.adopt(first);
    templates.adopt(second);
    expect(second.spec.containers).toBe(first.spec.containers);
    expect(second.metadata.labels).toBe(first.metadata.labels);
    expect(second.metadata.ownerReferences).toBe(first.metadata.ownerReferences);
    expect(second).toEqual(before);
    // What differs per pod stays the pod's own.
    expect(second.metadata.name).not.toBe(first.metadata.name);
    expect(second.status.podIP).not.toBe(first.status.podIP);
  });

  test('a replica whose containers differ (a webhook injected one) keeps its own list, sharing the equal container', () => {
    const templates = new PodTemplates();
    const first = replica(0);
    const injected = replica(1, (pod) => pod.spec.containers.push({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.0' }));
    templates.adopt(first);
    templates.adopt(injected);
    expect(injected.spec.containers).not.toBe(first.spec.containers);
    expect(injected.spec.containers.map((c) => c.name)).toEqual(['app', 'istio-proxy']);
    expect(injected.spec.containers[0]).toBe(first.spec.containers[0]);
    expect(injected.metadata.labels).toBe(first.metadata.labels);
  });

  test.each<{ name: string; edit: (pod: Pod) => void }>([
    { name: 'another owner (uid)', edit: (pod) => (pod.metadata.ownerReferences![0]!.uid = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b') },
    { name: 'no owner', edit: (pod) => delete pod.metadata.ownerReferences },
    { name: 'an owner that is not its controller', edit: (pod) => (pod.metadata.ownerReferences![0]!.controller = false) },
  ])('$name: nothing is shared', ({ edit }) => {
    const templates = new PodTemplates();
    const first = replica(0);
    const other = replica(1, edit);
    templates.adopt(first);
    templates.adopt(other);
    expect(other.spec.containers).not.toBe(first.spec.containers);
    expect(other.metadata.labels).not.toBe(first.metadata.labels);
  });

  test('without an owner uid, owners of one name in two namespaces are two owners', () => {
    const templates = new PodTemplates();
    const inTeamA = slimPod(JSON.parse(JSON.stringify(runningPod(0, 2, 1000))));
    const inTeamB = slimPod(JSON.parse(JSON.stringify(runningPod(1, 2, 1001))));
    const alsoInTeamA = slimPod(JSON.parse(JSON.stringify(runningPod(2, 2, 1002))));
    expect([inTeamA, inTeamB, alsoInTeamA].map((p) => p.metadata.namespace)).toEqual(['team-00', 'team-01', 'team-00']);
    for (const pod of [inTeamA, inTeamB, alsoInTeamA]) templates.adopt(pod);
    expect(inTeamB.spec.containers).not.toBe(inTeamA.spec.containers);
    expect(alsoInTeamA.spec.containers).toBe(inTeamA.spec.containers);
  });

  test('past its bound the oldest owner is forgotten', () => {
    const templates = new PodTemplates(2);
    const owned = (index: number, owner: string) => replica(index, (pod) => (pod.metadata.ownerReferences![0]!.uid = owner));
    const [a, b, c] = [owned(0, 'owner-a'), owned(1, 'owner-b'), owned(2, 'owner-c')];
    for (const pod of [a, b, c]) templates.adopt(pod);
    const laterA = owned(3, 'owner-a');
    const laterC = owned(4, 'owner-c');
    templates.adopt(laterA);
    templates.adopt(laterC);
    expect(laterA.spec.containers).not.toBe(a.spec.containers);
    expect(laterC.spec.containers).toBe(c.spec.containers);
  });

  test('through the reducer: replicas share their template, and a pod’s next versions keep sharing it', () => {
    let state = createClusterState();
    const pods = [replica(0), replica(1), replica(2)];
    for (const pod of pods) state = applyObservation(state, { kind: 'PodObserved', pod, observedAt: BASE_MS });
    const next = slimPod(nextVersion(pods[2]!, 0, BASE_MS + 10_000, 2000));
    state = applyObservation(state, { kind: 'PodObserved', pod: next, observedAt: BASE_MS + 10_000 });
    const views = [...state.pods.values()];
    expect(new Set(views.map((v) => v.pod.spec.containers)).size).toBe(1);
    expect(new Set(views.map((v) => v.pod.metadata.labels)).size).toBe(1);
    expect(views[2]!.pod.metadata.resourceVersion).toBe('2000');
    expect(views[2]!.row.ready).toBe('0/1');
  });
});
