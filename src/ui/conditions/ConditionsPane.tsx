// The conditions pane: the selected pod (as it is, or as it was at the step
// being looked at) in depth. First what a 5-line pane must show (phase,
// whether it is going away, one line per container), then where it runs,
// every condition, and each container in full: states, instances seen,
// probes and hooks with their failures, resources. Exactly `height` lines at
// most, each cut to `width`; the App scrolls it by passing the first line.
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { containerDetails } from '../../model/containerDetails.js';
import { probeFailures } from '../../model/probes.js';
import { restartHistory } from '../../model/restartHistory.js';
import type { Pod } from '../../model/types.js';
import type { PodView, TransitionEntry } from '../../model/views.js';
import { containerSummary, containersSection } from '../containers/containerLines.js';
import { mutedColor, type Theme } from '../theme.js';
import { conditionsSection, podHeadline, podPlacement } from './podLines.js';
import { SpanLine, type PaneLine } from '../spans.js';
import { usePaneTheme } from './usePaneTheme.js';

export interface ConditionsPaneProps {
  pod: Pod;
  view: PodView;
  now: number;
  absoluteTimes: boolean;
  width: number;
  height: number;
  /** The first line shown; clamped so the last page stays full. */
  scroll: number;
  focused: boolean;
  ascii: boolean;
  /**
   * Optional: when stepping, the time of the step being looked at (set only
   * while stepping). Probe and hook failures and instances after it are left
   * out. Without it, a past pod version counts everything up to when the next
   * version was seen.
   */
  stepAt?: number;
}

/** Every line of the pane, unscrolled: the App can use its length to bound `scroll`. */
export function conditionsPaneLines(
  pod: Pod,
  view: PodView,
  options: { now: number; absoluteTimes: boolean; theme: Theme; width: number; stepAt?: number | undefined },
): PaneLine[] {
  const ctx = options;
  // A step can show the newest pod version (a step onto a later Event): the App's step time wins.
  const until = options.stepAt ?? stepTime(pod, view);
  const history = { probeFailures: probeFailures(view), instances: restartHistory(view), ...(until !== undefined ? { until } : {}) };
  const details = containerDetails(pod, view.timeline, history);
  // What a small pane must show first: the pod's state, then each container's in one line.
  return [
    ...podHeadline(pod, ctx),
    ...details.map((detail) => containerSummary(detail, ctx)),
    ...podPlacement(pod, ctx),
    ...conditionsSection(pod, ctx),
    [],
    ...containersSection(details, ctx),
  ];
}

/**
 * When `pod` is a past version (time travel): the last moment it was still
 * current, i.e. just before a newer version was seen. Failures and instances
 * after that had not happened yet at the step being looked at. Undefined for
 * the live pod (or a version the timeline does not hold).
 */
export function stepTime(pod: Pod, view: PodView): number | undefined {
  if (pod === view.pod) return undefined;
  const { timeline } = view;
  let shownAt = -1;
  for (let i = timeline.length - 1; i >= 0 && shownAt < 0; i -= 1) {
    const entry = timeline[i];
    if (entry?.source === 'transition' && entry.pod === pod) shownAt = i;
  }
  // A version older than every kept entry (the baseline) was current until the first of them.
  const seq = shownAt >= 0 ? (timeline[shownAt] as TransitionEntry).seq ?? 0 : -Infinity;
  for (let i = Math.max(0, shownAt); i < timeline.length; i += 1) {
    const entry = timeline[i];
    if (entry?.source === 'transition' && entry.pod && entry.pod !== pod && (entry.seq ?? 0) > seq) return entry.at - 1;
  }
  return undefined;
}

/** The largest useful `scroll` for `total` lines in `height` rows. */
export function maxScroll(total: number, height: number): number {
  return Math.max(0, total - height);
}

// Memoized: the pane redraws when the pod, its step, the time or its own
// settings change, not on every key that leaves them alone.
export const ConditionsPane = memo(function ConditionsPane({ pod, view, now, absoluteTimes, width, height, scroll, focused, ascii, stepAt }: ConditionsPaneProps) {
  const theme = usePaneTheme(ascii);
  const lines = useMemo(
    () => conditionsPaneLines(pod, view, { now, absoluteTimes, theme, width, stepAt }),
    [pod, view, now, absoluteTimes, theme, width, stepAt],
  );
  if (height <= 0 || width <= 0) return null;
  const first = Math.min(Math.max(0, scroll), maxScroll(lines.length, height));
  const shown = lines.slice(first, first + height);
  const below = lines.length - first - shown.length;
  if (below > 0 && shown.length > 0) {
    // The last row says there is more, so nobody mistakes a cut pane for the whole pod.
    const arrow = ascii ? 'v' : '↓';
    const hint = focused ? '' : ' (Tab to focus, then scroll)';
    shown[shown.length - 1] = [{ text: `${arrow} ${below + 1} more lines${hint}`, color: mutedColor(theme), dim: true }];
  }
  // No overflow="hidden": every line is cut to the width by SpanLine and there
  // are no more than `height` of them, and Ink's clipping slices every line
  // of the box again on every frame.
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, shown.length)}>
      {shown.map((line, i) => (
        <SpanLine key={first + i} line={line} width={width} ascii={ascii} />
      ))}
    </Box>
  );
});
