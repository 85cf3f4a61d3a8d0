// What a container "does" inside the emulator: the program's fate per
// instance, how it answers probes, hooks and SIGTERM, and what it prints.
// Scenarios describe containers with these; the pod worker plays them out.

/** One run of a container (instance i = the run with restartCount i). */
export interface InstanceFate {
  /** Exits this long after it started; absent: runs until killed. */
  exitAfterMs?: number;
  /** Exit code (default 0); OOMKilled marks a kill by the kernel's OOM killer (exit 137). */
  exitCode?: number;
  oomKilled?: boolean;
  /** Its liveness endpoint starts answering 500 this long after start. */
  livenessFailsAfterMs?: number;
  /** Readiness alternates: ready for `readyMs`, then not ready for `notReadyMs`, and so on. */
  readinessFlaps?: { readyMs: number; notReadyMs: number };
  /** The postStart hook fails for this instance. */
  postStartFails?: boolean;
  /** Lines this instance prints; defaults to the container's. */
  log?: ContainerLog;
}

export interface ContainerLog {
  /** Printed at start, one a few ms apart. */
  startup: readonly string[];
  /** A long-running instance prints `line(n, at)` every `everyMs` (n from 1, `at` the emulated time in ms). */
  heartbeat?: { everyMs: number; line: (n: number, at: number) => string };
  /** Printed just before it exits on its own (the stack trace, "exiting with code 1"). */
  lastWords?: readonly string[];
  /** Printed when SIGTERM arrives. */
  onSigterm?: readonly string[];
}

export interface ContainerBehavior {
  /** How the first pull goes: took `ms`, or fails with the registry's answer. Later starts find the image present. */
  pull?: { ms: number; sizeBytes?: number } | { failure: string };
  /** Fates by restartCount; the last one repeats for every later instance. */
  instances: readonly InstanceFate[];
  /** What SIGTERM does: exit after `afterMs` with `exitCode` (143 or 0), or nothing (SIGKILL at the grace period's end). */
  sigterm?: { afterMs: number; exitCode: number } | 'ignored';
  /** The preStop hook runs this long and fails (FailedPreStopHook) or succeeds. */
  preStop?: { ms: number; fails: boolean };
  /** How long the postStart hook runs. */
  postStartMs?: number;
  log: ContainerLog;
}

export function fateOf(behavior: ContainerBehavior, restartCount: number): InstanceFate {
  const list = behavior.instances;
  return list[Math.min(restartCount, list.length - 1)] ?? {};
}
