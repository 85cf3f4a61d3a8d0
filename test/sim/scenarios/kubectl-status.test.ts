// The real kubectl against the emulator running the demo: at chosen moments
// of the scenarios (a VirtualClock the test advances) its STATUS column says
// what a cluster's would, and `kubectl logs --previous` prints the crashed
// instance's last lines. Without kubectl the suite is skipped locally and
// fails in CI.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator, type Emulator } from '../../../src/sim/emulator.js';
import { writeKubeconfig } from '../../../src/sim/kubeconfig.js';
import { startDemo, type Running } from '../../../src/sim/scenarios/index.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';
import { startApiServer, type ApiServer } from '../../../src/sim/server/index.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

describe('kubectl for the scenario STATUS test', () => {
  it('is on PATH wherever CI is set', () => {
    expect(hasKubectl || !process.env.CI, 'kubectl-status needs the real kubectl on PATH in CI').toBe(true);
  });
});

/**
 * When to look (seconds after the demo started) and what STATUS kubectl must
 * print for the first pod of each scenario then. The moments follow from the
 * scenarios' timings (see stories.test.ts): e.g. oomkilled's first instance
 * starts at 4.2 s and is killed at 17.2 s, restarted at 18.2 s.
 */
const MOMENTS: { at: number; expect: Record<string, string> }[] = [
  { at: 4.2, expect: { imagepull: 'ErrImagePull', 'init-slow': 'Init:0/2', unschedulable: 'Pending', crashloop: 'Running' } },
  { at: 6.5, expect: { imagepull: 'ImagePullBackOff', 'init-crash': 'Init:Error' } },
  {
    at: 17.5,
    expect: {
      oomkilled: 'OOMKilled',
      crashloop: 'CrashLoopBackOff',
      'init-crash': 'Init:CrashLoopBackOff',
      'job-success': 'Completed',
      'job-failure': 'Error',
      'init-slow': 'Init:0/2',
    },
  },
  { at: 25, expect: { 'init-slow': 'Init:1/2', oomkilled: 'Running', sidecar: 'Running' } },
  { at: 46, expect: { evicted: 'Evicted' } },
  { at: 50, expect: { 'prestop-hook': 'Terminating', evicted: 'Error', 'init-slow': 'Running', unschedulable: 'Pending' } },
];

describe.runIf(hasKubectl)('kubectl get pods on the demo', () => {
  let clock: VirtualClock;
  let emulator: Emulator;
  let demo: Running;
  let server: ApiServer;
  let dir: string;
  let kubeconfig: string;

  function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args], { timeout: 20_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  /** STATUS of the oldest pod of each scenario, from `kubectl get pods -n demo`. */
  async function statuses(): Promise<Record<string, string>> {
    const { code, stdout, stderr } = await kubectl('get', 'pods', '-n', 'demo', '--sort-by=.metadata.creationTimestamp');
    expect(code, stderr).toBe(0);
    const rows = stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/));
    const first: Record<string, string> = {};
    for (const [name, , status] of rows) {
      const scenario = name!.replace(/(-[bcdfghjklmnpqrstvwxz2456789]{10})?-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '');
      first[scenario] ??= status!;
    }
    return first;
  }

  beforeAll(async () => {
    clock = new VirtualClock();
    emulator = createEmulator(clock);
    demo = startDemo(emulator, { random: seededRandom(9) });
    server = await startApiServer(emulator, { port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'podtui-scenarios-'));
    kubeconfig = join(dir, 'config');
    writeKubeconfig(server.url, kubeconfig, { namespace: 'demo' });
  });

  afterAll(async () => {
    demo?.stop();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every lifecycle STATUS at its moment, and the crashed instance for --previous', async () => {
    const seen: string[] = [];
    for (const moment of MOMENTS) {
      clock.advanceTo(Date.parse('2026-11-25T10:00:00Z') + moment.at * 1000);
      const now = await statuses();
      for (const [scenario, status] of Object.entries(moment.expect)) {
        expect(`${moment.at}s ${scenario}: ${now[scenario]}`).toBe(`${moment.at}s ${scenario}: ${status}`);
        seen.push(status);
      }
      if (moment.at === 17.5) {
        const pod = emulator.store.list('pods').find((p) => p.metadata.name.startsWith('crashloop-'))!;
        const previous = await kubectl('logs', '-n', 'demo', pod.metadata.name, '--previous');
        expect(previous.code, previous.stderr).toBe(0);
        expect(previous.stdout.trimEnd().split('\n').slice(-2)).toEqual([
          '    at async Worker.start (/app/dist/worker.js:88:5)',
          'fatal: could not connect to database, exiting with code 1',
        ]);
      }
    }
    for (const status of ['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'Init:0/2', 'Init:CrashLoopBackOff', 'OOMKilled', 'Completed', 'Error', 'Terminating', 'Evicted', 'Pending']) {
      expect(seen).toContain(status);
    }
  });
});
