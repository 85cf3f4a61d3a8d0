// What a scenario is: a name, a line for --help and the README, and a small
// function that starts its controllers and pods in a context it is given.
import type { Emulator } from '../emulator.js';
import type { ContainerBehavior } from '../kubelet/behavior.js';
import type { Kubelet } from '../kubelet/kubelet.js';
import type { Random } from '../kubelet/names.js';
import type { Timers } from '../kubelet/timers.js';
import type { Container, PodSpec } from '../../model/types.js';

export interface ScenarioContext {
  emulator: Emulator;
  kubelet: Kubelet;
  namespace: string;
  random: Random;
  /** Timers of this run: all cancelled by Running.stop(). */
  timers: Timers;
  /** Runs `fn` when the scenarios are stopped (unsubscribes, controllers). */
  onStop(fn: () => void): void;
}

export interface ScenarioDefinition {
  name: string;
  /** One line: what a user sees this pod do. */
  description: string;
  start(context: ScenarioContext): void;
}

/** One pod's spec and what its containers do. */
export interface PodPlan {
  spec: Omit<PodSpec, 'containers'> & { containers: Container[] } & Record<string, unknown>;
  behaviors: Record<string, ContainerBehavior>;
  /** Pin to a node (node-lost keeps its own). */
  node?: string;
  labels?: Record<string, string>;
}

export interface Running {
  stop(): void;
}
