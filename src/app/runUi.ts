// `podtui` and `podtui --demo`: resolve the cluster, check it answers, then
// own the terminal until the user quits, whatever way the process ends.
import type { UiConfig } from '../cli.js';
import { UserError } from '../kube/errors.js';
import { checkReachable, loadClusterConfig } from '../kube/kubeconfig.js';
import { enterTerminal, writeCrashLog, type TerminalSession } from '../terminal.js';
import { SCREEN_RENDER_OPTIONS } from '../ui/screenOptions.js';
import type { EmulatedCluster } from './emulatedCluster.js';
import { limitHeapGrowth } from './heapGrowth.js';
import { startHeapLog } from './heapLog.js';
import { createSession, type Session } from './session.js';

/** UTF-8 box drawing only where the locale says the terminal can show it. */
function localeIsUtf8(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

export async function runUi(config: UiConfig): Promise<number> {
  limitHeapGrowth();
  const interactive = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  const display = displayOptions(config);
  // Loading Ink, React and the screen takes as long as starting the demo
  // cluster and reaching it: do both at once.
  const screen = interactive ? loadScreen(display) : undefined;
  screen?.catch(() => {});
  let demo: EmulatedCluster | undefined;
  if (config.demo) {
    // The emulator is loaded for the demo only: against a real cluster it would be start-up time for nothing.
    const { startEmulatedCluster } = await import('./emulatedCluster.js');
    demo = await startEmulatedCluster({ speed: config.speed, scenarios: config.scenarios });
  }

  try {
    const cluster = loadClusterConfig({
      ...(demo ? { kubeconfig: demo.kubeconfigPath } : config.kubeconfig !== undefined ? { kubeconfig: config.kubeconfig } : {}),
      ...(config.context !== undefined && { context: config.context }),
      ...(config.namespace !== undefined && { namespace: config.namespace }),
      allNamespaces: config.allNamespaces,
    });
    await checkReachable(cluster);
    // After the cluster checks, so a bad kubeconfig is reported the same way with or without a terminal.
    if (!screen) {
      throw new UserError('stdout is not a terminal: podtui is an interactive UI (for a stream, use kubectl get pods -w)');
    }
    // The first LIST starts now, while Ink and React are still loading: the
    // server pages out pods while this process compiles the screen.
    const session = createSession(cluster, {
      ...(config.labelSelector !== undefined && { labelSelector: config.labelSelector }),
      ...(config.fieldSelector !== undefined && { fieldSelector: config.fieldSelector }),
      demo: demo !== undefined,
      now: demo ? () => demo.emulator.clock.now() : () => Date.now(),
    });
    session.start();
    try {
      return await runScreen(session, display, await screen);
    } finally {
      session.stop();
    }
  } finally {
    await demo?.close();
  }
}

interface DisplayOptions {
  color: boolean;
  ascii: boolean;
}

function displayOptions(config: UiConfig): DisplayOptions {
  return { color: config.color && !process.env.NO_COLOR, ascii: config.ascii || !localeIsUtf8(process.env) };
}

type ScreenModules = [typeof import('ink'), typeof import('react'), typeof import('../ui/App.js')];

function loadScreen({ color }: DisplayOptions): Promise<ScreenModules> {
  // Ink decides at import time: in CI it writes no frames at all, and chalk
  // reads FORCE_COLOR once. podtui is interactive only (only called with a
  // TTY), so both are settled before Ink is loaded.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // DEV=true (common in developers' shells) makes Ink connect React devtools,
  // reading its package.json beside it: inside the bundle there is none.
  delete process.env.DEV;
  // Without colours the selection is still drawn in inverse video, which
  // chalk drops at colour level 0: keep level 1, the App picks no colours.
  if (!color) process.env.FORCE_COLOR = '1';
  // React's development build renders about twice as slowly.
  process.env.NODE_ENV ??= 'production';
  return Promise.all([import('ink'), import('react'), import('../ui/App.js')]);
}

async function runScreen(session: Session, { ascii, color }: DisplayOptions, [{ render }, React, { App }]: ScreenModules): Promise<number> {
  const terminal: TerminalSession = enterTerminal(process.stdout, process.stdin);
  const restoreConsole = silenceConsole();
  const stopHeapLog = startHeapLog(process.env.PODTUI_HEAP_LOG, { entries: () => session.props.cluster.getState().totalEntries });
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let ending = false;

  const instance = render(
    React.createElement(App, { ...session.props, options: { ascii, color }, onQuit: () => end(0) }),
    {
      exitOnCtrlC: false,
      // A library's console output would land in the middle of the screen;
      // it is silenced while the screen is up (see silenceConsole).
      patchConsole: false,
      ...SCREEN_RENDER_OPTIONS,
    },
  );

  function end(code: number, error?: unknown): void {
    if (ending) return;
    ending = true;
    try {
      instance.unmount();
    } catch {
      // a crash inside React may leave nothing to unmount
    }
    session.stop();
    terminal.restore();
    restoreConsole();
    stopHeapLog();
    if (error !== undefined) {
      const path = writeCrashLog(error);
      process.stderr.write(`podtui: crashed: ${(error as Error)?.message ?? String(error)}\npodtui: details written to ${path}\n`);
    }
    finish(code);
  }

  const onSignal = (signal: keyof typeof SIGNAL_NUMBERS) => () => end(128 + SIGNAL_NUMBERS[signal]);
  const onCrash = (error: unknown) => end(1, error);
  for (const signal of Object.keys(SIGNAL_NUMBERS) as (keyof typeof SIGNAL_NUMBERS)[]) process.on(signal, onSignal(signal));
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  instance.waitUntilExit().catch(onCrash);
  const code = await finished;
  // Timers of the watch layer are stopped; anything left (a hung socket) must not keep a quit user waiting.
  setTimeout(() => process.exit(code), 200).unref();
  return code;
}

/** Drops console output while the screen is up; returns a function that brings it back. */
function silenceConsole(): () => void {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((method) => console[method]);
  for (const method of methods) console[method] = () => {};
  return () => methods.forEach((method, i) => (console[method] = saved[i]!));
}
