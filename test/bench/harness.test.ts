import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli.js';
import { interactiveEnvironment, podCountOnScreen, podtuiShowsAllPods } from '../../src/bench/e2e/clients.js';
import { measureKeyLatency, selectionOf } from '../../src/bench/e2e/keyLatency.js';
import { countPods, kubeconfigLine, serverUrl, simArguments, startSim } from '../../src/bench/e2e/simProcess.js';
import { runningPod } from '../../src/bench/micro/podStream.js';
import { RealClock } from '../../src/sim/clock.js';
import { createEmulator } from '../../src/sim/emulator.js';
import { renderKubeconfig } from '../../src/sim/kubeconfig.js';
import { startApiServer } from '../../src/sim/server/index.js';
import { measureStorm } from '../../src/bench/e2e/storm.js';
import { parseBenchOptions } from '../../src/bench/options.js';
import { PtyScreen } from '../../src/bench/terminal/ptyScreen.js';

// A status bar as podtui draws it (src/ui/statusText.ts), at the bottom of 40 rows.
const screenWith = (statusBar: string) => [...Array.from({ length: 38 }, (_, i) => `team-0${i % 9}   web-${i}   1/1   Running   0   5m`), statusBar, ' ↑↓ select  ←→ step'];

describe('podtui pod count on screen', () => {
  it.each([
    ['podtui-sim · all namespaces · 10000 pods: 9800 Running, 200 CrashLoopBackOff · live · LIVE', 10000],
    ['podtui-sim · all namespaces · 10,000 pods: 9,800 Running · live', 10000],
    ['podtui-sim · all namespaces · 25 of 30000 pods: 25 Running · live', 30000],
    ['podtui-sim · all namespaces · 1 pods · connecting', 1],
    ['podtui-sim · all namespaces · connecting', undefined],
  ])('%s → %s', (bar, count) => {
    expect(podCountOnScreen(screenWith(bar))).toBe(count);
  });

  it('counts the list complete only at N (or within a slack while pods come and go)', () => {
    const at = (n: string) => screenWith(`ctx · all namespaces · ${n} pods: ${n} Running · live`);
    expect(podtuiShowsAllPods(at('9500'), 10000)).toBe(false);
    expect(podtuiShowsAllPods(at('10000'), 10000)).toBe(true);
    expect(podtuiShowsAllPods(at('100000'), 10000)).toBe(false);
    expect(podtuiShowsAllPods(at('9850'), 10000, 200)).toBe(true);
    expect(podtuiShowsAllPods(at('10150'), 10000, 200)).toBe(true);
    expect(podtuiShowsAllPods(at('9700'), 10000, 200)).toBe(false);
  });

  it('ignores pod counts in the list body, reading only the status lines', () => {
    const lines = screenWith('ctx · connecting');
    lines[3] = 'note: 10000 pods expected';
    expect(podCountOnScreen(lines)).toBeUndefined();
  });
});

describe('sim process', () => {
  it('asks podtui sim for exactly the load, as the CLI parses it', () => {
    const config = parseCommandLine(simArguments({ pods: 30000, namespaces: 50, churn: 200, eventRate: 200 }, '/tmp/kc'));
    expect(config).toMatchObject({ command: 'sim', pods: 30000, namespaces: 50, churn: 200, eventRate: 200, kubeconfigOut: '/tmp/kc' });
  });

  it('finds the kubeconfig line among other output', () => {
    expect(kubeconfigLine('emulator listening on http://127.0.0.1:41234\nkubeconfig: /tmp/podtui-bench-x/kubeconfig\n')).toBe('/tmp/podtui-bench-x/kubeconfig');
    expect(kubeconfigLine('kubeconfig will be written\n')).toBeUndefined();
  });

  it('counts the pods an API server holds with one LIST of limit=1', async () => {
    const emulator = createEmulator(new RealClock());
    for (let i = 0; i < 1203; i++) emulator.store.create('pods', runningPod(i, 7, 0) as never);
    const server = await startApiServer(emulator, { port: 0 });
    try {
      const url = serverUrl(renderKubeconfig(server.url, { namespace: 'demo' }));
      expect(url).toBe(server.url);
      expect(await countPods(url)).toBe(1203);
    } finally {
      await server.close();
    }
  });

  it('starts a sim-like process, waits for its kubeconfig line, and stops it', async () => {
    const script = "setTimeout(() => console.log('kubeconfig: ' + process.argv[process.argv.indexOf('--kubeconfig-out') + 1]), 100); setInterval(() => {}, 1000);";
    const sim = await startSim({ pods: 10, namespaces: 2, churn: 0, eventRate: 0 }, { command: [process.execPath, '-e', script, '--'] });
    expect(sim.kubeconfig).toMatch(/podtui-bench-.*\/kubeconfig$/);
    expect(() => process.kill(sim.pid, 0)).not.toThrow();
    await sim.stop();
    expect(() => process.kill(sim.pid, 0)).toThrow();
  });

  it('reports a sim that dies before it listens, with its output', async () => {
    await expect(startSim({ pods: 1, namespaces: 1, churn: 0, eventRate: 0 }, { command: [process.execPath, '-e', "console.error('port in use'); process.exit(3)", '--'] })).rejects.toThrow(/exited \(3\)[\s\S]*port in use/);
  });
});

describe('client environment', () => {
  it('drops CI (Ink draws nothing under CI) and keeps the rest', () => {
    const env = interactiveEnvironment({ CI: 'true', PATH: '/usr/bin', HOME: '/root' });
    expect(env.CI).toBeUndefined();
    expect(env).toMatchObject({ PATH: '/usr/bin', HOME: '/root', TERM: 'xterm-256color' });
  });
});

describe('measurements against stand-in programs', () => {
  let screen: PtyScreen | undefined;
  afterEach(async () => {
    await screen?.close();
    screen = undefined;
  });

  it('times j/k presses until the highlighted row moves', async () => {
    // Answers each key after ~20 ms, like a throttled renderer.
    const program = `
      let selected = 0;
      const draw = () => { let out = '\\x1b[H'; for (let i = 0; i < 3; i++) out += (i === selected ? '\\x1b[7m' : '') + 'pod-' + i + ' '.repeat(20) + '\\x1b[0m\\r\\n'; process.stdout.write(out); };
      process.stdin.setRawMode(true);
      process.stdin.on('data', (key) => { if (String(key) === 'j') selected = 1; if (String(key) === 'k') selected = 0; setTimeout(draw, 20); });
      draw();`;
    screen = new PtyScreen(process.execPath, ['-e', program]);
    await screen.waitFor((s) => s.highlightedRows().length === 1, 5000);
    const result = await measureKeyLatency(screen, { presses: 6, timeoutMs: 3000, pauseMs: 10 });
    expect(result.unanswered).toBe(0);
    expect(result.samples).toHaveLength(6);
    for (const sample of result.samples) {
      expect(sample).toBeGreaterThanOrEqual(15);
      // Generous: the machine is shared, and only the order of events is under test here.
      expect(sample).toBeLessThan(2500);
    }
  });

  it('counts a press the screen never answers as unanswered', async () => {
    screen = new PtyScreen(process.execPath, ['-e', "process.stdin.setRawMode(true); process.stdout.write('\\x1b[7m' + 'x'.repeat(20) + '\\x1b[0m'); setInterval(() => {}, 1000);"]);
    await screen.waitFor((s) => s.highlightedRows().length === 1, 5000);
    const result = await measureKeyLatency(screen, { presses: 2, timeoutMs: 150, pauseMs: 0 });
    expect(result).toEqual({ samples: [], unanswered: 2 });
  });

  it('measures output bytes per second and CPU over a window', async () => {
    // 500 bytes every 50 ms: about 10 KB/s, and next to no CPU.
    screen = new PtyScreen(process.execPath, ['-e', "setInterval(() => process.stdout.write('x'.repeat(498) + '\\r\\n'), 50);"]);
    await screen.waitFor((s) => s.bytesWritten > 0, 5000);
    const [storm] = await measureStorm([{ name: 'podtui', screen, startedAt: 0, listShown: async () => 0 }], 1);
    expect(storm!.bytesPerSecond).toBeGreaterThan(3_000);
    expect(storm!.bytesPerSecond).toBeLessThan(14_000);
    expect(storm!.cpuPercent).toBeLessThan(30);
    expect(storm!.rssPeak).toBeGreaterThanOrEqual(storm!.rss);
  });
});

describe('bench options', () => {
  it('--quick runs 1,000 and 10,000 pods, a 10 s storm, no soak', () => {
    expect(parseBenchOptions(['--quick'])).toMatchObject({ quick: true, loads: [1000, 10000], stormLoads: [10000], stormSeconds: 10, soakMinutes: 0, churn: 200, eventRate: 200 });
  });
  it('the full run adds 30,000 pods, a 60 s storm and a 10-minute soak', () => {
    expect(parseBenchOptions([])).toMatchObject({ quick: false, loads: [1000, 10000, 30000], stormLoads: [10000, 30000], stormSeconds: 60, soakMinutes: 10 });
  });
  it('takes explicit loads and one part only', () => {
    expect(parseBenchOptions(['--loads', '500,2000', '--only', 'e2e'])).toMatchObject({ loads: [500, 2000], micro: false, e2e: true });
    expect(() => parseBenchOptions(['--only', 'soak'])).toThrow(/micro, e2e or ink/);
    expect(parseBenchOptions(['--quick'])).toMatchObject({ ink: false, micro: true, e2e: true });
    expect(parseBenchOptions([])).toMatchObject({ ink: true });
  });
});

describe('selectionOf', () => {
  const fake = (lines: string[], highlighted: number[]) => ({ lines: () => lines, highlightedRows: () => highlighted });
  it('names the selected pod by namespace and name, wherever its row is and whatever its status', () => {
    const before = fake(['NAMESPACE NAME READY STATUS', 'demo   web-0   1/1   Running   0   5m', 'demo   web-1   0/1   Pending   0   5m'], [1]);
    const shifted = fake(['NAMESPACE NAME READY STATUS', 'demo   new-pod   0/1   Pending   0   1s', 'demo   web-0   0/1   CrashLoopBackOff   1 (2s ago)   5m'], [2]);
    expect(selectionOf(before)).toBe('demo web-0');
    expect(selectionOf(shifted)).toBe(selectionOf(before));
    expect(selectionOf(fake(['a b c', 'x y z'], []))).toBe('');
  });
});

describe('measureKeyLatency when the selected pod goes away', () => {
  let screen: PtyScreen | undefined;
  afterEach(async () => {
    await screen?.close();
    screen = undefined;
  });

  it('loses at most the one press the change swallowed, then measures again from the new selection', async () => {
    // After the 3rd key the first pod is deleted: the list shifts up and the selection lands on another pod.
    const program = `
      let pods = ['demo churn-a', 'demo web-0', 'demo web-1', 'demo web-2'];
      let selected = 0; let keys = 0;
      const draw = () => { let out = '\\x1b[2J\\x1b[H'; pods.forEach((p, i) => { out += (i === selected ? '\\x1b[7m' : '') + p + ' '.repeat(20) + '\\x1b[0m\\r\\n'; }); process.stdout.write(out); };
      process.stdin.setRawMode(true);
      process.stdin.on('data', (key) => {
        keys++;
        if (String(key) === 'j') selected = Math.min(pods.length - 1, selected + 1);
        if (String(key) === 'k') selected = Math.max(0, selected - 1);
        if (keys === 3) { pods = pods.slice(1); selected = Math.max(0, selected - 1); }
        setTimeout(draw, 5);
      });
      draw();`;
    screen = new PtyScreen(process.execPath, ['-e', program]);
    await screen.waitFor((s) => selectionOf(s) === 'demo churn-a', 5000);
    const result = await measureKeyLatency(screen, { presses: 8, timeoutMs: 1000, pauseMs: 10 });
    // The k that the shift made a no-op cannot be answered; every press after it is.
    expect(result.unanswered).toBe(1);
    expect(result.samples).toHaveLength(7);
  });
});
