// Probe history: the kubelet reports each failed probe as an `Unhealthy`
// Event on the container ("Liveness probe failed: HTTP probe failed with
// statuscode: 500"), aggregated per message. Grouped per container and probe
// kind, and lined up with the container's ready flips, they answer "why does
// this pod keep going unready?".
import { unhealthyProbe } from './containerDetails.js';
import type { EventEntry, ProbeFailures, ProbeKind, PodView, Transition } from './views.js';

const PROBE_ORDER: readonly ProbeKind[] = ['startup', 'liveness', 'readiness'];

/** Failures per (container, probe), containers in order of first failure, probes startup → liveness → readiness. */
export function probeFailures(view: PodView): ProbeFailures[] {
  const cached = cache.get(view);
  if (cached) return cached;
  const groups = new Map<string, { container: string; probe: ProbeKind; failures: EventEntry[] }>();
  const readyFlips = new Map<string, Transition[]>();
  const containers: string[] = [];
  for (const entry of view.timeline) {
    if (entry.source === 'transition') {
      const t = entry.transition;
      if (t.kind === 'ContainerReadyChanged' && t.container) {
        const flips = readyFlips.get(t.container.name) ?? [];
        flips.push(t);
        readyFlips.set(t.container.name, flips);
      }
      continue;
    }
    const probe = unhealthyProbe(entry.event);
    const container = entry.event.container;
    if (!probe || container === undefined) continue;
    const key = `${container}\u0000${probe}`;
    let group = groups.get(key);
    if (!group) {
      group = { container, probe, failures: [] };
      groups.set(key, group);
      if (!containers.includes(container)) containers.push(container);
    }
    group.failures.push(entry.event);
  }
  const result = [...groups.values()]
    .sort((a, b) => containers.indexOf(a.container) - containers.indexOf(b.container) || PROBE_ORDER.indexOf(a.probe) - PROBE_ORDER.indexOf(b.probe))
    .map((group) => ({
      ...group,
      failures: group.failures.sort((a, b) => a.lastAt - b.lastAt),
      readyFlips: readyFlips.get(group.container) ?? [],
    }));
  cache.set(view, result);
  return result;
}

const cache = new WeakMap<PodView, ProbeFailures[]>();
