// One pod's life on its node, played out on the emulator's clock the way the
// kubelet's pod worker does it: admit, sandbox, pulls, init containers in
// order, app containers, postStart hooks, probes, exits and restarts with
// back-off, graceful termination and eviction. Every visible step is a status
// write (store.update) and/or an Event, in the order a real kubelet makes them.
import type { Container, ContainerStatus, Pod, PodCondition, PodPhase, PodStatus } from '../../model/types.js';
import type { Clock } from '../clock.js';
import type { ContainerLogs } from '../logs.js';
import type { ObjectStore, StoredObject } from '../store.js';
import { fateOf, type ContainerBehavior, type ContainerLog, type InstanceFate } from './behavior.js';
import { RestartBackOff } from './backoff.js';
import type { Node, Nodes } from './cluster.js';
import { goDuration } from './goDuration.js';
import { containerId, imageId, normalizedImage, type Random } from './names.js';
import { KUBELET_CONDITIONS, kubeletConditions, podPhase } from './podStatus.js';
import type { EventRecorder, EventType } from './recorder.js';
import { Timers } from './timers.js';

export interface KubeletDeps {
  store: ObjectStore;
  clock: Clock;
  logs: ContainerLogs;
  recorder: EventRecorder;
  nodes: Nodes;
  random: Random;
}

/** Delays of the kubelet's own steps (PLEG relist is 1 s; the pod worker re-syncs a backing-off pod every 10 s). */
const ADMIT_MS = 1_000;
const SANDBOX_MS = 1_000;
const SYNC_MS = 1_000;
const BACKOFF_RESYNC_MS = 10_000;
const PULL_FAILS_AFTER_MS = 1_500;
const DEFAULT_PULL_MS = 1_200;
const DEFAULT_HOOK_MS = 500;
const DEFAULT_SIGTERM = { afterMs: 500, exitCode: 0 };
/** An evicted pod's containers are killed without grace; their end reaches the status a relist later. */
const EVICTION_KILL_MS = 2_000;

type ContainerKind = 'init' | 'sidecar' | 'app';
type RuntimePhase = 'idle' | 'starting' | 'running' | 'stopping' | 'exited';

interface ContainerRuntime {
  spec: Container;
  kind: ContainerKind;
  behavior: ContainerBehavior;
  /** The entry inside the worker's status arrays. */
  status: ContainerStatus;
  restartBackOff: RestartBackOff;
  pullBackOff: RestartBackOff;
  /** Timers of the running instance (probes, exit, log heartbeat), cancelled when it ends. */
  instance: Timers;
  phase: RuntimePhase;
  /** Instances started so far; the next one runs with restartCount = this. */
  instances: number;
  id?: string;
  startedAt?: number;
  finishedAt?: number;
  fate?: InstanceFate;
}

const BEHAVES_WELL: ContainerBehavior = {
  instances: [{}],
  log: { startup: ['starting'], heartbeat: { everyMs: 5_000, line: (n) => `tick ${n}` } },
};

export class PodWorker {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  private readonly pod: Pod;
  private readonly status: PodStatus;
  private readonly runtimes: ContainerRuntime[] = [];
  private readonly timers: Timers;
  private sandboxReady = false;
  private deleting = false;
  private deadline = 0;
  /** Set once the node is lost or the pod removed: nothing is written any more. */
  private gone = false;
  /** Eviction: the phase, reason and DisruptionTarget the kubelet writes with it. */
  private terminal?: { phase: PodPhase; reason: string; message: string; condition: PodCondition };

  constructor(
    private readonly deps: KubeletDeps,
    pod: Pod,
    behaviors: Readonly<Record<string, ContainerBehavior>>,
    readonly node: Node,
    private readonly onGone: (worker: PodWorker) => void,
  ) {
    this.pod = pod;
    this.namespace = pod.metadata.namespace ?? 'default';
    this.name = pod.metadata.name;
    this.uid = pod.metadata.uid ?? '';
    this.timers = new Timers(deps.clock);
    const hasInit = (pod.spec.initContainers?.length ?? 0) > 0;
    // Before anything ran, every container waits; with init containers they all say PodInitializing.
    const waiting = hasInit ? 'PodInitializing' : 'ContainerCreating';
    const make = (spec: Container, kind: ContainerKind): ContainerRuntime => ({
      spec,
      kind,
      behavior: behaviors[spec.name] ?? BEHAVES_WELL,
      status: {
        name: spec.name,
        image: spec.image ?? '',
        imageID: '',
        lastState: {},
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: waiting } },
      },
      restartBackOff: new RestartBackOff(),
      pullBackOff: new RestartBackOff(),
      instance: new Timers(deps.clock),
      phase: 'idle',
      instances: 0,
    });
    for (const c of pod.spec.initContainers ?? []) this.runtimes.push(make(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init'));
    for (const c of pod.spec.containers) this.runtimes.push(make(c, 'app'));
    this.status = {
      phase: 'Pending',
      ...(pod.status.qosClass !== undefined && { qosClass: pod.status.qosClass }),
      initContainerStatuses: this.runtimes.filter((r) => r.kind !== 'app').map((r) => r.status),
      containerStatuses: this.runtimes
        .filter((r) => r.kind === 'app')
        .map((r) => r.status)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    };
    if (this.status.initContainerStatuses?.length === 0) delete this.status.initContainerStatuses;
  }

  /** Called once the pod is bound to this node. */
  start(): void {
    this.timers.after(ADMIT_MS, () => {
      const now = this.deps.clock.now();
      this.status.hostIP = this.node.internalIP;
      this.status.hostIPs = [{ ip: this.node.internalIP }];
      this.status.startTime = this.deps.store.timestamp(now);
      this.write();
      this.timers.after(SANDBOX_MS, () => {
        this.sandboxReady = true;
        const ip = this.deps.nodes.allocatePodIP(this.node);
        this.status.podIP = ip;
        this.status.podIPs = [{ ip }];
        this.write();
        this.advance();
      });
    });
  }

  /** A DELETE was accepted: run preStop hooks, stop containers, write the final status, remove the pod. */
  deletionRequested(gracePeriodSeconds: number): void {
    if (this.gone) return;
    const now = this.deps.clock.now();
    const deadline = now + Math.max(0, gracePeriodSeconds) * 1000;
    if (this.deleting) {
      // A second DELETE may only shorten the grace period.
      if (deadline < this.deadline) this.deadline = deadline;
      if (gracePeriodSeconds === 0) this.remove();
      return;
    }
    this.deleting = true;
    this.deadline = deadline;
    this.timers.cancelAll();
    if (gracePeriodSeconds <= 0) {
      this.remove();
      return;
    }
    this.stopContainers((r) => `Stopping container ${r.spec.name}`);
    this.finishWhenStopped();
  }

  /** The eviction manager evicts the pod (node under memory pressure): Failed, Evicted, DisruptionTarget. */
  evict(message: string): void {
    if (this.gone || this.deleting || this.terminal) return;
    const now = this.deps.clock.now();
    this.podEvent('Warning', 'Evicted', message);
    this.terminal = {
      phase: 'Failed',
      reason: 'Evicted',
      message,
      condition: {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'TerminationByKubelet',
        message,
        lastProbeTime: null,
        lastTransitionTime: this.deps.store.timestamp(now),
      },
    };
    this.timers.cancelAll();
    // The terminal status goes out first, containers still as they were: kubectl says Evicted until
    // their termination is synced, then Error (kubernetes#105467 describes this on 1.32 clusters).
    this.write();
    this.deadline = now + EVICTION_KILL_MS;
    this.stopContainers((r) => `Stopping container ${r.spec.name}`, true);
    this.finishWhenStopped();
  }

  /** The node stopped reporting: this kubelet is cut off and writes nothing more. */
  freeze(): void {
    this.gone = true;
    this.timers.stop();
    for (const r of this.runtimes) r.instance.stop();
  }

  /** Stops every timer (the scenario was stopped). */
  stop(): void {
    this.freeze();
  }

  get podRef(): string {
    return `${this.name}_${this.namespace}(${this.uid})`;
  }

  // ---- init containers, sidecars, app containers in the kubelet's order ----

  /** Starts whatever is next: the first unfinished init container, else every app container not yet started. */
  private advance(): void {
    if (this.deleting || this.gone || this.terminal) return;
    for (const r of this.runtimes) {
      if (r.kind === 'app') continue;
      if (r.kind === 'sidecar' && r.status.started) continue;
      if (r.kind === 'init' && r.status.state?.terminated?.exitCode === 0) continue;
      if (r.phase === 'idle') this.launch(r);
      return;
    }
    for (const r of this.runtimes) if (r.kind === 'app' && r.phase === 'idle') this.launch(r);
  }

  private launch(r: ContainerRuntime): void {
    if (this.deleting || !this.alive() || this.terminal) return;
    r.phase = 'starting';
    const image = r.spec.image ?? '';
    if (!this.node.images.has(image)) {
      this.pull(r);
      return;
    }
    this.containerEvent(r, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
    this.create(r);
  }

  private pull(r: ContainerRuntime): void {
    const image = r.spec.image ?? '';
    this.containerEvent(r, 'Normal', 'Pulling', `Pulling image "${image}"`);
    const pull = r.behavior.pull ?? { ms: DEFAULT_PULL_MS };
    if ('failure' in pull) {
      this.timers.after(PULL_FAILS_AFTER_MS, () => this.pullFailed(r, pull.failure));
      return;
    }
    this.timers.after(pull.ms, () => {
      this.node.images.add(image);
      // The kubelet truncates the pull time to milliseconds and prints it as a Go duration.
      const took = `${pull.ms / 1000}s`;
      const size = pull.sizeBytes ?? 48_203_113;
      this.containerEvent(r, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`);
      this.create(r);
    });
  }

  /** ErrImagePull now; the next syncs find the pull in back-off (ImagePullBackOff) until it is retried. */
  private pullFailed(r: ContainerRuntime, failure: string): void {
    const image = r.spec.image ?? '';
    const failedAt = this.deps.clock.now();
    r.pullBackOff.next(failedAt);
    this.containerEvent(r, 'Warning', 'Failed', `Failed to pull image "${image}": ${failure}`);
    this.containerEvent(r, 'Warning', 'Failed', 'Error: ErrImagePull');
    r.status.state = { waiting: { reason: 'ErrImagePull', message: failure } };
    this.write();
    const retryAt = failedAt + r.pullBackOff.currentMs;
    const sync = () => {
      const now = this.deps.clock.now();
      if (now >= retryAt) {
        this.pull(r);
        return;
      }
      const message = `Back-off pulling image "${image}"`;
      this.containerEvent(r, 'Normal', 'BackOff', message);
      this.containerEvent(r, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      if (r.status.state?.waiting?.reason !== 'ImagePullBackOff') {
        r.status.state = { waiting: { reason: 'ImagePullBackOff', message } };
        this.write();
      }
      this.timers.after(Math.min(BACKOFF_RESYNC_MS, retryAt - now), sync);
    };
    this.timers.after(SYNC_MS, sync);
  }

  private create(r: ContainerRuntime): void {
    const { clock, logs, random } = this.deps;
    r.id = containerId(random);
    r.startedAt = clock.now();
    r.fate = fateOf(r.behavior, r.instances);
    r.instances += 1;
    this.containerEvent(r, 'Normal', 'Created', `Created container: ${r.spec.name}`);
    this.containerEvent(r, 'Normal', 'Started', `Started container ${r.spec.name}`);
    logs.startInstance(this.namespace, this.name, r.spec.name);
    for (const line of this.logOf(r).startup) this.log(r, line);
    if (r.spec.lifecycle?.postStart) {
      // The container counts as Running only once its postStart hook has returned.
      this.timers.after(r.behavior.postStartMs ?? DEFAULT_HOOK_MS, () => {
        if (r.phase !== 'starting') return;
        if (r.fate?.postStartFails) {
          this.containerEvent(r, 'Warning', 'FailedPostStartHook', 'PostStartHook failed');
          this.kill(r, 'FailedPostStartHook', clock.now() + this.graceMs());
          return;
        }
        this.running(r);
      });
      return;
    }
    this.running(r);
  }

  private running(r: ContainerRuntime): void {
    const { store } = this.deps;
    const s = r.status;
    r.phase = 'running';
    if (s.state?.terminated) s.lastState = { terminated: s.state.terminated };
    s.restartCount = r.instances - 1;
    s.state = { running: { startedAt: store.timestamp(r.startedAt) } };
    s.containerID = r.id;
    s.image = normalizedImage(r.spec.image ?? '');
    s.imageID = imageId(r.spec.image ?? '');
    s.started = true;
    // A regular init container is never ready while it runs; others are, unless a readiness probe must pass first.
    s.ready = r.kind !== 'init' && !r.spec.readinessProbe;
    this.write();
    const fate = r.fate ?? {};
    const heartbeat = this.logOf(r).heartbeat;
    if (heartbeat) {
      let n = 0;
      r.instance.every(heartbeat.everyMs, () => this.log(r, heartbeat.line(++n, this.deps.clock.now())));
    }
    if (fate.exitAfterMs !== undefined) {
      r.instance.after(fate.exitAfterMs, () => {
        for (const line of this.logOf(r).lastWords ?? []) this.log(r, line);
        const code = fate.oomKilled ? 137 : (fate.exitCode ?? 0);
        this.exited(r, code, fate.oomKilled ? 'OOMKilled' : code === 0 ? 'Completed' : 'Error');
      });
    }
    this.readinessProbe(r, fate);
    this.livenessProbe(r, fate);
    // A started sidecar lets the next init container (or the app) go.
    if (r.kind === 'sidecar') this.timers.after(SYNC_MS, () => this.advance());
  }

  private readinessProbe(r: ContainerRuntime, fate: InstanceFate): void {
    const probe = r.spec.readinessProbe;
    if (!probe) return;
    const first = (probe.initialDelaySeconds ?? 0) * 1000 || SYNC_MS;
    const flaps = fate.readinessFlaps;
    if (!flaps) {
      r.instance.after(first, () => this.setReady(r, true));
      return;
    }
    const period = (probe.periodSeconds ?? 10) * 1000;
    const threshold = probe.failureThreshold ?? 3;
    const successes = probe.successThreshold ?? 1;
    let failed = 0;
    let succeeded = 0;
    const check = () => {
      const elapsed = this.deps.clock.now() - (r.startedAt ?? 0);
      const cycle = flaps.readyMs + flaps.notReadyMs;
      // The first `first` ms count as ready time so the first probe passes.
      const healthy = elapsed % cycle < flaps.readyMs;
      if (healthy) {
        failed = 0;
        succeeded += 1;
        if (!r.status.ready && succeeded >= successes) this.setReady(r, true);
        return;
      }
      succeeded = 0;
      failed += 1;
      this.containerEvent(r, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503');
      if (r.status.ready && failed >= threshold) this.setReady(r, false);
    };
    r.instance.after(first, () => {
      check();
      r.instance.every(period, check);
    });
  }

  private livenessProbe(r: ContainerRuntime, fate: InstanceFate): void {
    const probe = r.spec.livenessProbe;
    const failsAfter = fate.livenessFailsAfterMs;
    if (!probe || failsAfter === undefined) return;
    const period = (probe.periodSeconds ?? 10) * 1000;
    const threshold = probe.failureThreshold ?? 3;
    let failed = 0;
    const check = () => {
      const elapsed = this.deps.clock.now() - (r.startedAt ?? 0);
      if (elapsed < failsAfter) {
        failed = 0;
        return true;
      }
      failed += 1;
      this.log(r, 'GET /healthz 500 (upstream connection pool exhausted)');
      this.containerEvent(r, 'Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500');
      if (failed < threshold) return true;
      const grace = (probe.terminationGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
      this.kill(r, `Container ${r.spec.name} failed liveness probe, will be restarted`, this.deps.clock.now() + grace);
      return false;
    };
    r.instance.after((probe.initialDelaySeconds ?? 0) * 1000, () => {
      if (check()) r.instance.every(period, check);
    });
  }

  private setReady(r: ContainerRuntime, ready: boolean): void {
    if (r.status.ready === ready || r.phase !== 'running') return;
    r.status.ready = ready;
    this.write();
  }

  // ---- stopping and exits ----

  /** killContainer: Killing, the preStop hook, SIGTERM, and SIGKILL when the deadline passes. */
  private kill(r: ContainerRuntime, message: string, deadline: number, withoutGrace = false): void {
    const { clock } = this.deps;
    r.phase = 'stopping';
    r.instance.cancelAll();
    this.containerEvent(r, 'Normal', 'Killing', message);
    if (withoutGrace) {
      r.instance.after(Math.max(0, deadline - clock.now()), () => this.exited(r, 137, 'Error'));
      return;
    }
    const sigkillIn = () => Math.max(0, Math.min(deadline, this.deleting ? this.deadline : deadline) - clock.now());
    const sigterm = () => {
      for (const line of this.logOf(r).onSigterm ?? []) this.log(r, line);
      const answer = r.behavior.sigterm ?? DEFAULT_SIGTERM;
      const remaining = sigkillIn();
      if (answer === 'ignored' || answer.afterMs >= remaining) {
        r.instance.after(remaining, () => this.exited(r, 137, 'Error'));
        return;
      }
      r.instance.after(answer.afterMs, () => this.exited(r, answer.exitCode, answer.exitCode === 0 ? 'Completed' : 'Error'));
    };
    const preStop = r.spec.lifecycle?.preStop ? (r.behavior.preStop ?? { ms: DEFAULT_HOOK_MS, fails: false }) : undefined;
    if (!preStop || sigkillIn() <= 0) {
      sigterm();
      return;
    }
    r.instance.after(Math.min(preStop.ms, sigkillIn()), () => {
      if (preStop.fails) this.containerEvent(r, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
      sigterm();
    });
  }

  private exited(r: ContainerRuntime, exitCode: number, reason: string): void {
    const { clock, store } = this.deps;
    r.instance.cancelAll();
    r.phase = 'exited';
    r.finishedAt = clock.now();
    const s = r.status;
    if (s.state?.terminated) s.lastState = { terminated: s.state.terminated };
    s.restartCount = r.instances - 1;
    s.state = {
      terminated: {
        exitCode,
        reason,
        startedAt: store.timestamp(r.startedAt),
        finishedAt: store.timestamp(r.finishedAt),
        ...(r.id !== undefined && { containerID: r.id }),
      },
    };
    if (r.id !== undefined) s.containerID = r.id;
    s.image = normalizedImage(r.spec.image ?? '');
    s.imageID = imageId(r.spec.image ?? '');
    s.started = false;
    // A regular init container that completed counts as ready, as the kubelet reports it.
    s.ready = r.kind === 'init' && exitCode === 0;
    if (this.deleting || this.terminal) {
      // Each container's end is written as it happens; the last one also ends the pod.
      if (this.runtimes.some((x) => x.phase === 'stopping')) this.write();
      else this.finishWhenStopped();
      return;
    }
    this.write();
    this.afterExit(r, exitCode);
  }

  /** restartPolicy decides: next init container, restart with back-off, or the pod is done. */
  private afterExit(r: ContainerRuntime, exitCode: number): void {
    const policy = this.pod.spec.restartPolicy ?? 'Always';
    if (r.kind === 'init' && exitCode === 0) {
      this.timers.after(SYNC_MS, () => this.advance());
      return;
    }
    const restart =
      r.kind === 'sidecar' || policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0) || (r.kind === 'init' && policy === 'OnFailure');
    if (restart) {
      this.restartWithBackOff(r);
      return;
    }
    const appsDone = this.runtimes.every((x) => x.kind !== 'app' || x.phase === 'exited');
    if (r.kind === 'init' || appsDone) {
      // The pod is finished: the sandbox is torn down.
      this.timers.after(SYNC_MS, () => {
        this.sandboxReady = false;
        this.write();
      });
    }
  }

  /** doBackOff: restart at once after the first crash; later wait back-off after finishedAt, showing CrashLoopBackOff. */
  private restartWithBackOff(r: ContainerRuntime): void {
    const finishedAt = r.finishedAt ?? this.deps.clock.now();
    const sync = () => {
      const now = this.deps.clock.now();
      if (!r.restartBackOff.isInBackOffSince(finishedAt, now)) {
        r.restartBackOff.next(finishedAt);
        this.launch(r);
        return;
      }
      const backoff = r.restartBackOff.currentMs;
      if (!r.status.state?.waiting) {
        r.status.lastState = r.status.state?.terminated ? { terminated: r.status.state.terminated } : (r.status.lastState ?? {});
        r.status.state = {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${goDuration(backoff)} restarting failed container=${r.spec.name} pod=${this.podRef}`,
          },
        };
        this.write();
      }
      this.containerEvent(r, 'Warning', 'BackOff', `Back-off restarting failed container ${r.spec.name} in pod ${this.podRef}`);
      this.timers.after(Math.min(BACKOFF_RESYNC_MS, finishedAt + backoff - now), sync);
    };
    this.timers.after(SYNC_MS, sync);
  }

  private stopContainers(message: (r: ContainerRuntime) => string, withoutGrace = false): void {
    for (const r of this.runtimes) {
      if (r.phase === 'running' || r.phase === 'starting') {
        if (r.phase === 'starting' && !r.id) {
          // Still pulling: nothing runs yet.
          r.phase = 'idle';
          continue;
        }
        this.kill(r, message(r), this.deadline, withoutGrace);
      }
    }
  }

  /** Once nothing runs: the final status, then (for a deletion) the object goes. */
  private finishWhenStopped(): void {
    if (this.runtimes.some((r) => r.phase === 'stopping')) return;
    this.sandboxReady = false;
    if (!this.deleting) {
      // Evicted: the pod object stays, Failed, until someone deletes it.
      this.write();
      return;
    }
    this.write(true);
    this.remove();
  }

  private remove(): void {
    const { store, logs } = this.deps;
    this.freeze();
    store.remove('pods', this.namespace, this.name);
    logs.forgetPod(this.namespace, this.name);
    this.onGone(this);
  }

  private graceMs(): number {
    return (this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  }

  // ---- writes ----

  /** One status write, as the status manager sends it: foreign conditions kept first, the kubelet's after. */
  private write(podIsTerminal = false): void {
    if (this.gone) return;
    const { store, clock } = this.deps;
    if (!this.alive()) return;
    const stored = store.get('pods', this.namespace, this.name) as StoredObject & Pod;
    const now = store.timestamp(clock.now());
    const spec = this.pod.spec;
    this.status.phase = this.terminal?.phase ?? podPhase(spec, this.status, podIsTerminal);
    const previous = stored.status.conditions ?? [];
    const foreign = previous.filter((c) => !KUBELET_CONDITIONS.includes(c.type) && c.type !== this.terminal?.condition.type);
    const extra = this.terminal ? [this.terminal.condition] : [];
    this.status.conditions = [...extra, ...foreign, ...kubeletConditions(spec, this.status, this.sandboxReady, previous, now)];
    if (this.terminal) {
      this.status.reason = this.terminal.reason;
      this.status.message = this.terminal.message;
    }
    const next = structuredClone(this.status);
    store.update<StoredObject & Pod>('pods', this.namespace, this.name, (pod) => {
      pod.status = next;
    });
  }

  private containerEvent(r: ContainerRuntime, type: EventType, reason: string, message: string): void {
    if (!this.alive()) return;
    const fieldPath = r.kind === 'app' ? `spec.containers{${r.spec.name}}` : `spec.initContainers{${r.spec.name}}`;
    this.deps.recorder.record(
      { namespace: this.namespace, name: this.name, uid: this.uid, fieldPath },
      { component: 'kubelet', host: this.node.name },
      type,
      reason,
      message,
    );
  }

  private podEvent(type: EventType, reason: string, message: string): void {
    this.deps.recorder.record({ namespace: this.namespace, name: this.name, uid: this.uid }, { component: 'kubelet', host: this.node.name }, type, reason, message);
  }

  private logOf(r: ContainerRuntime): ContainerLog {
    return r.fate?.log ?? r.behavior.log;
  }

  /**
   * False once the pod is no longer in the store as this pod (a forced DELETE
   * removes it without asking the kubelet): the worker then stops for good.
   */
  private alive(): boolean {
    if (this.gone) return false;
    if (this.deps.store.get('pods', this.namespace, this.name)?.metadata.uid === this.uid) return true;
    this.freeze();
    this.onGone(this);
    return false;
  }

  private log(r: ContainerRuntime, text: string): void {
    if (r.instances === 0 || !this.alive()) return;
    this.deps.logs.append(this.namespace, this.name, r.spec.name, { at: this.deps.clock.now(), text });
  }
}
