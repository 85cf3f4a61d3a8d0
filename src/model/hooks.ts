// Which container instance a kill ended. The kubelet reports a failed
// postStart hook (FailedPostStartHook), a failed preStop hook
// (FailedPreStopHook) and every kill it orders (Killing: "failed liveness
// probe, will be restarted", "failed startup probe", "Stopping container")
// as Events on the container; none of them says which instance. podtui knows
// when each instance ran, so it can: the one running at the kill's time.
import type { ContainerInstance, EventEntry } from './views.js';

export type HookKind = 'postStart' | 'preStop';

const HOOK_FAILURES: Readonly<Record<string, HookKind>> = {
  FailedPostStartHook: 'postStart',
  FailedPreStopHook: 'preStop',
};

/** The hook an Event reports the failure of, if it is a hook failure. */
export function failedHook(event: EventEntry): HookKind | undefined {
  return HOOK_FAILURES[event.reason];
}

/** Events that end an instance: hook failures (the cause) and Killing (the act). */
export function isKill(event: EventEntry): boolean {
  return event.reason === 'Killing' || failedHook(event) !== undefined;
}

// Events carry whole seconds; an instance's times are whole seconds too.
const SLACK_MS = 1_000;

/**
 * The instance that was running at `at`: the latest to start by then among
 * those whose run contains it; failing that, allow a second either side
 * (whole-second times can put a kill a hair outside the run it ended).
 */
function instanceAt(instances: readonly ContainerInstance[], at: number): ContainerInstance | undefined {
  return latestStarted(instances, at, 0) ?? latestStarted(instances, at, SLACK_MS);
}

function latestStarted(instances: readonly ContainerInstance[], at: number, slack: number): ContainerInstance | undefined {
  let best: ContainerInstance | undefined;
  for (const instance of instances) {
    const started = instance.startedAt ?? -Infinity;
    const finished = instance.finishedAt ?? Infinity;
    if (started > at + slack || at > finished + slack) continue;
    if (!best || started > (best.startedAt ?? -Infinity)) best = instance;
  }
  return best;
}

/**
 * Attaches each kill to the instance it ended, as `killedBy` (a new instance
 * object; the input is not modified). A hook failure wins over the Killing it
 * caused. Every time podtui saw an aggregated Event counts, so `Killing` x3
 * marks three instances.
 */
export function attributeKills(instances: readonly ContainerInstance[], events: readonly EventEntry[]): ContainerInstance[] {
  const killedBy = new Map<ContainerInstance, EventEntry>();
  const kills = events.filter(isKill).sort((a, b) => Number(failedHook(a) !== undefined) - Number(failedHook(b) !== undefined));
  for (const event of kills) {
    const ofContainer = instances.filter((i) => i.container === event.container);
    const times = new Set([event.firstAt, ...(event.occurrences ?? [event.lastAt])]);
    for (const at of times) {
      const instance = instanceAt(ofContainer, at);
      if (instance) killedBy.set(instance, event);
    }
  }
  return instances.map((instance) => {
    const event = killedBy.get(instance);
    return event ? { ...instance, killedBy: event } : instance;
  });
}
