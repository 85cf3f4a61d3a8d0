// `podtui sim`: the emulator alone, until Ctrl-C or SIGTERM, for kubectl,
// other tools, benchmarks, or a second podtui.
import type { SimConfig } from '../cli.js';
import { startEmulatedCluster } from './emulatedCluster.js';

export async function runSim(config: SimConfig): Promise<number> {
  const cluster = await startEmulatedCluster({
    port: config.port,
    speed: config.speed,
    scenarios: config.scenarios,
    faults: config.faults,
    load: { pods: config.pods, namespaces: config.namespaces, churn: config.churn, eventRate: config.eventRate },
    ...(config.kubeconfigOut !== undefined && { kubeconfigPath: config.kubeconfigOut }),
  });
  process.stdout.write(`podtui sim: API server on ${cluster.url}\n`);
  process.stdout.write(`kubeconfig: ${cluster.kubeconfigPath}\n`);
  process.stdout.write(`try: kubectl --kubeconfig ${cluster.kubeconfigPath} get pods -A -w\n`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(s, () => resolve(s));
  });
  await cluster.close();
  process.stdout.write(`podtui sim: stopped (${signal})\n`);
  return 0;
}
