// The store's ordered index, which paged lists and continue tokens rely on.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/sim/clock.js';
import { ObjectStore, objectKey } from '../../../src/sim/store.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';

const pod = (namespace: string, name: string) => ({ metadata: { name, namespace } });
const keysOf = (objects: Iterable<{ metadata: { name: string; namespace?: string } }>) => [...objects].map((o) => objectKey(o as never));


describe('ObjectStore.scan', () => {
  it('yields objects in key order through creates, removes and re-creates, matching a full sort', () => {
    const store = new ObjectStore({ clock: new VirtualClock() });
    const random = seededRandom(42);
    const live = new Set<string>();
    for (let step = 0; step < 3_000; step++) {
      const namespace = `ns-${Math.floor(random() * 5)}`;
      const name = `pod-${Math.floor(random() * 300)}`;
      const key = `${namespace}/${name}`;
      if (live.has(key)) {
        store.remove('pods', namespace, name);
        live.delete(key);
      } else {
        store.create('pods', pod(namespace, name));
        live.add(key);
      }
      if (step % 97 === 0) expect(keysOf(store.scan('pods'))).toEqual([...live].sort());
    }
    expect(keysOf(store.scan('pods'))).toEqual([...live].sort());
    expect(store.list('pods').map((o) => objectKey(o))).toEqual([...live].sort());
  });

  it.each([
    [{}, ['a-b/x', 'a/x', 'a/y', 'a0/z', 'b/w']],
    [{ namespace: 'a' }, ['a/x', 'a/y']],
    [{ namespace: 'a', after: 'a/x' }, ['a/y']],
    [{ namespace: 'a', after: 'a-b/x' }, ['a/x', 'a/y']],
    [{ namespace: 'a', after: 'b/w' }, []],
    [{ after: 'a/y' }, ['a0/z', 'b/w']],
    [{ namespace: 'nowhere' }, []],
  ])('scan(%j) and countFrom agree', (options, expected) => {
    const store = new ObjectStore({ clock: new VirtualClock() });
    for (const key of ['b/w', 'a/y', 'a0/z', 'a/x', 'a-b/x']) {
      const [namespace, name] = key.split('/');
      store.create('pods', pod(namespace!, name!));
    }
    expect(keysOf(store.scan('pods', options))).toEqual(expected);
    expect(store.countFrom('pods', options)).toBe(expected.length);
  });

  it('keeps an ongoing scan stable while objects are created and removed', () => {
    const store = new ObjectStore({ clock: new VirtualClock() });
    for (const name of ['a', 'b', 'c', 'd']) store.create('pods', pod('ns', name));
    const seen: string[] = [];
    for (const object of store.scan('pods')) {
      seen.push(object.metadata.name);
      if (object.metadata.name === 'a') {
        store.remove('pods', 'ns', 'c');
        store.create('pods', pod('ns', 'bb'));
      }
    }
    // Removed objects are skipped; objects created during the scan belong to the next one.
    expect(seen).toEqual(['a', 'b', 'd']);
    expect(keysOf(store.scan('pods'))).toEqual(['ns/a', 'ns/b', 'ns/bb', 'ns/d']);
  });

  it('hands each change the object before it', () => {
    const store = new ObjectStore({ clock: new VirtualClock() });
    const changes: { type: string; before?: string; after?: string }[] = [];
    store.subscribe((c) => changes.push({ type: c.type, before: (c.previous?.metadata.labels as { v?: string } | undefined)?.v, after: (c.object.metadata.labels as { v?: string } | undefined)?.v }));
    store.create('pods', { metadata: { name: 'p', namespace: 'ns', labels: { v: '1' } } });
    store.update('pods', 'ns', 'p', (o) => {
      o.metadata.labels = { v: '2' };
    });
    store.remove('pods', 'ns', 'p');
    expect(changes).toEqual([
      { type: 'ADDED', before: undefined, after: '1' },
      { type: 'MODIFIED', before: '1', after: '2' },
      { type: 'DELETED', before: '2', after: '2' },
    ]);
  });
});
