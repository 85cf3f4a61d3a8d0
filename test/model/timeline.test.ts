import { describe, expect, test } from 'vitest';
import { compareEntries, entryRank, insertSorted, transitionEntry } from '../../src/model/timeline.js';
import { diffPods } from '../../src/model/transitions.js';
import type { TimelineEntry, Transition } from '../../src/model/views.js';
import type { ContainerState, Pod } from '../../src/model/types.js';
import { at } from './fixtures/history.js';

const POD = 'demo/crashloop-6f9c7-x2kqp';

function transition(id: string, seconds: number, kind: Transition['kind'], to?: ContainerState): TimelineEntry {
  const t: Transition = { kind, at: at(seconds), observedAt: at(seconds), resourceVersion: '1', type: 'Normal', reason: kind, message: id, state: to ? { to } : undefined };
  return { source: 'transition', id, at: at(seconds), podKey: POD, transition: t };
}

function event(id: string, seconds: number, reason: string): TimelineEntry {
  return {
    source: 'event',
    id,
    at: at(seconds),
    podKey: POD,
    event: { uid: id, type: 'Normal', reason, message: reason, count: 1, firstAt: at(seconds), lastAt: at(seconds), component: 'kubelet', event: { metadata: { name: id }, involvedObject: {} } },
  };
}

const exit: ContainerState = { terminated: { exitCode: 1, reason: 'Error' } };
const waiting: ContainerState = { waiting: { reason: 'CrashLoopBackOff' } };

describe('ties within one second', () => {
  test.each<[string, TimelineEntry, number]>([
    ['pod created causes events', transition('created', 0, 'PodCreated'), 0],
    ['a deletion request causes Killing', transition('deleting', 0, 'DeletionRequested'), 0],
    ['an exit causes BackOff', transition('exit', 0, 'ContainerStateChanged', exit), 0],
    ['events', event('started', 0, 'Started'), 1],
    ['a state the kubelet writes after its events', transition('waiting', 0, 'ContainerStateChanged', waiting), 2],
    ['a condition flip', transition('ready', 0, 'ConditionChanged'), 2],
  ])('%s: rank %i', (_, entry, rank) => {
    expect(entryRank(entry)).toBe(rank);
  });

  test('the order a crash reads in: exit, BackOff, CrashLoopBackOff; then by time, then by arrival', () => {
    const timeline: TimelineEntry[] = [];
    for (const entry of [
      transition('waiting', 15.6, 'ContainerStateChanged', waiting),
      event('backoff', 15, 'BackOff'),
      transition('exit', 15, 'ContainerStateChanged', exit),
      transition('ready-false', 15.6, 'ConditionChanged'),
      event('unhealthy', 14, 'Unhealthy'),
      transition('late-but-same', 15.6, 'ConditionChanged'),
    ]) insertSorted(timeline, entry);
    expect(timeline.map((e) => e.id)).toEqual(['unhealthy', 'exit', 'backoff', 'waiting', 'ready-false', 'late-but-same']);
    expect(compareEntries(timeline[3]!, timeline[4]!)).toBe(0); // only arrival order tells them apart
  });
});

describe('timeline lines of transitions', () => {
  const pod = (rv: string): Pod => ({
    metadata: { name: 'web-1', namespace: 'demo', uid: 'u1', resourceVersion: rv, creationTimestamp: '2026-11-25T10:00:00Z' },
    spec: { containers: [{ name: 'app' }] },
    status: { phase: 'Pending' },
  });

  test('a transition the model made is its own line; placing it again, or for another version, makes a separate line', () => {
    const version = pod('7');
    const [created] = diffPods(undefined, version, at(1));
    const line = transitionEntry(POD, created!, version, 5, 0);
    expect(line).toBe(created);
    expect(line.transition).toBe(created);
    expect([line.id, line.at, line.podKey, line.seq, line.pod]).toEqual(['t5.0', created!.at, POD, 5, version]);

    const again = transitionEntry(POD, created!, version, 6, 1);
    expect(again).not.toBe(created);
    expect([again.id, again.transition, line.id]).toEqual(['t6.1', created, 't5.0']);
    const otherVersion = transitionEntry(POD, created!, pod('8'), 7, 0);
    expect(otherVersion).not.toBe(created);
    expect(otherVersion.id).toBe('t7.0');
  });

  test('a hand-made transition gets a line around it', () => {
    const t: Transition = { kind: 'PodRemoved', at: at(3), observedAt: at(3), resourceVersion: '9', type: 'Normal', reason: 'Deleted', message: 'Pod deleted' };
    const line = transitionEntry(POD, t, pod('9'), 9, 0);
    expect([line.transition === t, line.id, line.at, line.source]).toEqual([true, 't9.0', at(3), 'transition']);
  });
});
