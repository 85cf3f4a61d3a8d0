// The log view on the emulated cluster, over real HTTP: the crashloop
// scenario's container has died once, `p` shows the previous instance's last
// words as the kubelet kept them, and Esc hands control back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadClusterConfig } from '../../../src/kube/kubeconfig.js';
import { fetchPodLog } from '../../../src/kube/podLogs.js';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator } from '../../../src/sim/emulator.js';
import { writeKubeconfig } from '../../../src/sim/kubeconfig.js';
import { startScenarios } from '../../../src/sim/scenarios/index.js';
import type { Running } from '../../../src/sim/scenarios/types.js';
import { startApiServer, type ApiServer } from '../../../src/sim/server/index.js';
import { LogView } from '../../../src/ui/logs/LogView.js';
import type { LogPort } from '../../../src/ui/ports.js';

let server: ApiServer;
let scenario: Running;
let dir: string;
let port: LogPort;
let podName: string;

beforeAll(async () => {
  const clock = new VirtualClock();
  const emulator = createEmulator(clock);
  scenario = startScenarios(emulator, { names: ['crashloop'], namespace: 'demo', random: () => 0.5 });
  server = await startApiServer(emulator, { port: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'podtui-logview-'));
  const kubeconfig = path.join(dir, 'config');
  writeKubeconfig(server.url, kubeconfig, { namespace: 'demo' });
  const config = loadClusterConfig({ kubeconfig, allNamespaces: false });
  // Far enough into the crash loop that one instance has died and the next one runs or waits.
  clock.advanceTo(Date.parse('2026-11-25T10:00:17.5Z'));
  const pod = emulator.store.list('pods').find((p) => p.metadata.name.startsWith('crashloop-'));
  if (!pod) throw new Error('the crashloop scenario made no pod');
  podName = pod.metadata.name;
  // What the App hands the screen: fetchPodLog behind the LogPort contract.
  port = {
    open(request, onLine, onEnd) {
      const abort = new AbortController();
      fetchPodLog(config, { ...request, signal: abort.signal }, onLine).then(
        () => onEnd(),
        (error: Error) => onEnd(error.message),
      );
      return () => abort.abort();
    },
  };
});

afterAll(async () => {
  cleanup();
  scenario?.stop();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;

describe('LogView on the emulator', () => {
  it('p shows the crashed instance\'s last line; Esc closes', async () => {
    const onClose = vi.fn();
    const view = render(
      <LogView port={port} namespace="demo" pod={podName} container="app" containers={['app']} previous={false} width={120} height={16} onClose={onClose} ascii={false} />,
    );
    const screen = () => (view.lastFrame() ?? '').replace(ansi, '').split('\n');
    await vi.waitFor(() => expect(screen().some((l) => l.includes('payments-worker 3.2.0 starting'))).toBe(true), { timeout: 5_000 });
    view.stdin.write('p');
    await vi.waitFor(() => expect(screen()).toContain('-- end of the previous instance --'), { timeout: 5_000 });
    expect(screen()[0]).toBe(`Log of app · previous instance · demo/${podName}  8 lines`);
    const end = screen().indexOf('-- end of the previous instance --');
    expect(screen()[end - 1]).toBe('fatal: could not connect to database, exiting with code 1');
    view.stdin.write('\u001b');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    view.unmount();
  });

  it('says why when the previous instance of another container does not exist', async () => {
    const view = render(
      <LogView port={port} namespace="demo" pod={podName} container="sidecar" containers={['sidecar']} previous width={200} height={6} onClose={() => {}} ascii={false} />,
    );
    const screen = () => (view.lastFrame() ?? '').replace(ansi, '').split('\n');
    await vi.waitFor(() => expect(screen()[1]).toMatch(/^The log cannot be read: .*sidecar/), { timeout: 5_000 });
    view.unmount();
  });
});
