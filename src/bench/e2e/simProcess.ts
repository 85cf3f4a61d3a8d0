// `podtui sim` as its own process, so the emulator's CPU and memory are never
// counted as the client's. It prints `kubeconfig: PATH` once it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
  stop(): Promise<void>;
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
    return { kubeconfig: path, pid: child.pid!, stop };
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
