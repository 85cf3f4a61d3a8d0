import { describe, expect, it } from 'vitest';
import { podRow } from '../../src/model/podSummary.js';
import {
  SORT_KEYS,
  countByHealth,
  countByStatus,
  matchesFilter,
  nextSortKey,
  parseFilter,
  selectRows,
  type SortKey,
} from '../../src/model/selectors.js';
import type { PodRow } from '../../src/model/views.js';
import { makePod, running, terminated, waiting, type PodFixture } from './fixtures/pods.js';

const crashed = (finishedSecondsAgo: number) => terminated(1, 'Error', { finishedSecondsAgo });

// A small cluster as `kubectl get pods -A` would show it.
const fixtures: PodFixture[] = [
  { name: 'web-7d4b9c-x2x9k', namespace: 'shop', labels: { app: 'web', tier: 'frontend' }, createdSecondsAgo: 7200, containers: [{ name: 'web' }] },
  { name: 'web-7d4b9c-q8z7m', namespace: 'shop', labels: { app: 'web', tier: 'frontend' }, createdSecondsAgo: 60, containers: [{ name: 'web', ready: false, state: running(30) }] },
  {
    name: 'api-5f6d8-kx2pl',
    namespace: 'shop',
    labels: { app: 'api', tier: 'backend' },
    createdSecondsAgo: 3000,
    containers: [{ name: 'api', state: waiting('CrashLoopBackOff'), restartCount: 7, lastState: crashed(20) }],
  },
  {
    name: 'api-5f6d8-mm3rt',
    namespace: 'shop',
    labels: { app: 'api', tier: 'backend' },
    createdSecondsAgo: 3000,
    containers: [{ name: 'api', state: waiting('CrashLoopBackOff'), restartCount: 7, lastState: crashed(200) }],
  },
  { name: 'db-0', namespace: 'data', labels: { app: 'postgres' }, createdSecondsAgo: 90000, containers: [{ name: 'postgres', restartCount: 1, lastState: crashed(80000) }] },
  { name: 'migrate-4kq9s', namespace: 'data', labels: { job: 'migrate' }, restartPolicy: 'Never', createdSecondsAgo: 86000, containers: [{ name: 'migrate', state: terminated(0, 'Completed') }] },
  { name: 'coredns-5d78c-8pw2x', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, createdSecondsAgo: 900000, containers: [{ name: 'coredns' }] },
  { name: 'cache-0', namespace: 'shop', labels: { app: 'redis' }, createdSecondsAgo: 400, containers: [{ name: 'redis', state: waiting('ImagePullBackOff') }] },
  {
    name: 'worker-2j4k',
    namespace: 'batch',
    labels: { app: 'worker' },
    createdSecondsAgo: 100,
    initContainers: [{ name: 'fetch' }],
    containers: [{ name: 'worker', state: waiting('PodInitializing') }],
  },
];
const rows: PodRow[] = fixtures.map((fixture) => podRow(makePod(fixture)));
const keys = (selected: PodRow[]) => selected.map((row) => row.key);

describe('parseFilter', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Web', [{ kind: 'name', text: 'web' }]],
    ['l:app=web', [{ kind: 'label', key: 'app', op: 'equals', value: 'web' }]],
    ['l:app==web', [{ kind: 'label', key: 'app', op: 'equals', value: 'web' }]],
    ['l:app!=web', [{ kind: 'label', key: 'app', op: 'notEquals', value: 'web' }]],
    ['l:app', [{ kind: 'label', key: 'app', op: 'exists', value: '' }]],
    ['l:!app', [{ kind: 'label', key: 'app', op: 'notExists', value: '' }]],
    ['l:app.kubernetes.io/name=web', [{ kind: 'label', key: 'app.kubernetes.io/name', op: 'equals', value: 'web' }]],
    ['s:CrashLoop', [{ kind: 'status', text: 'crashloop' }]],
    [
      'l:app=web,tier!=db,',
      [
        { kind: 'label', key: 'app', op: 'equals', value: 'web' },
        { kind: 'label', key: 'tier', op: 'notEquals', value: 'db' },
      ],
    ],
    ['l: s:', []],
    [
      'shop  l:tier=backend s:crash',
      [
        { kind: 'name', text: 'shop' },
        { kind: 'label', key: 'tier', op: 'equals', value: 'backend' },
        { kind: 'status', text: 'crash' },
      ],
    ],
  ])('%j', (text, terms) => {
    expect(parseFilter(text)).toEqual({ text, terms });
  });
});

describe('filtering rows', () => {
  it.each([
    ['', rows.length],
    ['web', 2],
    ['shop/', 5],
    ['data/db', 1],
    ['l:app=web', 2],
    ['l:app!=web', rows.length - 2],
    ['l:tier', 4],
    ['l:!tier', rows.length - 4],
    ['s:crashloopbackoff', 2],
    ['s:Init', 1],
    ['s:imagepull', 1],
    ['shop l:tier=backend s:crash', 2],
    ['l:app=api,tier=backend', 2],
    ['l:app=api,tier=frontend', 0],
    ['l:tier,!app', 0],
    ['l:!tier,app', 3],
    ['shop l:tier=frontend s:crash', 0],
    ['nothing-like-this', 0],
  ])('%j → %i rows', (text, count) => {
    const filter = parseFilter(text);
    expect(rows.filter((row) => matchesFilter(row, filter))).toHaveLength(count);
    expect(selectRows(rows, { filter, sort: 'name' })).toHaveLength(count);
  });
});

describe('selectRows', () => {
  it('sorts by namespace, then name', () => {
    expect(keys(selectRows(rows, { sort: 'name' }))).toEqual([
      'batch/worker-2j4k',
      'data/db-0',
      'data/migrate-4kq9s',
      'kube-system/coredns-5d78c-8pw2x',
      'shop/api-5f6d8-kx2pl',
      'shop/api-5f6d8-mm3rt',
      'shop/cache-0',
      'shop/web-7d4b9c-q8z7m',
      'shop/web-7d4b9c-x2x9k',
    ]);
  });

  it('groups failing first, then progressing, healthy, finished', () => {
    const selected = selectRows(rows, { sort: 'status' });
    expect(selected.map((row) => `${row.health} ${row.status} ${row.name}`)).toEqual([
      'failing CrashLoopBackOff api-5f6d8-kx2pl',
      'failing CrashLoopBackOff api-5f6d8-mm3rt',
      'failing ImagePullBackOff cache-0',
      'progressing Init:0/1 worker-2j4k',
      'progressing Running web-7d4b9c-q8z7m',
      'healthy Running db-0',
      'healthy Running coredns-5d78c-8pw2x',
      'healthy Running web-7d4b9c-x2x9k',
      'finished Completed migrate-4kq9s',
    ]);
  });

  it('puts most restarts first, the latest restart first among equals', () => {
    const selected = selectRows(rows, { sort: 'restarts' });
    expect(keys(selected).slice(0, 3)).toEqual(['shop/api-5f6d8-kx2pl', 'shop/api-5f6d8-mm3rt', 'data/db-0']);
    expect(selected.slice(3).every((row) => row.restarts === 0)).toBe(true);
    // Zero restarts fall back to name order.
    expect(keys(selected.slice(3))).toEqual(keys(selectRows(selected.slice(3), { sort: 'name' })));
  });

  it('puts the youngest pods first, ties by name, no creation time last', () => {
    const unknownAge = { ...rows[0]!, key: 'shop/ghost', name: 'ghost', createdAt: Number.NaN };
    const selected = selectRows([unknownAge, ...rows], { sort: 'age' });
    expect(keys(selected)).toEqual([
      'shop/web-7d4b9c-q8z7m',
      'batch/worker-2j4k',
      'shop/cache-0',
      'shop/api-5f6d8-kx2pl',
      'shop/api-5f6d8-mm3rt',
      'shop/web-7d4b9c-x2x9k',
      'data/migrate-4kq9s',
      'data/db-0',
      'kube-system/coredns-5d78c-8pw2x',
      'shop/ghost',
    ]);
  });

  it.each([
    [['data'], ['data/db-0', 'data/migrate-4kq9s']],
    [['data', 'batch'], ['batch/worker-2j4k', 'data/db-0', 'data/migrate-4kq9s']],
    [[], []],
  ])('keeps only namespaces %j', (namespaces, expected) => {
    expect(keys(selectRows(rows, { sort: 'name', namespaces }))).toEqual(expected);
  });

  it("takes 'all' namespaces and any iterable, and does not reorder its input", () => {
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const before = [...byKey.keys()];
    expect(selectRows(byKey.values(), { sort: 'age', namespaces: 'all' })).toHaveLength(rows.length);
    expect([...byKey.keys()]).toEqual(before);
    const copy = [...rows];
    selectRows(copy, { sort: 'status' });
    expect(copy).toEqual(rows);
  });

  it('cycles sort keys in order', () => {
    expect(SORT_KEYS).toEqual(['name', 'status', 'restarts', 'age']);
    const seen: SortKey[] = [];
    let key: SortKey = 'name';
    for (let i = 0; i < SORT_KEYS.length; i++) {
      seen.push(key);
      key = nextSortKey(key);
    }
    expect(seen).toEqual(SORT_KEYS);
    expect(key).toBe('name');
  });
});

describe('counts', () => {
  it('counts by status, most frequent first, ties by status', () => {
    expect(countByStatus(rows)).toEqual([
      { status: 'Running', count: 4 },
      { status: 'CrashLoopBackOff', count: 2 },
      { status: 'Completed', count: 1 },
      { status: 'ImagePullBackOff', count: 1 },
      { status: 'Init:0/1', count: 1 },
    ]);
    expect(countByStatus([])).toEqual([]);
  });

  it('counts by health with every health present', () => {
    expect(countByHealth(rows)).toEqual({ failing: 3, progressing: 2, healthy: 3, finished: 1 });
    expect(countByHealth([])).toEqual({ failing: 0, progressing: 0, healthy: 0, finished: 0 });
  });
});

// The small cluster's pods, each copied about 1,100 times under other names and namespaces.
const many: PodRow[] = [];
for (let i = 0; i < 10_000; i++) {
  const base = rows[i % rows.length]!;
  const namespace = `team-${i % 37}`;
  const name = `${base.name}-${(i * 7919) % 10_000}`;
  many.push({
    ...base,
    key: `${namespace}/${name}`,
    namespace,
    name,
    restarts: (i * 31) % 13,
    createdAt: base.createdAt - ((i * 104729) % 86_400_000),
  });
}


/** CPU time of `work` in ms: on a shared machine, wall time measures the neighbours too. */
function cpuMs(work: () => unknown): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe('at 10,000 pods', () => {
  it('filters and sorts well under 50 ms', () => {
    const filter = parseFilter('team-1 l:app!=postgres s:r');
    const timings: number[] = [];
    let selectedCount = 0;
    for (let round = 0; round < 7; round++) {
      for (const sort of SORT_KEYS) {
        timings.push(cpuMs(() => (selectedCount = selectRows(many, { filter, sort, namespaces: 'all' }).length)));
      }
      timings.push(cpuMs(() => selectRows(many, { sort: 'status' })));
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)]!;
    console.info(`selectRows over 10,000 rows: median ${median.toFixed(2)} ms CPU, worst ${timings.at(-1)!.toFixed(2)} ms CPU`);
    expect(selectedCount).toBeGreaterThan(0);
    expect(median).toBeLessThan(50);
  });

  it('sorts all 10,000 rows by restarts, most first', () => {
    const selected = selectRows(many, { sort: 'restarts' });
    expect(selected).toHaveLength(10_000);
    const outOfOrder = selected.findIndex((row, i) => i > 0 && selected[i - 1]!.restarts < row.restarts);
    expect(outOfOrder).toBe(-1);
    expect(selected[0]!.restarts).toBe(12);
  });
});
