// Records what a ClusterConnection emits and lets a test wait for a condition
// on it, so tests assert on the observation stream the model would see.
import type { ConnectionState, Observation } from '../../src/model/observations.js';

export class Observer {
  readonly observations: Observation[] = [];
  readonly handle = (o: Observation): void => {
    this.observations.push(o);
  };

  /** Pods as the model would hold them: key → resourceVersion after applying every observation. */
  pods(): Map<string, string> {
    const pods = new Map<string, string>();
    for (const o of this.observations) {
      if (o.kind === 'PodObserved') pods.set(`${o.pod.metadata.namespace}/${o.pod.metadata.name}`, o.pod.metadata.resourceVersion ?? '');
      if (o.kind === 'PodDeleted') pods.delete(`${o.pod.metadata.namespace}/${o.pod.metadata.name}`);
    }
    return pods;
  }

  of<K extends Observation['kind']>(kind: K): Extract<Observation, { kind: K }>[] {
    return this.observations.filter((o): o is Extract<Observation, { kind: K }> => o.kind === kind);
  }

  states(stream: string): ConnectionState[] {
    return this.of('ConnectionChanged')
      .map((o) => o.connection)
      .filter((c) => c.stream === stream);
  }

  lastState(stream: string): ConnectionState | undefined {
    return this.states(stream).at(-1);
  }

  /** Observations from index `from` on: what happened after a mark. */
  since(from: number): Observation[] {
    return this.observations.slice(from);
  }

  async waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
