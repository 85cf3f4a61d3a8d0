// 30,000 pods across 50 namespaces: paged and unpaged lists must return every
// pod once, in key order, and cost little CPU on the server side (CPU time, not
// wall time, so a busy shared machine does not make the test flaky).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator, type Emulator } from '../../../src/sim/emulator.js';
import { startApiServer, type ApiServer } from '../../../src/sim/server/index.js';
import type { StoredObject } from '../../../src/sim/store.js';
import { podObject, running, START } from './fixtures.js';

const PODS = 30_000;
const NAMESPACES = 50;
let emulator: Emulator;
let server: ApiServer;
let expectedKeys: string[];

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

beforeAll(async () => {
  emulator = createEmulator(new VirtualClock(START));
  for (let n = 0; n < NAMESPACES; n++) emulator.store.create('namespaces', { metadata: { name: `load-${String(n).padStart(2, '0')}` } });
  for (let i = 0; i < PODS; i++) {
    const namespace = `load-${String(i % NAMESPACES).padStart(2, '0')}`;
    const pod = podObject(namespace, `bulk-${(i * 7919).toString(36)}-x`, { node: `worker-${i % 20}`, labels: { app: 'bulk', shard: String(i % 10) }, statuses: [running('app')] });
    emulator.store.create('pods', pod as unknown as StoredObject);
  }
  expectedKeys = emulator.store.list('pods').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  server = await startApiServer(emulator);
}, 60_000);

afterAll(async () => {
  await server.close();
});

describe(`LIST at ${PODS} pods`, () => {
  it('pages through every pod once, in key order, with limit=500', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    const cpu = process.cpuUsage();
    do {
      const res = await fetch(`${server.url}/api/v1/pods?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      const page = (await res.json()) as { items: StoredObject[]; metadata: { continue?: string; remainingItemCount?: number } };
      keys.push(...page.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
      expect(page.metadata.remainingItemCount ?? 0).toBe(PODS - keys.length);
      token = page.metadata.continue;
      pages++;
    } while (token);
    const used = cpuMs(cpu);
    console.log(`paged list of ${PODS} pods: ${pages} pages, ${Math.round(used)} ms CPU (server and client)`);
    expect(pages).toBe(PODS / 500);
    expect(keys).toEqual(expectedKeys);
    expect(used).toBeLessThan(8_000);
  }, 60_000);

  it('streams an unpaged list of every pod', async () => {
    const cpu = process.cpuUsage();
    const res = await fetch(`${server.url}/api/v1/pods`);
    const text = await res.text();
    const used = cpuMs(cpu);
    const list = JSON.parse(text) as { items: unknown[]; metadata: { resourceVersion: string } };
    console.log(`unpaged list of ${PODS} pods: ${(text.length / 1e6).toFixed(1)} MB, ${Math.round(used)} ms CPU`);
    expect(list.items).toHaveLength(PODS);
    expect(list.metadata.resourceVersion).toBe(emulator.store.resourceVersion);
    expect(used).toBeLessThan(8_000);
  }, 60_000);

  it('starts a watch without a resourceVersion with one ADDED per pod, in key order', async () => {
    const cpu = process.cpuUsage();
    const res = await fetch(`${server.url}/api/v1/pods?watch=1`);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const names: string[] = [];
    while (names.length < PODS) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const event = JSON.parse(buffer.slice(0, newline)) as { type: string; object: StoredObject };
        buffer = buffer.slice(newline + 1);
        expect(event.type).toBe('ADDED');
        names.push(`${event.object.metadata.namespace}/${event.object.metadata.name}`);
      }
    }
    await reader.cancel();
    const used = cpuMs(cpu);
    console.log(`initial watch of ${PODS} pods: ${Math.round(used)} ms CPU (server and client)`);
    expect(names).toEqual(expectedKeys);
    expect(used).toBeLessThan(10_000);
  }, 60_000);

  it('serves one namespace and a selector without walking the whole set into the answer', async () => {
    const one = (await (await fetch(`${server.url}/api/v1/namespaces/load-07/pods`)).json()) as { items: StoredObject[] };
    expect(one.items).toHaveLength(PODS / NAMESPACES);
    expect(one.items.every((p) => p.metadata.namespace === 'load-07')).toBe(true);
    const shard = (await (await fetch(`${server.url}/api/v1/pods?labelSelector=shard%3D3&limit=100`)).json()) as { items: StoredObject[]; metadata: { continue?: string } };
    expect(shard.items).toHaveLength(100);
    expect(shard.metadata.continue).toBeDefined();
  }, 60_000);
});
