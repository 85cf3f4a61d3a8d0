// A single pod run by the emulator's kubelet with container behaviours a test
// chooses, on a VirtualClock: for rules that no catalogue scenario shows on
// its own (a run of exactly 9 or 11 minutes, a grace period cut short).
import type { Pod } from '../../../src/model/types.js';
import { VirtualClock } from '../../../src/sim/clock.js';
import { createEmulator, type Emulator } from '../../../src/sim/emulator.js';
import type { ContainerBehavior } from '../../../src/sim/kubelet/behavior.js';
import { Nodes } from '../../../src/sim/kubelet/cluster.js';
import { Kubelet } from '../../../src/sim/kubelet/kubelet.js';
import { EventRecorder } from '../../../src/sim/kubelet/recorder.js';
import { Timers } from '../../../src/sim/kubelet/timers.js';
import { podObject } from '../../../src/sim/scenarios/podObject.js';
import { seededRandom } from '../../../src/sim/scenarios/random.js';
import type { PodPlan, ScenarioContext } from '../../../src/sim/scenarios/types.js';

export interface Harness {
  clock: VirtualClock;
  emulator: Emulator;
  kubelet: Kubelet;
  context: ScenarioContext;
  /** Creates and runs a pod named `name` from `plan`. */
  run(name: string, plan: PodPlan): void;
  pod(name: string): Pod | undefined;
  stop(): void;
}

export function harness(seed = 3): Harness {
  const clock = new VirtualClock();
  const emulator = createEmulator(clock);
  const random = seededRandom(seed);
  const recorder = new EventRecorder(emulator.store, clock);
  const kubelet = new Kubelet({ store: emulator.store, clock, logs: emulator.logs, recorder, nodes: new Nodes(3), random }, emulator.terminator);
  emulator.terminator = kubelet;
  const timers = new Timers(clock);
  const context: ScenarioContext = { emulator, kubelet, namespace: 'demo', random, timers, onStop: () => {} };
  return {
    clock,
    emulator,
    kubelet,
    context,
    run: (name, plan) => kubelet.run(podObject(context, { name, labels: { app: name }, plan }), plan.behaviors),
    pod: (name) => emulator.store.get('pods', 'demo', name) as unknown as Pod | undefined,
    stop: () => {
      kubelet.stop();
      recorder.stop();
      timers.stop();
    },
  };
}

/** A one-container pod whose container behaves as told. */
export function onePod(behavior: Omit<ContainerBehavior, 'log'> & Partial<Pick<ContainerBehavior, 'log'>>, extra: Partial<PodPlan['spec']> = {}): PodPlan {
  return {
    spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0' }], ...extra },
    behaviors: { app: { log: { startup: ['app 1.0.0 starting'] }, ...behavior } },
  };
}
