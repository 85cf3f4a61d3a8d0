// One podtui session against one cluster: the watch layer feeds the model
// state through a throttled store; the screen reads the store and asks for
// logs and namespace switches through the ports it declares.
import { connectCluster, type ClusterConnection } from '../kube/cluster.js';
import type { loadClusterConfig } from '../kube/kubeconfig.js';
import { listNamespaces } from '../kube/namespaces.js';
import { fetchPodLog } from '../kube/podLogs.js';
import { applyObservation, createClusterState, type ClusterState } from '../model/clusterState.js';
import type { AppProps, LogPort } from '../ui/ports.js';
import { ThrottledStore } from './throttledStore.js';

type ClusterConfig = ReturnType<typeof loadClusterConfig>;

export interface SessionOptions {
  labelSelector?: string;
  fieldSelector?: string;
  demo: boolean;
  /**
   * The cluster's clock. Date.now for a real cluster; the emulator's clock
   * for the demo, whose time runs --speed times faster than the wall clock.
   */
  now: () => number;
}

export interface Session {
  props: Omit<AppProps, 'options' | 'onQuit'>;
  start(): void;
  stop(): void;
}

/**
 * About 1.1 KB of heap per timeline entry (pod versions included): 50,000
 * entries are about 55 MB, which leaves a 10,000-pod cluster room inside its
 * 250 MB budget beside the client library, Ink and React (about 180 MB).
 */
const HISTORY_LIMITS = { perPod: 1_000, total: 50_000 } as const;
const CLUSTER_FRAME_MS = 200;

export function createSession(initial: ClusterConfig, options: SessionOptions): Session {
  let config = initial;
  // The cluster redraws the screen at most 5 times a second: enough to watch
  // a pod change, and it leaves Ink's frames (SCREEN_RENDER_OPTIONS) free to
  // answer keys at once during a storm of updates.
  const store = new ThrottledStore<ClusterState>(createClusterState(HISTORY_LIMITS), applyObservation, CLUSTER_FRAME_MS);
  let connection: ClusterConnection | undefined;

  const connect = () => {
    connection = connectCluster(config, {
      ...(options.labelSelector !== undefined && { labelSelector: options.labelSelector }),
      ...(options.fieldSelector !== undefined && { fieldSelector: options.fieldSelector }),
      now: options.now,
    });
    connection.start((observation) => store.apply(observation));
  };

  const logs: LogPort = {
    open(request, onLine, onEnd) {
      const abort = new AbortController();
      fetchPodLog(config, { ...request, tailLines: 5_000, signal: abort.signal }, onLine).then(
        () => onEnd(),
        (error: Error) => {
          if (!abort.signal.aborted) onEnd(error.message);
        },
      );
      return () => abort.abort();
    },
  };

  return {
    props: {
      cluster: store,
      logs,
      session: {
        context: options.demo ? `${config.contextName} (demo)` : config.contextName,
        namespaces: () => (config.allNamespaces ? 'all' : [config.namespace]),
        listNamespaces: () => listNamespaces(config),
        switchNamespace(namespace) {
          connection?.stop();
          config = namespace === 'all' ? { ...config, allNamespaces: true } : { ...config, namespace, allNamespaces: false };
          store.reset(createClusterState(HISTORY_LIMITS));
          connect();
        },
      },
      now: options.now,
    },
    start: connect,
    stop() {
      connection?.stop();
      store.close();
    },
  };
}
