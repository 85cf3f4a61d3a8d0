// One pod's life on its node, played out on the emulator's clock the way the
// kubelet's pod worker does it: admit, sandbox, pulls, init containers in
// order, app containers, postStart hooks, probes, exits and restarts with
// back-off, graceful termination and eviction. Every visible step is a status
// write (store.update) and/or an Event, in the order a real kubelet makes them.
import type { Pod, PodCondition, PodPhase, PodStatus } from '../../model/types.js';
import type { Clock } from '../clock.js';
import type { ContainerLogs } from '../logs.js';
import type { ObjectStore, StoredObject } from '../store.js';
import { fateOf, type ContainerBehavior, type ContainerLog } from './behavior.js';
import { containerRuntimes, fieldPathOf, type ContainerRuntime } from './containerRuntime.js';
import type { Node, Nodes } from './cluster.js';
import { goDuration } from './goDuration.js';
import { containerId, imageId, normalizedImage, type Random } from './names.js';
import { ensureImage } from './imagePull.js';
import { KUBELET_CONDITIONS, kubeletConditions, podPhase } from './podStatus.js';
import { qosClassOf } from './qos.js';
import { probeLiveness, probeReadiness, type ProbedInstance } from './probes.js';
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
const DEFAULT_HOOK_MS = 500;
const DEFAULT_SIGTERM = { afterMs: 500, exitCode: 0 };
/** An evicted pod's containers are killed without grace; their end reaches the status a relist later. */
const EVICTION_KILL_MS = 2_000;

export class PodWorker {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  private readonly pod: Pod;
  private readonly status: PodStatus;
  private readonly runtimes: ContainerRuntime[];
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
    this.runtimes = containerRuntimes(pod.spec.initContainers ?? [], pod.spec.containers, behaviors, deps.clock);
    this.status = {
      phase: 'Pending',
      // The API server sets it on create; a pod POSTed to the emulator may lack it.
      qosClass: pod.status.qosClass ?? qosClassOf([...(pod.spec.initContainers ?? []), ...pod.spec.containers]),
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
    ensureImage({
      image: r.spec.image ?? '',
      pull: r.behavior.pull,
      node: this.node,
      backOff: r.pullBackOff,
      timers: this.timers,
      now: () => this.deps.clock.now(),
      event: (type, reason, message) => this.containerEvent(r, type, reason, message),
      waiting: (reason, message) => {
        if (r.status.state?.waiting?.reason === reason) return;
        r.status.state = { waiting: { reason, message } };
        this.write();
      },
      ready: () => this.create(r),
    });
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
    const probed: ProbedInstance = {
      spec: r.spec,
      startedAt: r.startedAt ?? this.deps.clock.now(),
      timers: r.instance,
      now: () => this.deps.clock.now(),
      isReady: () => r.status.ready,
      setReady: (ready) => this.setReady(r, ready),
      event: (type, reason, message) => this.containerEvent(r, type, reason, message),
      log: (text) => this.log(r, text),
      kill: (message, graceMs) => this.kill(r, message, this.deps.clock.now() + graceMs),
    };
    probeReadiness(probed, fate);
    probeLiveness(probed, fate, this.pod.spec.terminationGracePeriodSeconds ?? 30);
    // A started sidecar lets the next init container (or the app) go.
    if (r.kind === 'sidecar') this.timers.after(SYNC_MS, () => this.advance());
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
    const fieldPath = fieldPathOf(r);
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
