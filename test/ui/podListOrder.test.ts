import { describe, expect, it } from 'vitest';
import { countByStatus, parseFilter, selectRows, type SortKey } from '../../src/model/selectors.js';
import type { Health, PodRow, PodView } from '../../src/model/views.js';
import { seededRandom } from '../../src/sim/scenarios/random.js';
import { createPodListOrder, type PodListQuery } from '../../src/ui/podListOrder.js';
import { crashloopView, demoViews, healthyView, s } from './fixtures.js';

const query = (sort: SortKey = 'name', filterText = '', namespaces: PodListQuery['namespaces'] = 'all'): PodListQuery => ({
  filter: parseFilter(filterText),
  sort,
  namespaces,
});

/** The pods as the model holds them: a map updated in place, a pod's view replaced when it changes. */
function podMap(views: readonly PodView[]): Map<string, PodView> {
  return new Map(views.map((view) => [view.row.key, view]));
}

/** A new version of a pod's row, as podRow makes one when a cell changed. */
function changed(pods: Map<string, PodView>, key: string, fields: Partial<PodRow>): void {
  const view = pods.get(key)!;
  pods.set(key, { ...view, row: { ...view.row, ...fields } });
}

/** The same pod in another namespace (its key follows). */
function inNamespace(view: PodView, namespace: string): PodView {
  return { ...view, row: { ...view.row, namespace, key: `${namespace}/${view.row.name}` } };
}

/** What the list shows, worked out from scratch with the model's selectors. */
function fromScratch(pods: ReadonlyMap<string, PodView>, q: PodListQuery) {
  const rows = Array.from(pods.values(), (view) => view.row);
  const shown = selectRows(rows, q);
  return {
    keys: shown.map((row) => row.key),
    counts: countByStatus(shown),
    total: q.namespaces === 'all' ? rows.length : rows.filter((row) => q.namespaces.includes(row.namespace)).length,
  };
}

const CRASH = { status: 'CrashLoopBackOff', health: 'failing' as Health, ready: '0/1' };

describe('createPodListOrder', () => {
  it('orders, counts and totals what selectRows and countByStatus would', () => {
    const pods = podMap(demoViews());
    const order = createPodListOrder()(pods, query('status'));
    expect(order.keys).toEqual([
      'demo/crashloop-6f9c7-x2kqp',
      'demo/imagepull-5c8d4-qq1zz',
      'demo/healthy-7d4b9-abcde',
      'demo/healthy-7d4b9-fghij',
      'demo/job-success-h8x2p',
    ]);
    expect(order.counts).toEqual([
      { status: 'Running', count: 2 },
      { status: 'Completed', count: 1 },
      { status: 'CrashLoopBackOff', count: 1 },
      { status: 'ImagePullBackOff', count: 1 },
    ]);
    expect(order.total).toBe(5);
    expect([...order.positions]).toEqual(order.keys.map((key, index) => [key, index]));
  });

  it('hands back the same order while nothing changed, whatever the query object', () => {
    const orderOf = createPodListOrder();
    const pods = podMap(demoViews());
    const first = orderOf(pods, query('name', 'healthy'));
    expect(orderOf(pods, query('name', 'healthy'))).toBe(first);
  });

  it.each<[string, SortKey, Partial<PodRow>, { keys: 'same' | 'new'; counts: 'same' | 'new' }]>([
    ['a READY flip keeps keys and counts (by name)', 'name', { ready: '0/1' }, { keys: 'same', counts: 'same' }],
    ['a restart keeps keys and counts (by name)', 'name', { restarts: 1, lastRestartAt: s(70) }, { keys: 'same', counts: 'same' }],
    ['a new STATUS keeps the keys, new counts (by name)', 'name', CRASH, { keys: 'same', counts: 'new' }],
    ['a new STATUS moves the pod when sorted by status', 'status', CRASH, { keys: 'new', counts: 'new' }],
    ['a restart moves the pod when sorted by restarts', 'restarts', { restarts: 5, lastRestartAt: s(70) }, { keys: 'new', counts: 'same' }],
  ])('%s', (_name, sort, fields, expected) => {
    const orderOf = createPodListOrder();
    const pods = podMap(demoViews());
    const before = orderOf(pods, query(sort));
    changed(pods, 'demo/healthy-7d4b9-fghij', fields);
    const after = orderOf(pods, query(sort));
    expect(after.keys === before.keys).toBe(expected.keys === 'same');
    expect(after.counts === before.counts).toBe(expected.counts === 'same');
    expect({ keys: after.keys, counts: after.counts, total: after.total }).toEqual(fromScratch(pods, query(sort)));
  });

  it.each<[string, (pods: Map<string, PodView>) => void, string]>([
    ['a pod added', (pods) => pods.set('demo/healthy-7d4b9-aaaaa', healthyView('aaaaa', '10.244.2.9')), 'healthy'],
    ['a pod removed', (pods) => pods.delete('demo/healthy-7d4b9-abcde'), 'healthy'],
    ['a pod removed and added again (it moves to the end of the map)', (pods) => {
      const view = pods.get('demo/crashloop-6f9c7-x2kqp')!;
      pods.delete(view.row.key);
      pods.set(view.row.key, view);
    }, ''],
    ['a pod that starts to match the filter', (pods) => changed(pods, 'demo/healthy-7d4b9-abcde', CRASH), 's:crash'],
    ['a pod that stops matching the filter', (pods) => changed(pods, 'demo/crashloop-6f9c7-x2kqp', { status: 'Running', health: 'healthy' }), 's:crash'],
    ['a pod outside the filter added', (pods) => pods.set('demo/healthy-7d4b9-zzzzz', healthyView('zzzzz', '10.244.2.9')), 's:crash'],
  ])('%s', (_name, change, filterText) => {
    const orderOf = createPodListOrder();
    const pods = podMap(demoViews());
    orderOf(pods, query('name', filterText));
    change(pods);
    const after = orderOf(pods, query('name', filterText));
    expect({ keys: after.keys, counts: after.counts, total: after.total }).toEqual(fromScratch(pods, query('name', filterText)));
    expect([...after.positions]).toEqual(after.keys.map((key, index) => [key, index]));
  });

  it('checks a changed row against the neighbours that stay, not one leaving the filter', () => {
    // By restarts: A (5), L (3), C (1). In one frame L leaves the filter with 9 restarts and C restarts to 6.
    const [a, l, c] = ['aaaaa', 'lllll', 'ccccc'].map((suffix) => healthyView(suffix, '10.244.2.9'));
    const pods = podMap([a!, l!, c!]);
    changed(pods, a!.row.key, { restarts: 5 });
    changed(pods, l!.row.key, { restarts: 3 });
    changed(pods, c!.row.key, { restarts: 1 });
    const orderOf = createPodListOrder();
    const byRestarts = query('restarts', 's:running');
    expect(orderOf(pods, byRestarts).keys).toEqual([a!.row.key, l!.row.key, c!.row.key]);
    changed(pods, l!.row.key, { restarts: 9, ...CRASH });
    changed(pods, c!.row.key, { restarts: 6 });
    expect(orderOf(pods, byRestarts).keys).toEqual([c!.row.key, a!.row.key]);
  });

  it('counts only the namespaces in scope', () => {
    const pods = podMap([...demoViews(), inNamespace(crashloopView(), 'payments'), inNamespace(healthyView('qrstu', '10.244.3.1'), 'payments')]);
    const orderOf = createPodListOrder();
    const order = orderOf(pods, query('name', '', ['payments']));
    expect(order.keys).toEqual(['payments/crashloop-6f9c7-x2kqp', 'payments/healthy-7d4b9-qrstu']);
    expect(order.total).toBe(2);
    pods.set('demo/healthy-7d4b9-zzzzz', healthyView('zzzzz', '10.244.2.9'));
    expect(orderOf(pods, query('name', '', ['payments']))).toBe(order);
  });

  it('starts over for another map (a namespace switch resets the model state)', () => {
    const orderOf = createPodListOrder();
    orderOf(podMap(demoViews()), query());
    const other = podMap([healthyView('qrstu', '10.244.3.1')]);
    expect(orderOf(other, query()).keys).toEqual(['demo/healthy-7d4b9-qrstu']);
  });

  it('stays equal to a fresh computation through a seeded storm of changes and queries', () => {
    const random = seededRandom(8);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const statuses: [string, Health][] = [
      ['Running', 'healthy'],
      ['CrashLoopBackOff', 'failing'],
      ['Error', 'failing'],
      ['ContainerCreating', 'progressing'],
      ['Terminating', 'progressing'],
      ['Completed', 'finished'],
    ];
    const pods = podMap(
      Array.from({ length: 60 }, (_, i) => {
        const view = healthyView(String(i).padStart(5, '0'), `10.244.4.${i}`, s(i % 7));
        return i % 3 === 0 ? inNamespace(view, 'payments') : view;
      }),
    );
    let next = 60;
    const queries = [
      query('name'),
      query('status'),
      query('restarts'),
      query('age'),
      query('status', 's:r'),
      query('name', '0001'),
      query('restarts', 'l:app=web', ['payments']),
      query('age', '', ['demo', 'payments']),
    ];
    let q = queries[0]!;
    const orderOf = createPodListOrder();
    for (let step = 0; step < 400; step++) {
      if (random() < 0.05) q = pick(queries);
      // A few things happen between two frames, as in a storm: mostly updates, some pods come and go.
      for (let n = 0; n < 1 + Math.floor(random() * 4); n++) {
        const roll = random();
        const key = pick([...pods.keys()]);
        if (roll < 0.1) pods.delete(key);
        else if (roll < 0.2) {
          const created = healthyView(String(next++).padStart(5, '0'), '10.244.5.1', s(random() * 60));
          const view = random() < 0.5 ? created : inNamespace(created, 'payments');
          pods.set(view.row.key, view);
        } else if (roll < 0.25) {
          // Deleted and created again under its name: the map moves it to the end.
          const view = pods.get(key)!;
          pods.delete(key);
          pods.set(key, view);
        } else {
          const [status, health] = pick(statuses);
          const restarts = pods.get(key)!.row.restarts + (random() < 0.3 ? 1 : 0);
          changed(pods, key, random() < 0.5 ? { status, health } : { restarts, lastRestartAt: s(60 + step) });
        }
      }
      const order = orderOf(pods, q);
      expect({ step, keys: order.keys, counts: order.counts, total: order.total }).toEqual({ step, ...fromScratch(pods, q) });
      expect(order.keys.every((key, index) => order.positions.get(key) === index)).toBe(true);
      expect(order.positions.size).toBe(order.keys.length);
    }
  });
});
