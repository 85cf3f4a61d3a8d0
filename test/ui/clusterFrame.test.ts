import { describe, expect, it } from 'vitest';
import { applyObservation, createClusterState, type ClusterState } from '../../src/model/clusterState.js';
import type { Observation } from '../../src/model/observations.js';
import { parseFilter, type SortKey } from '../../src/model/selectors.js';
import { createClusterFrames, type FrameInput } from '../../src/ui/clusterFrame.js';
import { computeLayout } from '../../src/ui/layout.js';
import { PodHistory, appStatus, at, crashed, setReady } from '../model/fixtures/history.js';
import { fleet } from './fleet.js';

/** The model state as the session's store holds it, fed one batch of observations at a time. */
class Cluster {
  state: ClusterState = createClusterState();
  private fed = new Map<PodHistory, number>();
  constructor(readonly pods: PodHistory[]) {
    this.apply([{ kind: 'ConnectionChanged', connection: { phase: 'live', stream: 'pods', since: at(0) }, observedAt: at(0) }]);
    this.catchUp();
    this.apply([{ kind: 'Synced', stream: 'pods', observedAt: at(5) }]);
  }
  apply(observations: readonly Observation[]): void {
    for (const observation of observations) this.state = applyObservation(this.state, observation);
  }
  /** Feeds what the histories wrote since the last call. */
  catchUp(): void {
    for (const h of this.pods) {
      const from = this.fed.get(h) ?? 0;
      this.apply(h.observations.slice(from));
      this.fed.set(h, h.observations.length);
    }
  }
}

const query = (sort: SortKey = 'name', filterText = '') => ({ filter: parseFilter(filterText), sort, namespaces: 'all' as const });
const input = (overrides: Partial<FrameInput> = {}): FrameInput => ({
  query: query(),
  selection: { selectedKey: undefined, selectedIndex: 0 },
  columns: 120,
  rows: 40,
  allPodsLog: false,
  ...overrides,
});
const LIST_ROWS = computeLayout(120, 40, 100).listRows;
const keyOf = (h: PodHistory) => `demo/${h.name}`;

describe('createClusterFrames', () => {
  it('shows the first rows and selects the first pod', () => {
    const pods = fleet(100);
    const cluster = new Cluster(pods);
    const frame = createClusterFrames()(cluster.state, input());
    expect(frame.selectedKey).toBe(keyOf(pods[0]!));
    expect(frame.cursor).toBe(0);
    expect(frame.top).toBe(0);
    expect(frame.rows.map((row) => row.name)).toEqual(pods.slice(0, LIST_ROWS).map((h) => h.name));
    expect(frame.view?.row.key).toBe(keyOf(pods[0]!));
    expect(frame.order.total).toBe(100);
  });

  const notReady = (h: PodHistory) =>
    void h.update(20, (pod) => {
      appStatus(pod).ready = false;
      setReady(pod, false, 20);
    });
  const unhealthy = (h: PodHistory) => void h.event(20, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 'app');

  it.each<[string, (pods: PodHistory[]) => void, 'same' | 'new']>([
    ['a pod below the screen turns not ready: same frame', (pods) => notReady(pods[80]!), 'same'],
    ['an Event for a pod below the screen: same frame', (pods) => unhealthy(pods[80]!), 'same'],
    ['a pod below the screen crashes (the STATUS counts change): new frame', (pods) => void crashed(pods[80]!, 20), 'new'],
    ['a pod on screen turns not ready: new frame', (pods) => notReady(pods[3]!), 'new'],
    ['an Event for the selected pod: new frame', (pods) => unhealthy(pods[0]!), 'new'],
  ])('%s', (_name, change, expected) => {
    const pods = fleet(100);
    const cluster = new Cluster(pods);
    const frames = createClusterFrames();
    const before = frames(cluster.state, input());
    change(pods);
    cluster.catchUp();
    const after = frames(cluster.state, input());
    expect(after === before).toBe(expected === 'same');
    // Same or not, the frame draws what the cluster holds now.
    expect(after.rows).toEqual(after.order.keys.slice(0, LIST_ROWS).map((key) => cluster.state.pods.get(key)!.row));
    expect(after.view).toBe(cluster.state.pods.get(after.selectedKey!));
  });

  it('is a new frame for any change while the all-pods log is shown', () => {
    const pods = fleet(100);
    const cluster = new Cluster(pods);
    const frames = createClusterFrames();
    const before = frames(cluster.state, input({ allPodsLog: true }));
    crashed(pods[80]!, 20);
    cluster.catchUp();
    expect(frames(cluster.state, input({ allPodsLog: true }))).not.toBe(before);
  });

  it('is a new frame when a stream reconnects', () => {
    const cluster = new Cluster(fleet(20));
    const frames = createClusterFrames();
    const before = frames(cluster.state, input());
    cluster.apply([{ kind: 'ConnectionChanged', connection: { phase: 'reconnecting', stream: 'pods', since: at(30), nextAttemptAt: at(31) }, observedAt: at(30) }]);
    expect(frames(cluster.state, input())).not.toBe(before);
  });

  it('scrolls only as far as the selection needs', () => {
    const pods = fleet(100);
    const cluster = new Cluster(pods);
    const frames = createClusterFrames();
    const at50 = frames(cluster.state, input({ selection: { selectedKey: keyOf(pods[50]!), selectedIndex: 50 } }));
    expect(at50.cursor).toBe(50);
    expect(at50.top).toBe(50 - LIST_ROWS + 1);
    expect(at50.rows.at(-1)?.name).toBe(pods[50]!.name);
    // One up stays on the same page; far up brings the window along.
    expect(frames(cluster.state, input({ selection: { selectedKey: keyOf(pods[49]!), selectedIndex: 49 } })).top).toBe(at50.top);
    expect(frames(cluster.state, input({ selection: { selectedKey: keyOf(pods[10]!), selectedIndex: 10 } })).top).toBe(10);
  });

  it('keeps the selected pod when the list is sorted again, and follows it to its new place', () => {
    const pods = fleet(100);
    const cluster = new Cluster(pods);
    const frames = createClusterFrames();
    const selection = { selectedKey: keyOf(pods[40]!), selectedIndex: 40 };
    expect(frames(cluster.state, input({ query: query('status'), selection })).cursor).toBe(40);
    // Broken pods sort first: the selected pod crashes and moves to the top, the selection with it.
    crashed(pods[40]!, 20);
    cluster.catchUp();
    const after = frames(cluster.state, input({ query: query('status'), selection }));
    expect(after.selectedKey).toBe(keyOf(pods[40]!));
    expect(after.cursor).toBe(0);
    expect(after.top).toBe(0);
    expect(after.rows[0]?.status).toBe('Error');
  });

  it('selects the neighbour when the selected pod is deleted', () => {
    const pods = fleet(30);
    const cluster = new Cluster(pods);
    const frames = createClusterFrames();
    const selection = { selectedKey: keyOf(pods[7]!), selectedIndex: 7 };
    frames(cluster.state, input({ selection }));
    pods[7]!.delete(30);
    cluster.catchUp();
    const after = frames(cluster.state, input({ selection }));
    expect(after.selectedKey).toBe(keyOf(pods[8]!));
    expect(after.cursor).toBe(7);
    expect(after.view?.row.name).toBe(pods[8]!.name);
  });

  it('answers again from the last call while neither the state nor the input changed', () => {
    const cluster = new Cluster(fleet(20));
    const frames = createClusterFrames();
    const first = frames(cluster.state, input());
    // A new input object with the same contents (the App builds one each render).
    expect(frames(cluster.state, input())).toBe(first);
  });
});
