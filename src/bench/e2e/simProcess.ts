// `podtui sim` as its own process, so the emulator's CPU and memory are never
// counted as the client's. It prints `kubeconfig: PATH` once it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PODTUI_BIN, PROJECT_ROOT } from '../paths.js';

export interface SimLoad {
  pods: number;
  namespaces: number;
  /** Pod updates per second. */
  churn: number;
  /** Events per second. */
  eventRate: number;
}

export interface SimProcess {
  kubeconfig: string;
  pid: number;
  /** How many pods the API server holds now: the load's and the demo scenarios'. */
  countPods(): Promise<number>;
  stop(): Promise<void>;
}

/** The API server's URL in a kubeconfig podtui sim wrote (one cluster). */
export function serverUrl(kubeconfigText: string): string {
  const match = /^\s*server:\s*"?([^"\s]+)"?\s*$/m.exec(kubeconfigText);
  if (!match) throw new Error('no server in the kubeconfig');
  return match[1]!;
}

/** One LIST of a single pod: its remainingItemCount tells the total without moving 30,000 pods. */
export async function countPods(server: string): Promise<number> {
  const response = await fetch(`${server}/api/v1/pods?limit=1`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`counting pods: HTTP ${response.status}`);
  const list = (await response.json()) as { items?: unknown[]; metadata?: { remainingItemCount?: number; continue?: string } };
  const listed = list.items?.length ?? 0;
  if (list.metadata?.continue && list.metadata.remainingItemCount === undefined) throw new Error('counting pods: no remainingItemCount');
  return listed + (list.metadata?.remainingItemCount ?? 0);
}

/** The `sim` argument list for a load; exported so the test can check it against the CLI. */
export function simArguments(load: SimLoad, kubeconfig: string): string[] {
  return [
    'sim',
    '--kubeconfig-out', kubeconfig,
    '--pods', String(load.pods),
    '--namespaces', String(load.namespaces),
    '--churn', String(load.churn),
    '--event-rate', String(load.eventRate),
  ];
}

/** Finds the kubeconfig path in the sim's stdout. */
export function kubeconfigLine(output: string): string | undefined {
  return /^kubeconfig: (\S+)\s*$/m.exec(output)?.[1];
}

export async function startSim(load: SimLoad, options: { timeoutMs?: number; command?: readonly string[] } = {}): Promise<SimProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'podtui-bench-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const [file, ...args] = options.command ?? [process.execPath, PODTUI_BIN];
  const child = spawn(file!, [...args, ...simArguments(load, kubeconfig)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const path = await waitForKubeconfig(child, options.timeoutMs ?? 120_000);
    return { kubeconfig: path, pid: child.pid!, countPods: () => countPods(serverUrl(readFileSync(path, 'utf8'))), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForKubeconfig(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`podtui sim printed no kubeconfig line in ${timeoutMs} ms:\n${stdout}${stderr}`)), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const path = kubeconfigLine(stdout);
      if (path) {
        clearTimeout(timer);
        resolve(path);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`podtui sim exited (${code ?? signal}) before it listened:\n${stdout}${stderr}`));
    });
  });
}

/** SIGTERM, then SIGKILL if it has not gone after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
