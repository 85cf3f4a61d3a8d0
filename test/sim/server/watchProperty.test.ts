// A property of WATCH: whatever the sequence of creates, updates and deletes,
// a watcher that applies its events to a map ends up with exactly the store's
// objects that match its namespace and selectors, sees resourceVersions only
// grow, and never gets an ADDED for an object it holds, nor a MODIFIED or
// DELETED for one it does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../../../src/sim/server/index.js';
import type { StoredObject } from '../../../src/sim/store.js';
import { podObject, running, startCluster, type Cluster } from './fixtures.js';
import { openWatch, type OpenWatch } from './http.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';

let cluster: Cluster & { server: ApiServer };
beforeAll(async () => {
  cluster = await startCluster({ bookmarkIntervalMs: 20 });
});
afterAll(async () => {
  await cluster.server.close();
});


interface Watcher {
  path: string;
  matches(pod: StoredObject): boolean;
  watch: OpenWatch;
  held: Map<string, StoredObject>;
  violations: string[];
  lastRV: number;
}

const keyOf = (o: StoredObject) => `${o.metadata.namespace}/${o.metadata.name}`;
const labels = (o: StoredObject) => (o.metadata.labels ?? {}) as Record<string, string>;
const nodeOf = (o: StoredObject) => ((o.spec as { nodeName?: string }).nodeName ?? '');

/** Applies events until a bookmark says the watcher has seen the store up to `rv`. */
async function catchUp(w: Watcher, rv: number): Promise<void> {
  while (w.lastRV < rv) {
    const event = await w.watch.next(5_000);
    const object = event.object as StoredObject;
    const version = Number(object.metadata.resourceVersion);
    if (version < w.lastRV) w.violations.push(`resourceVersion went back from ${w.lastRV} to ${version}`);
    w.lastRV = Math.max(w.lastRV, version);
    if (event.type === 'BOOKMARK') continue;
    const key = keyOf(object);
    if (event.type === 'ADDED' && w.held.has(key)) w.violations.push(`ADDED for held ${key}`);
    if (event.type !== 'ADDED' && !w.held.has(key)) w.violations.push(`${event.type} for unknown ${key}`);
    if (event.type === 'DELETED') w.held.delete(key);
    else w.held.set(key, object);
  }
}

describe('WATCH property', () => {
  it.each([1, 7, 42])('watchers with selectors track the store exactly (seed %i)', async (seed) => {
    const { store } = cluster.emulator;
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const from = store.resourceVersion;
    const specs: Omit<Watcher, 'watch' | 'held' | 'violations' | 'lastRV'>[] = [
      { path: '/api/v1/pods?labelSelector=tier%3Dfrontend', matches: (p) => labels(p).tier === 'frontend' },
      { path: '/api/v1/namespaces/demo/pods?fieldSelector=spec.nodeName%3Dworker-1', matches: (p) => p.metadata.namespace === 'demo' && nodeOf(p) === 'worker-1' },
      { path: '/api/v1/pods?labelSelector=tier%20notin%20(backend),app&fieldSelector=status.phase!%3DPending', matches: (p) => labels(p).tier !== 'backend' && labels(p).app !== undefined && (p.status as { phase?: string }).phase !== 'Pending' },
    ];
    const watchers: Watcher[] = [];
    for (const spec of specs) {
      const watch = await openWatch(`${cluster.server.url}${spec.path}&watch=1&allowWatchBookmarks=true&resourceVersion=${from}`);
      const held = new Map(store.list('pods').filter(spec.matches).map((p) => [keyOf(p), p]));
      watchers.push({ ...spec, watch, held, violations: [], lastRV: Number(from) });
    }

    const names = Array.from({ length: 12 }, (_, i) => `prop-${seed}-${i}`);
    for (let step = 0; step < 300; step++) {
      const namespace = pick(['demo', 'kube-system']);
      const name = pick(names);
      const existing = store.get('pods', namespace, name);
      const roll = random();
      if (!existing) {
        const pod = podObject(namespace, name, { node: pick(['worker-1', 'worker-2', '']) || undefined, labels: { app: 'prop', tier: pick(['frontend', 'backend']) }, statuses: [running('app')] });
        store.create('pods', pod as unknown as StoredObject);
      } else if (roll < 0.2) {
        store.remove('pods', namespace, name);
      } else {
        store.update('pods', namespace, name, (p) => {
          const next = { ...labels(p) };
          if (roll < 0.5) next.tier = pick(['frontend', 'backend', 'edge']);
          else if (roll < 0.6) delete next.app;
          else next.app = 'prop';
          p.metadata.labels = next;
          if (roll > 0.8) (p.spec as { nodeName?: string }).nodeName = pick(['worker-1', 'worker-2']);
          if (roll > 0.9) (p.status as { phase?: string }).phase = pick(['Pending', 'Running', 'Succeeded']);
        });
      }
    }

    const target = Number(store.resourceVersion);
    for (const w of watchers) {
      await catchUp(w, target);
      w.watch.close();
      expect(w.violations, w.path).toEqual([]);
      const expected = store.list('pods').filter(w.matches).map((p) => `${keyOf(p)}@${p.metadata.resourceVersion}`);
      const held = [...w.held.values()].map((p) => `${keyOf(p)}@${p.metadata.resourceVersion}`).sort();
      expect(held, w.path).toEqual(expected.sort());
    }
  });
});
