// The selected pod as the screen shows it: live, or as it was at the step
// being looked at (every pane then draws the snapshot).
import { snapshotAt } from '../model/snapshot.js';
import type { Pod } from '../model/types.js';
import type { PodView, TimelineEntry } from '../model/views.js';
import { stepIndex } from './state.js';

export interface Selected {
  view: PodView;
  /** Index of the step being looked at, undefined at LIVE. */
  step: number | undefined;
  /** The pod as shown: the snapshot at the step, or the live pod. */
  pod: Pod;
  stepEntry: TimelineEntry | undefined;
}

export function selectedPod(view: PodView | undefined, stepId: string | undefined): Selected | undefined {
  if (!view) return undefined;
  if (stepId === undefined || view.timeline.length === 0) return { view, step: undefined, pod: view.pod, stepEntry: undefined };
  const step = stepIndex(stepId, view.timeline.map((e) => e.id));
  return { view, step, pod: snapshotAt(view, step), stepEntry: view.timeline[step] };
}
