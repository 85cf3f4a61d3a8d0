// What the screen needs from the rest of podtui, and nothing more: a store of
// model state to read, a way to open a container's log, and the session's
// scope. src/app provides them; tests provide fakes.
import type { ClusterState } from '../model/clusterState.js';

export interface ClusterStore {
  getState(): ClusterState;
  /** Called at most once a frame after the state changed; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface LogRequest {
  namespace: string;
  pod: string;
  container: string;
  /** The previous instance (`previous=true`): the crash's last words. */
  previous: boolean;
  follow: boolean;
}

export interface LogPort {
  /**
   * Streams a container's log. `onLine` gets each sanitized line; `onEnd`
   * is called once, with the API server's reason when the log could not be
   * read. Returns a function that stops the stream.
   */
  open(request: LogRequest, onLine: (line: string) => void, onEnd: (error?: string) => void): () => void;
}

export interface SessionPort {
  /** The kubeconfig context (with " (demo)" on the embedded cluster). */
  context: string;
  /** The namespaces being watched, or 'all'. */
  namespaces(): readonly string[] | 'all';
  /** Namespaces the user may pick from (the context's own when listing them is forbidden). */
  listNamespaces(): Promise<string[]>;
  /** Watches another namespace (or all) from scratch. */
  switchNamespace(namespace: string | 'all'): void;
}

export interface AppOptions {
  /** ASCII borders and markers instead of box drawing (--ascii, non-UTF-8 locale). */
  ascii: boolean;
  /** false for NO_COLOR / --no-color. */
  color: boolean;
}

export interface AppProps {
  cluster: ClusterStore;
  logs: LogPort;
  session: SessionPort;
  /** Wall clock (ms); a parameter so tests freeze time. */
  now: () => number;
  options: AppOptions;
  /** The user asked to quit (q, Ctrl-C). */
  onQuit: () => void;
}
