import { describe, expect, it } from 'vitest';
import { coreToEventsV1, eventsV1ToCore } from '../../src/model/eventsV1.js';
import type { EventsV1Event, KubeEvent } from '../../src/model/types.js';

// What the scheduler writes through events.k8s.io/v1 (no deprecated* fields).
const scheduled: EventsV1Event = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'web-7d4b9-abcde.1800a1b2c3d4e5f6', namespace: 'demo', uid: 'e-1', resourceVersion: '812', creationTimestamp: '2026-11-25T10:00:01Z' },
  eventTime: '2026-11-25T10:00:01.123456Z',
  reportingController: 'default-scheduler',
  reportingInstance: 'default-scheduler-control-plane',
  action: 'Binding',
  reason: 'Scheduled',
  regarding: { kind: 'Pod', namespace: 'demo', name: 'web-7d4b9-abcde', uid: 'p-1', apiVersion: 'v1', resourceVersion: '800' },
  note: 'Successfully assigned demo/web-7d4b9-abcde to worker-1',
  type: 'Normal',
};

// What the kubelet writes through core/v1 (an aggregated repeat).
const backOff: KubeEvent = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'crashloop-6f9c7-x2kqp.1800a1b2c3d4e5aa', namespace: 'demo', uid: 'e-2', resourceVersion: '990', creationTimestamp: '2026-11-25T10:01:00Z' },
  involvedObject: { kind: 'Pod', namespace: 'demo', name: 'crashloop-6f9c7-x2kqp', uid: 'p-2', apiVersion: 'v1', resourceVersion: '950', fieldPath: 'spec.containers{app}' },
  reason: 'BackOff',
  message: 'Back-off restarting failed container app in pod crashloop-6f9c7-x2kqp_demo(p-2)',
  source: { component: 'kubelet', host: 'worker-1' },
  firstTimestamp: '2026-11-25T10:01:00Z',
  lastTimestamp: '2026-11-25T10:04:00Z',
  count: 7,
  type: 'Warning',
  eventTime: null,
  reportingComponent: 'kubelet',
  reportingInstance: 'worker-1',
};

describe('eventsV1ToCore', () => {
  it('stores a scheduler event as core/v1 does: eventTime and reporting fields, no firstTimestamp or count', () => {
    expect(eventsV1ToCore(scheduled)).toEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: scheduled.metadata,
      involvedObject: scheduled.regarding,
      reason: 'Scheduled',
      message: 'Successfully assigned demo/web-7d4b9-abcde to worker-1',
      type: 'Normal',
      action: 'Binding',
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: '2026-11-25T10:00:01.123456Z',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-control-plane',
    });
  });

  it.each([
    ['deprecatedCount', { deprecatedCount: 4 }, { count: 4 }],
    ['deprecatedSource', { deprecatedSource: { component: 'kubelet', host: 'n1' } }, { source: { component: 'kubelet', host: 'n1' } }],
    ['deprecated timestamps', { deprecatedFirstTimestamp: '2026-11-25T10:00:00Z', deprecatedLastTimestamp: '2026-11-25T10:05:00Z' }, { firstTimestamp: '2026-11-25T10:00:00Z', lastTimestamp: '2026-11-25T10:05:00Z' }],
    ['series', { series: { count: 3, lastObservedTime: '2026-11-25T10:02:00.000001Z' } }, { series: { count: 3, lastObservedTime: '2026-11-25T10:02:00.000001Z' } }],
    ['related', { related: { kind: 'Node', name: 'worker-1' } }, { related: { kind: 'Node', name: 'worker-1' } }],
  ] as const)('maps %s', (_name, extra, expected) => {
    expect(eventsV1ToCore({ ...scheduled, ...extra })).toMatchObject(expected);
  });

  it('does not share objects with its input', () => {
    const core = eventsV1ToCore(scheduled);
    core.metadata.name = 'changed';
    core.involvedObject.name = 'changed';
    expect(scheduled.metadata.name).toBe('web-7d4b9-abcde.1800a1b2c3d4e5f6');
    expect(scheduled.regarding?.name).toBe('web-7d4b9-abcde');
  });
});

describe('coreToEventsV1', () => {
  it('serves a kubelet event through events.k8s.io/v1 with deprecated* fields', () => {
    expect(coreToEventsV1(backOff)).toEqual({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: backOff.metadata,
      regarding: backOff.involvedObject,
      reason: 'BackOff',
      note: 'Back-off restarting failed container app in pod crashloop-6f9c7-x2kqp_demo(p-2)',
      type: 'Warning',
      eventTime: null,
      deprecatedSource: { component: 'kubelet', host: 'worker-1' },
      deprecatedFirstTimestamp: '2026-11-25T10:01:00Z',
      deprecatedLastTimestamp: '2026-11-25T10:04:00Z',
      deprecatedCount: 7,
      reportingController: 'kubelet',
      reportingInstance: 'worker-1',
    });
  });

  it('leaves out empty reporting fields and a zero count, as omitempty does', () => {
    const legacy: KubeEvent = { metadata: { name: 'x.1', namespace: 'd' }, involvedObject: { kind: 'Pod', name: 'x' }, reason: 'Pulled', count: 0, reportingComponent: '', reportingInstance: '' };
    const v1 = coreToEventsV1(legacy);
    expect(v1).not.toHaveProperty('deprecatedCount');
    expect(v1).not.toHaveProperty('reportingController');
    expect(v1).not.toHaveProperty('reportingInstance');
    expect(v1.deprecatedFirstTimestamp).toBeNull();
  });
});

describe('round trips', () => {
  it.each([
    ['scheduler event', scheduled],
    ['scheduler event with series', { ...scheduled, series: { count: 2, lastObservedTime: '2026-11-25T10:03:00.5Z' } }],
  ])('events.k8s.io → core → events.k8s.io keeps a %s', (_name, event) => {
    expect(coreToEventsV1(eventsV1ToCore(event))).toEqual({
      ...event,
      deprecatedSource: {},
      deprecatedFirstTimestamp: null,
      deprecatedLastTimestamp: null,
    });
  });

  it('core → events.k8s.io → core keeps a kubelet event', () => {
    expect(eventsV1ToCore(coreToEventsV1(backOff))).toEqual(backOff);
  });
});
