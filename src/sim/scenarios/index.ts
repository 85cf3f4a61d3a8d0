// The scenario catalogue and how to start it: one emulated cluster (nodes,
// scheduler, kubelet, event recorder) per start, installed as the emulator's
// PodTerminator so a DELETE through the API reaches the pods' kubelet.
import type { Emulator } from '../emulator.js';
import type { StoredObject } from '../store.js';
import { Nodes } from '../kubelet/cluster.js';
import { Kubelet } from '../kubelet/kubelet.js';
import type { Random } from '../kubelet/names.js';
import { EventRecorder } from '../kubelet/recorder.js';
import { Timers } from '../kubelet/timers.js';
import { churn } from './churn.js';
import { serviceLog, server, httpProbe } from './containers.js';
import { evicted, jobFailure, jobSuccess, LOST_NODE, nodeLost, preStopHook } from './endings.js';
import { startReplicaSet } from './replicaSet.js';
import { crashloop, liveness, oomkilled, postStartHook } from './restarts.js';
import { imagepull, initCrash, initSlow, sidecar, unschedulable } from './startup.js';
import type { Running, ScenarioContext, ScenarioDefinition } from './types.js';
import { healthy, readiness, startWebDeployment } from './workloads.js';

export type { Running, ScenarioDefinition } from './types.js';

export const SCENARIOS: readonly ScenarioDefinition[] = [
  healthy,
  crashloop,
  liveness,
  readiness,
  postStartHook,
  preStopHook,
  oomkilled,
  imagepull,
  initCrash,
  initSlow,
  sidecar,
  unschedulable,
  jobSuccess,
  jobFailure,
  evicted,
  nodeLost,
  churn,
];

export const DEMO_NAMESPACE = 'demo';
export const BACKGROUND_NAMESPACE = 'shop';

function ensureNamespace(emulator: Emulator, name: string): void {
  if (emulator.store.get('namespaces', undefined, name)) return;
  emulator.store.create('namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  } as StoredObject);
}

interface Cluster {
  context(namespace: string): ScenarioContext;
  running: Running;
}

function openCluster(emulator: Emulator, random: Random, withLostNode: boolean): Cluster {
  const recorder = new EventRecorder(emulator.store, emulator.clock);
  const nodes = new Nodes(3, withLostNode ? [LOST_NODE] : []);
  const previous = emulator.terminator;
  const kubelet = new Kubelet({ store: emulator.store, clock: emulator.clock, logs: emulator.logs, recorder, nodes, random }, previous);
  emulator.terminator = kubelet;
  kubelet.adoptNewPods();
  const timers = new Timers(emulator.clock);
  const stops: (() => void)[] = [];
  return {
    context: (namespace) => ({ emulator, kubelet, namespace, random, timers, onStop: (fn) => stops.push(fn) }),
    running: {
      stop() {
        timers.stop();
        for (const stop of stops.splice(0)) stop();
        kubelet.stop();
        recorder.stop();
        if (emulator.terminator === kubelet) emulator.terminator = previous;
      },
    },
  };
}

function lookup(names: readonly string[]): ScenarioDefinition[] {
  return names.map((name) => {
    const found = SCENARIOS.find((s) => s.name === name);
    if (!found) throw new Error(`unknown scenario "${name}" (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
    return found;
  });
}

/** Starts the named scenarios in one namespace (created if missing). */
export function startScenarios(emulator: Emulator, options: { names: string[]; namespace: string; random?: () => number }): Running {
  const scenarios = lookup(options.names);
  const cluster = openCluster(emulator, options.random ?? Math.random, scenarios.includes(nodeLost));
  ensureNamespace(emulator, options.namespace);
  const context = cluster.context(options.namespace);
  for (const scenario of scenarios) scenario.start(context);
  return cluster.running;
}

/** Every scenario in `demo`, and a calm shop (two Deployments) in `shop`. */
export function startDemo(emulator: Emulator, options: { random?: () => number } = {}): Running {
  const cluster = openCluster(emulator, options.random ?? Math.random, true);
  for (const ns of ['default', 'kube-system', DEMO_NAMESPACE, BACKGROUND_NAMESPACE]) ensureNamespace(emulator, ns);
  const demo = cluster.context(DEMO_NAMESPACE);
  for (const scenario of SCENARIOS) scenario.start(demo);
  const shop = cluster.context(BACKGROUND_NAMESPACE);
  startWebDeployment(shop, 'web', 2);
  startReplicaSet(shop, {
    deployment: 'cart',
    replicas: 2,
    template: () => ({
      spec: { containers: [server('cart', 'ghcr.io/acme/cart-api:3.7.5', 8080, { readinessProbe: httpProbe('/ready', 8080, { initialDelaySeconds: 3 }) })] },
      behaviors: { cart: { pull: { ms: 2_100, sizeBytes: 63_118_902 }, instances: [{}], log: serviceLog('cart-api', '3.7.5', '/api/v1/cart') } },
    }),
  });
  return cluster.running;
}
