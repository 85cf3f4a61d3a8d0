import { describe, expect, test } from 'vitest';
import {
  containerOfFieldPath,
  countBy,
  eventCount,
  eventMatchesPodUid,
  eventPodKey,
  eventTime,
  lastAtBy,
  mergeEventEntry,
  toEventEntry,
} from '../../src/model/eventEntry.js';
import type { KubeEvent } from '../../src/model/types.js';
import { at, iso } from './fixtures/history.js';

const OBSERVED = at(500);

function backOff(overrides: Partial<KubeEvent> = {}): KubeEvent {
  return {
    metadata: { name: 'crashloop-6f9c7-x2kqp.187a9b2c3d4e5f60', namespace: 'demo', uid: '5b0f6c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b', creationTimestamp: iso(15) },
    involvedObject: { kind: 'Pod', namespace: 'demo', name: 'crashloop-6f9c7-x2kqp', uid: '7c1e9a52-3f0b-4d8e-9a51-2b6f0c4d8e11', fieldPath: 'spec.containers{app}' },
    reason: 'BackOff',
    message: 'Back-off restarting failed container app in pod crashloop-6f9c7-x2kqp_demo(7c1e9a52-3f0b-4d8e-9a51-2b6f0c4d8e11)',
    type: 'Warning',
    source: { component: 'kubelet', host: 'worker-1' },
    firstTimestamp: iso(15),
    lastTimestamp: iso(15),
    count: 1,
    ...overrides,
  };
}

describe('event time: series.lastObservedTime ?? lastTimestamp ?? eventTime ?? firstTimestamp ?? creationTimestamp', () => {
  test.each<[string, Partial<KubeEvent>, number]>([
    ['series wins', { series: { count: 4, lastObservedTime: '2026-11-25T10:03:01.100000Z' }, lastTimestamp: iso(100) }, at(181) + 100],
    ['lastTimestamp', { lastTimestamp: iso(100) }, at(100)],
    ['eventTime (events.k8s.io without deprecated fields)', { lastTimestamp: null, firstTimestamp: null, eventTime: '2026-11-25T10:00:01.412345Z' }, at(1) + 412],
    ['firstTimestamp', { lastTimestamp: null, eventTime: null, firstTimestamp: iso(7) }, at(7)],
    ['creationTimestamp', { lastTimestamp: null, eventTime: null, firstTimestamp: null }, at(15)],
  ])('%s', (_, overrides, expected) => {
    expect(eventTime(backOff(overrides), OBSERVED)).toBe(expected);
  });

  test('no time at all: when podtui saw it', () => {
    const event = backOff({ lastTimestamp: null, firstTimestamp: null });
    delete event.metadata.creationTimestamp;
    expect(eventTime(event, OBSERVED)).toBe(OBSERVED);
  });

  test.each<[Partial<KubeEvent>, number]>([
    [{ count: 7 }, 7],
    [{ count: 1, series: { count: 9 } }, 9],
    [{ count: 0 }, 1],
    [{ count: undefined }, 1],
  ])('count %j', (overrides, expected) => {
    expect(eventCount(backOff(overrides))).toBe(expected);
  });
});

describe('which pod and container', () => {
  test.each([
    ['spec.containers{app}', 'app'],
    ['spec.initContainers{migrate}', 'migrate'],
    ['spec.ephemeralContainers{debugger-7x2k}', 'debugger-7x2k'],
    ['spec.containers', undefined],
    [undefined, undefined],
  ])('fieldPath %s → %s', (fieldPath, container) => {
    expect(containerOfFieldPath(fieldPath)).toBe(container);
  });

  test('pod key from involvedObject; nothing for other kinds', () => {
    expect(eventPodKey(backOff())).toBe('demo/crashloop-6f9c7-x2kqp');
    expect(eventPodKey(backOff({ involvedObject: { kind: 'Node', name: 'worker-1' } }))).toBeUndefined();
    expect(eventPodKey(backOff({ involvedObject: { name: 'x' } }))).toBe('demo/x'); // no kind, the event's namespace
  });

  test('uid must match when both have one', () => {
    expect(eventMatchesPodUid(backOff(), '7c1e9a52-3f0b-4d8e-9a51-2b6f0c4d8e11')).toBe(true);
    expect(eventMatchesPodUid(backOff(), 'another-pod-with-the-same-name')).toBe(false);
    expect(eventMatchesPodUid(backOff({ involvedObject: { kind: 'Pod', name: 'x' } }), 'any')).toBe(true);
  });
});

describe('repeats of one Event', () => {
  const first = toEventEntry(backOff(), at(15.2));

  test('the entry', () => {
    expect(first).toMatchObject({ type: 'Warning', reason: 'BackOff', count: 1, firstAt: at(15), lastAt: at(15), component: 'kubelet', container: 'app', occurrences: [at(15)] });
  });

  test('a bigger count grows the entry and remembers when', () => {
    const second = mergeEventEntry(first, backOff({ count: 2, lastTimestamp: iso(31) }), at(31.2));
    const third = mergeEventEntry(second, backOff({ count: 3, lastTimestamp: iso(57) }), at(57.2));
    expect(third).toMatchObject({ count: 3, firstAt: at(15), lastAt: at(57), occurrences: [at(15), at(31), at(57)] });
    expect(countBy(third, at(40))).toBe(2);
    expect(lastAtBy(third, at(40))).toBe(at(31));
    expect(countBy(third, at(60))).toBe(3);
    expect(lastAtBy(third, at(10))).toBe(at(15));
  });

  test('the same copy again, or an older one, is the same entry object', () => {
    const second = mergeEventEntry(first, backOff({ count: 2, lastTimestamp: iso(31) }), at(31.2));
    expect(mergeEventEntry(second, backOff({ count: 2, lastTimestamp: iso(31) }), at(40))).toBe(second);
    expect(mergeEventEntry(second, backOff(), at(41))).toBe(second);
  });
});
