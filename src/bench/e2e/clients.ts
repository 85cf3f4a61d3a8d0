// The two programs under test, started the way a user starts them, each in
// its own 120x40 pseudo-terminal: podtui's UI on all namespaces, and the
// baseline a user would otherwise run, `kubectl get pods -A -w`.
import { PODTUI_BIN, PROJECT_ROOT } from '../paths.js';
import { PtyScreen } from '../terminal/ptyScreen.js';

export type ClientName = 'podtui' | 'kubectl';

export interface ClientRun {
  name: ClientName;
  screen: PtyScreen;
  /** performance.now() just before the process was started. */
  startedAt: number;
  /** Resolves with the arrival time of the output that completed the list of `pods` pods. */
  listShown(pods: number, timeoutMs: number, slack?: number): Promise<number>;
}

/**
 * Ink writes no frames at all when `CI` is set (is-in-ci is read at import),
 * so the child must not inherit it; everything else is the user's environment.
 */
export function interactiveEnvironment(base: NodeJS.ProcessEnv = process.env, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { CI: _ci, CONTINUOUS_INTEGRATION: _cont, ...rest } = base;
  return { ...rest, TERM: 'xterm-256color', COLORTERM: 'truecolor', LANG: rest.LANG ?? 'C.UTF-8', ...extra };
}

/**
 * The pod count podtui's status bar (the screen's last lines) draws:
 * "10000 pods", "10,000 pods", or the total of "25 of 10000 pods".
 */
export function podCountOnScreen(lines: readonly string[]): number | undefined {
  for (const line of lines.slice(-4).reverse()) {
    const match = /(?<![\d.])(\d{1,3}(?:[, \u00a0]\d{3})+|\d+)\s+pods\b/.exec(line);
    if (match) return Number(match[1]!.replace(/[, \u00a0]/g, ''));
  }
  return undefined;
}

/**
 * podtui shows every pod once its status bar counts `pods` of them, give or
 * take `slack` while pods come and go (the demo's scenarios, the storm).
 */
export function podtuiShowsAllPods(lines: readonly string[], pods: number, slack = 0): boolean {
  const count = podCountOnScreen(lines);
  return count !== undefined && Math.abs(count - pods) <= slack;
}

export function startPodtui(kubeconfig: string, env: NodeJS.ProcessEnv = {}): ClientRun {
  const startedAt = performance.now();
  const screen = new PtyScreen(process.execPath, [PODTUI_BIN, '--kubeconfig', kubeconfig, '-A'], {
    cwd: PROJECT_ROOT,
    env: interactiveEnvironment(process.env, env),
  });
  return {
    name: 'podtui',
    screen,
    startedAt,
    listShown: (pods, timeoutMs, slack = 0) =>
      screen.waitFor((s) => podtuiShowsAllPods(s.lines(), pods, slack), timeoutMs, `podtui to count ${pods} pods`),
  };
}

export function startKubectl(kubeconfig: string): ClientRun {
  const startedAt = performance.now();
  const screen = new PtyScreen('kubectl', ['--kubeconfig', kubeconfig, 'get', 'pods', '-A', '-w'], {
    cwd: PROJECT_ROOT,
    env: interactiveEnvironment(),
  });
  return {
    name: 'kubectl',
    screen,
    startedAt,
    // The header line, then one line per pod: the N-th pod is on screen with the (N+1)-th line feed.
    listShown: (pods, timeoutMs, slack = 0) => screen.waitFor((s) => s.linesWritten >= pods - slack + 1, timeoutMs, `kubectl to print ${pods} pods`),
  };
}
