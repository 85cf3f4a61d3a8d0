import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterConfig } from '../../src/kube/kubeconfig.js';
import { loadClusterConfig } from '../../src/kube/kubeconfig.js';
import { listNamespaces } from '../../src/kube/namespaces.js';
import { displayLogLine, fetchPodLog, MAX_LOG_LINE_CHARS } from '../../src/kube/podLogs.js';
import { StubApiServer } from './stubApiServer.js';

describe('displayLogLine', () => {
  it.each([
    ['plain', '2026-11-25T10:00:00Z GET /healthz 200', '2026-11-25T10:00:00Z GET /healthz 200'],
    ['colours stripped', '\u001b[32mINFO\u001b[0m ready', 'INFO ready'],
    ['progress bar keeps the last redraw', 'pulling 10%\rpulling 50%\rpulling 100%', 'pulling 100%'],
    ['CRLF line ending', 'done\r', 'done'],
    ['NUL and bell dropped', 'bin\u0000ary\u0007', 'binary'],
    ['invalid UTF-8 already decoded to U+FFFD stays visible', 'x\ufffd\ufffdy', 'x\ufffd\ufffdy'],
    ['tabs expanded', 'key\tvalue', 'key     value'],
  ])('%s', (_name, raw, shown) => {
    expect(displayLogLine(raw)).toBe(shown);
  });

  it('cuts a very long line and marks the cut', () => {
    const shown = displayLogLine('x'.repeat(10_000));
    expect(shown).toHaveLength(MAX_LOG_LINE_CHARS + 1);
    expect(shown.endsWith('…')).toBe(true);
  });
});

describe('fetchPodLog', () => {
  let server: Server;
  let config: ClusterConfig;
  let lastQuery: URLSearchParams | undefined;
  const followers = new Set<ServerResponse>();
  const stubKubeconfig = new StubApiServer();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      lastQuery = url.searchParams;
      const pod = /\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(url.pathname)?.[2];
      const fail = (code: number, message: string) => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: 'BadRequest', code }));
      };
      if (pod === 'crashed' && url.searchParams.get('previous') === 'true') return fail(400, 'previous terminated container "app" in pod "crashed" not found');
      if (pod === 'creating') return fail(400, 'container "app" in pod "creating" is waiting to start: ContainerCreating');
      if (pod === 'secret') return fail(403, 'pods "secret" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "default"');
      res.writeHead(200, { 'content-type': 'text/plain' });
      if (pod === 'binary') {
        res.write(Buffer.from([0x68, 0x69, 0x00, 0xff, 0xfe, 0x0a]));
        // A multi-byte character split across two chunks.
        const snow = Buffer.from('☃ ok\n');
        res.write(snow.subarray(0, 2));
        res.end(snow.subarray(2));
        return;
      }
      if (pod === 'huge') {
        for (let i = 0; i < 20; i++) res.write('x'.repeat(10_000));
        res.end('\nnext\n');
        return;
      }
      if (pod === 'follow') {
        res.write('first\n');
        followers.add(res);
        return;
      }
      res.write('line one\n\u001b[31mline two\u001b[0m\npartial ');
      res.end('tail without newline');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stubKubeconfig.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    config = loadClusterConfig({ kubeconfig: stubKubeconfig.writeKubeconfig(), allNamespaces: false });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetchLines = async (pod: string, extra: Partial<Parameters<typeof fetchPodLog>[1]> = {}) => {
    const lines: string[] = [];
    await fetchPodLog(config, { namespace: 'default', pod, container: 'app', previous: false, follow: false, ...extra }, (l) => lines.push(l));
    return lines;
  };

  it('streams sanitized lines, the last one even without a newline', async () => {
    expect(await fetchLines('web', { tailLines: 100 })).toEqual(['line one', 'line two', 'partial tail without newline']);
    expect(lastQuery?.get('container')).toBe('app');
    expect(lastQuery?.get('tailLines')).toBe('100');
    expect(lastQuery?.has('previous')).toBe(false);
  });

  it('shows binary output safely and joins UTF-8 split across chunks', async () => {
    expect(await fetchLines('binary')).toEqual(['hi\ufffd\ufffd', '☃ ok']);
  });

  it('cuts a line that never ends without buffering all of it', async () => {
    expect(await fetchLines('huge')).toEqual([`${'x'.repeat(MAX_LOG_LINE_CHARS)}…`, 'next']);
  });

  it.each([
    ['crashed', true, 'previous terminated container "app" in pod "crashed" not found'],
    ['creating', false, 'container "app" in pod "creating" is waiting to start: ContainerCreating'],
    ['secret', false, 'pods "secret" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "default"'],
  ])('%s: rejects with the API server reason', async (pod, previous, message) => {
    await expect(fetchLines(pod, { previous })).rejects.toThrow(message);
  });

  it('follows until aborted, then resolves quietly', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const done = fetchPodLog(config, { namespace: 'default', pod: 'follow', container: 'app', previous: false, follow: true, signal: controller.signal }, (l) => lines.push(l));
    while (followers.size === 0 || lines.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const f of followers) f.write('second\n');
    while (lines.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lastQuery?.get('follow')).toBe('true');
    controller.abort();
    await expect(done).resolves.toBeUndefined();
    expect(lines).toEqual(['first', 'second']);
  });
});

describe('listNamespaces', () => {
  let stub: StubApiServer;
  beforeAll(async () => {
    stub = await new StubApiServer().start();
  });
  afterAll(() => stub.close());

  it.each([
    ['lists every namespace, sorted', 200, ['default', 'kube-system', 'shop']],
    ['403 → just the context namespace', 403, ['team-a']],
  ] as const)('%s', async (_name, status, expected) => {
    stub.override = (r) =>
      r.path !== '/api/v1/namespaces'
        ? undefined
        : status === 200
          ? { status, body: { kind: 'NamespaceList', metadata: {}, items: ['shop', 'default', 'kube-system'].map((name) => ({ metadata: { name }, status: { phase: 'Active' } })) } }
          : { status, body: { kind: 'Status', code: 403, message: 'namespaces is forbidden' } };
    const config = loadClusterConfig({ kubeconfig: stub.writeKubeconfig('team-a'), allNamespaces: false });
    expect(await listNamespaces(config)).toEqual(expected);
  });
});
