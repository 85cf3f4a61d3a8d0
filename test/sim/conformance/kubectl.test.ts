// The real kubectl against the emulator's API server: discovery, server-side
// printed tables, JSON lists, watches, logs and a graceful delete must all
// work unchanged, as against a cluster. Without kubectl on PATH the suite is
// skipped locally and fails in CI.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/model/types.js';
import { writeKubeconfig } from '../../../src/sim/kubeconfig.js';
import type { ApiServer } from '../../../src/sim/server/index.js';
import { running, startCluster, type Cluster } from '../server/fixtures.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

describe('kubectl availability', () => {
  it('is on PATH wherever CI is set (locally the suite below may be skipped)', () => {
    expect(hasKubectl || !process.env.CI, 'the conformance suite needs the real kubectl on PATH in CI').toBe(true);
  });
});

describe.runIf(hasKubectl)('kubectl against the emulator', () => {
  let cluster: Cluster & { server: ApiServer };
  let dir: string;
  let kubeconfig: string;
  const children = new Set<ChildProcess>();

  const kubectlArgs = (args: string[]) => ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args];

  /** Runs kubectl to completion. */
  function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = execFile('kubectl', kubectlArgs(args), { timeout: 20_000 }, (error, stdout, stderr) => {
        children.delete(child);
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
      children.add(child);
    });
  }

  /** Starts kubectl and lets the test wait for lines of its output. */
  function startKubectl(...args: string[]) {
    const child = spawn('kubectl', kubectlArgs(args), { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    const listeners = new Set<() => void>();
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const listener of listeners) listener();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    exited.then(() => children.delete(child));
    return {
      exited,
      get output() {
        return output;
      },
      waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
        return new Promise((resolve, reject) => {
          const check = () => {
            const match = pattern.exec(output);
            if (!match) return;
            listeners.delete(check);
            clearTimeout(timer);
            resolve(match[0]);
          };
          const timer = setTimeout(() => {
            listeners.delete(check);
            reject(new Error(`kubectl never printed ${pattern}; it printed:\n${output}`));
          }, timeoutMs);
          listeners.add(check);
          check();
        });
      },
      kill: () => child.kill('SIGTERM'),
    };
  }

  const updatePod = (name: string, mutate: (pod: Pod) => void) =>
    cluster.emulator.store.update('pods', 'demo', name, (p) => mutate(p as unknown as Pod));

  beforeAll(async () => {
    cluster = await startCluster();
    dir = mkdtempSync(join(tmpdir(), 'podtui-kubectl-'));
    kubeconfig = join(dir, 'config');
    writeKubeconfig(cluster.server.url, kubeconfig);
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await cluster.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('get pods -A -o json lists every pod of the store', async () => {
    const { code, stdout } = await kubectl('get', 'pods', '-A', '-o', 'json');
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { kind: string; items: Pod[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(
      cluster.emulator.store.list('pods').map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
    );
    expect(list.items.find((p) => p.metadata.name === 'crashloop-6f9c7-x2kqp')?.status.containerStatuses?.[0]?.state?.waiting?.reason).toBe('CrashLoopBackOff');
  });

  it('get pods -A prints kubectl columns with the STATUS the server computed', async () => {
    const { code, stdout } = await kubectl('get', 'pods', '-A');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => line.split(/\s{2,}/));
    expect(rows[0]).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['demo', 'crashloop-6f9c7-x2kqp', '0/1', 'CrashLoopBackOff', '1 (0s ago)'],
      ['demo', 'pending-1a2b3-ppppp', '0/1', 'Pending', '0'],
      ['demo', 'pulling-5c8d-qwert', '0/2', 'ContainerCreating', '0'],
      ['demo', 'web-7d4b9-abcde', '1/1', 'Running', '0'],
      ['kube-system', 'coredns-5d78c-zzzzz', '1/1', 'Running', '0'],
    ]);
  });

  it('get pods with a label selector and -o wide', async () => {
    const { stdout } = await kubectl('get', 'pods', '-n', 'demo', '-l', 'tier in (frontend,backend)', '-o', 'wide');
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['crashloop-6f9c7-x2kqp', 'web-7d4b9-abcde']);
    expect(lines[2]).toMatch(/web-7d4b9-abcde\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.1\.15\s+worker-1\s+<none>\s+<none>/);
  });

  it('get events -A prints the events of both APIs from the one store', async () => {
    const { code, stdout } = await kubectl('get', 'events', '-A');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(stdout).toMatch(/demo\s+\S+\s+Warning\s+BackOff\s+pod\/crashloop-6f9c7-x2kqp\s+Back-off restarting failed container app in pod crashloop-6f9c7-x2kqp_demo\(x\)/);
    expect(stdout).toMatch(/Normal\s+Scheduled\s+pod\/web-7d4b9-abcde\s+Successfully assigned demo\/web-7d4b9-abcde to worker-1/);
  });

  it('get pods -A -w --output-watch-events sees a change made while it watches', async () => {
    const watch = startKubectl('get', 'pods', '-A', '-w', '--output-watch-events');
    await watch.waitFor(/ADDED\s+kube-system\s+coredns-5d78c-zzzzz/);
    updatePod('crashloop-6f9c7-x2kqp', (pod) => {
      pod.status.containerStatuses = [running('app', '2026-11-25T10:00:00Z', 2)];
    });
    await watch.waitFor(/MODIFIED\s+demo\s+crashloop-6f9c7-x2kqp\s+1\/1\s+Running\s+2/);
    cluster.emulator.store.remove('pods', 'demo', 'pending-1a2b3-ppppp');
    await watch.waitFor(/DELETED\s+demo\s+pending-1a2b3-ppppp/);
    watch.kill();
    await watch.exited;
  });

  it('logs and logs --previous', async () => {
    const current = await kubectl('logs', '-n', 'demo', 'crashloop-6f9c7-x2kqp', '--tail', '1');
    expect(current.stdout).toBe('panic: connection refused\n');
    const previous = await kubectl('logs', '-n', 'demo', 'crashloop-6f9c7-x2kqp', '--previous');
    expect(previous.stdout).toBe('first instance: panic: boom\n');
    const none = await kubectl('logs', '-n', 'demo', 'web-7d4b9-abcde', '--previous');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('previous terminated container "app" in pod "web-7d4b9-abcde" not found');
  });

  it('delete pod waits through the grace period until the kubelet removes it', async () => {
    const deletion = startKubectl('delete', 'pod', '-n', 'demo', 'web-7d4b9-abcde');
    await deletion.waitFor(/pod "web-7d4b9-abcde" deleted/);
    expect(cluster.emulator.store.get('pods', 'demo', 'web-7d4b9-abcde')?.metadata.deletionTimestamp).toBe('2026-11-25T10:00:30Z');
    // kubectl now waits on a watch for the DELETED; the grace period passes in emulated time.
    cluster.clock.advance(30_000);
    expect(await deletion.exited).toBe(0);
    expect(cluster.emulator.store.get('pods', 'demo', 'web-7d4b9-abcde')).toBeUndefined();
  });

  it('delete --grace-period=0 --force removes a pod at once', async () => {
    const { code, stdout } = await kubectl('delete', 'pod', '-n', 'kube-system', 'coredns-5d78c-zzzzz', '--grace-period=0', '--force');
    expect(code).toBe(0);
    expect(stdout).toContain('pod "coredns-5d78c-zzzzz" force deleted');
    expect(cluster.emulator.store.get('pods', 'kube-system', 'coredns-5d78c-zzzzz')).toBeUndefined();
  });

  it('get pods --field-selector narrows on the server', async () => {
    const { stdout } = await kubectl('get', 'pods', '-A', '--field-selector', 'spec.nodeName=worker-2', '-o', 'name');
    expect(stdout.trim().split('\n')).toEqual(['pod/pulling-5c8d-qwert']);
  });

  it('reports a missing pod as the API server does', async () => {
    const { code, stderr } = await kubectl('get', 'pod', '-n', 'demo', 'nope');
    expect(code).not.toBe(0);
    expect(stderr).toContain('Error from server (NotFound): pods "nope" not found');
  });
});
