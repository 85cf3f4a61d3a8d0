// Starts the emulator the way `podtui sim` and `podtui --demo` both need it:
// a clock, the scenarios, the load, an API server on 127.0.0.1 and a
// kubeconfig that points at it. The UI then connects over HTTP like to any cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RealClock } from '../sim/clock.js';
import { createEmulator, type Emulator } from '../sim/emulator.js';
import type { FaultKind } from '../sim/faults.js';
import { writeKubeconfig } from '../sim/kubeconfig.js';
import { startLoad } from '../sim/load.js';
import { UserError } from '../kube/errors.js';
import { SCENARIOS, startDemo, startScenarios } from '../sim/scenarios/index.js';
import { startApiServer } from '../sim/server/index.js';

export interface EmulatedClusterOptions {
  port?: number;
  speed?: number;
  /** Empty: the whole demo (every scenario in `demo`, background in a second namespace). */
  scenarios?: string[];
  faults?: FaultKind[];
  load?: { pods: number; namespaces: number; churn: number; eventRate: number };
  /** Where to write the kubeconfig; a private temp file when absent. */
  kubeconfigPath?: string;
}

export interface EmulatedCluster {
  emulator: Emulator;
  url: string;
  kubeconfigPath: string;
  close(): Promise<void>;
}

export async function startEmulatedCluster(options: EmulatedClusterOptions = {}): Promise<EmulatedCluster> {
  const unknown = options.scenarios?.find((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown !== undefined) {
    throw new UserError(`unknown scenario "${unknown}" (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  }
  const emulator = createEmulator(new RealClock(options.speed ?? 1));
  const scenarios = options.scenarios?.length
    ? startScenarios(emulator, { names: options.scenarios, namespace: 'demo' })
    : startDemo(emulator);
  const load = options.load && (options.load.pods > 0 || options.load.churn > 0 || options.load.eventRate > 0)
    ? startLoad(emulator, options.load)
    : undefined;
  const server = await startApiServer(emulator, { port: options.port ?? 0 });
  if (options.faults?.length) server.faults.enable(options.faults);

  const tempDir = options.kubeconfigPath ? undefined : mkdtempSync(join(tmpdir(), 'podtui-sim-'));
  const kubeconfigPath = options.kubeconfigPath ?? join(tempDir!, 'kubeconfig');
  writeKubeconfig(server.url, kubeconfigPath, { namespace: 'demo' });

  return {
    emulator,
    url: server.url,
    kubeconfigPath,
    async close() {
      load?.stop();
      scenarios.stop();
      await server.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
