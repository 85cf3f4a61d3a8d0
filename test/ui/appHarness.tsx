// The App on a fake terminal, fed by a real model state: observations go
// through createClusterState/applyObservation exactly as src/app does, and the
// store notifies at once (the throttling is src/app's and tested there).
import { applyObservation, createClusterState, type ClusterState } from '../../src/model/clusterState.js';
import type { Observation } from '../../src/model/observations.js';
import { App } from '../../src/ui/App.js';
import type { AppOptions, ClusterStore, LogPort, LogRequest, SessionPort } from '../../src/ui/ports.js';
import { renderAt, settle, type Rendered } from './renderAt.js';

export class FakeStore implements ClusterStore {
  private state: ClusterState = createClusterState();
  private readonly listeners = new Set<() => void>();
  getState = (): ClusterState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  apply(observations: readonly Observation[]): void {
    for (const observation of observations) this.state = applyObservation(this.state, observation);
    for (const listener of this.listeners) listener();
  }
}

export class FakeSession implements SessionPort {
  context = 'podtui-demo (demo)';
  switched: (string | 'all')[] = [];
  constructor(
    private watched: readonly string[] | 'all' = ['demo'],
    private readonly listable: string[] = ['background', 'demo', 'kube-system'],
  ) {}
  namespaces = (): readonly string[] | 'all' => this.watched;
  listNamespaces = (): Promise<string[]> => Promise.resolve(this.listable);
  switchNamespace = (namespace: string | 'all'): void => {
    this.switched.push(namespace);
    this.watched = namespace === 'all' ? 'all' : [namespace];
  };
}

/** Answers every log request with lines naming the request, and records it. */
export class FakeLogs implements LogPort {
  requests: LogRequest[] = [];
  open(request: LogRequest, onLine: (line: string) => void): () => void {
    this.requests.push(request);
    const which = request.previous ? 'previous' : 'current';
    setTimeout(() => {
      onLine(`${request.container} (${which}) starting`);
      onLine(`${request.container} (${which}) panic: connection refused`);
    }, 1);
    return () => {};
  }
}

export interface AppScreen extends Rendered {
  store: FakeStore;
  session: FakeSession;
  logs: FakeLogs;
  quits: number;
  /** The last frame without colour codes. */
  text(): string;
}

export async function renderApp(
  observations: readonly Observation[],
  { columns, rows, now, session = new FakeSession(), options = { ascii: false, color: true } }: { columns: number; rows: number; now: () => number; session?: FakeSession; options?: AppOptions },
): Promise<AppScreen> {
  const store = new FakeStore();
  store.apply(observations);
  const logs = new FakeLogs();
  const screen = {} as AppScreen;
  const rendered = renderAt(
    <App cluster={store} logs={logs} session={session} now={now} options={options} onQuit={() => (screen.quits += 1)} />,
    columns,
    rows,
  );
  Object.assign(screen, rendered, {
    store,
    session,
    logs,
    quits: 0,
    // eslint-disable-next-line no-control-regex
    text: () => rendered.lastFrame().replace(/\x1b\[[0-9;]*m/g, ''),
  });
  await settle(30);
  return screen;
}
