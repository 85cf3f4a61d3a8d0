// Time travel: the pod as it was at any step of its timeline. Every transition
// entry holds the pod version that showed it, so a snapshot is a lookup, not
// a replay. Steps are positions in the (time-ordered) timeline, and a later
// pod version can date a change earlier than an entry of an older version;
// the snapshot after step k is therefore the NEWEST version among the entries
// up to k: what podtui knew by then, never going back once a version was shown.
import type { Pod } from './types.js';
import type { PodView, TransitionEntry } from './views.js';

/** The pod as it was after timeline entry `step` (0-based); the last step (and beyond) is the live pod. */
export function snapshotAt(view: PodView, step: number): Pod {
  const { timeline } = view;
  if (step >= timeline.length - 1) return view.pod;
  let best: TransitionEntry | undefined;
  for (let i = 0; i <= step && i < timeline.length; i++) {
    const entry = timeline[i]!;
    if (entry.source !== 'transition' || !entry.pod) continue;
    if (!best || (entry.seq ?? 0) >= (best.seq ?? 0)) best = entry;
  }
  // Before any kept transition: the version just before the kept entries, or,
  // for a hand-made view without versions, the oldest pod known.
  return best?.pod ?? view.baseline ?? firstVersion(view) ?? view.pod;
}

function firstVersion(view: PodView): Pod | undefined {
  for (const entry of view.timeline) if (entry.source === 'transition' && entry.pod) return entry.pod;
  return undefined;
}

/**
 * Steps where a container terminated or restarted: the targets of `[` and `]`,
 * oldest first. One step per restart: the exit when podtui saw it, else the
 * restart itself.
 */
export function restartSteps(view: PodView): number[] {
  const steps: number[] = [];
  const exited = new Set<string>();
  view.timeline.forEach((entry, index) => {
    if (entry.source !== 'transition' || !entry.transition.container) return;
    const { kind, state, container } = entry.transition;
    const key = `${container.kind}/${container.name}`;
    if (kind === 'ContainerStateChanged' && state?.to?.terminated) {
      steps.push(index);
      exited.add(key);
    } else if (kind === 'ContainerRestarted') {
      if (!exited.has(key)) steps.push(index);
      exited.delete(key);
    }
  });
  return steps;
}
