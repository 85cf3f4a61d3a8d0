// What src/kube hands the model: plain records, one per thing it saw, in the
// order it saw them. `observedAt` is the client's clock (ms since epoch) at
// the moment the record was read off the wire; the model never reads a clock.
import type { KubeEvent, Pod } from './types.js';

export type ConnectionPhase =
  | 'connecting'
  | 'live'
  | 'reconnecting'
  | 'unauthorized'
  | 'forbidden'
  | 'error';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Which stream this is about, e.g. "pods" or "events". */
  stream: string;
  /** Human text: the error, or the verb and resource that was forbidden. */
  detail?: string;
  /** When this phase began (ms). */
  since: number;
  /** For reconnecting: when the next attempt is due (ms). */
  nextAttemptAt?: number;
}

export type Observation =
  | { kind: 'PodObserved'; pod: Pod; observedAt: number }
  | { kind: 'PodDeleted'; pod: Pod; observedAt: number }
  | { kind: 'EventObserved'; event: KubeEvent; observedAt: number }
  | { kind: 'EventDeleted'; event: KubeEvent; observedAt: number }
  | { kind: 'ConnectionChanged'; connection: ConnectionState; observedAt: number }
  /** Marks the end of an initial list or relist: everything known was delivered. */
  | { kind: 'Synced'; stream: string; observedAt: number };
