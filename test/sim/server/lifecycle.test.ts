import { describe, expect, it } from 'vitest';
import { startApiServer } from '../../../src/sim/server/index.js';
import { makeCluster } from './fixtures.js';

describe('startApiServer', () => {
  it('binds 127.0.0.1 on a free port by default and stops listening on close', async () => {
    const server = await startApiServer(makeCluster().emulator);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/version`)).status).toBe(200);
    await server.close();
    await expect(fetch(`${server.url}/version`)).rejects.toThrow();
  });

  it('dates its answers by the emulated clock', async () => {
    const cluster = makeCluster();
    cluster.clock.advance(90_000);
    const server = await startApiServer(cluster.emulator);
    const res = await fetch(`${server.url}/api/v1/namespaces/demo/pods/nope`);
    expect(res.headers.get('date')).toBe('Wed, 25 Nov 2026 10:01:30 GMT');
    await server.close();
  });

  it('rejects when the port is taken', async () => {
    const first = await startApiServer(makeCluster().emulator);
    await expect(startApiServer(makeCluster().emulator, { port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
  });

  it('closes promptly with idle keep-alive connections open', async () => {
    const server = await startApiServer(makeCluster().emulator);
    await fetch(`${server.url}/api/v1/pods`).then((r) => r.text());
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
