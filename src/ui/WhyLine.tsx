// The selected pod's one-line "why" and its countdowns (next CrashLoopBackOff
// retry, grace period left). The only part of the screen that ticks every
// second, so it keeps its own clock: nothing else is redrawn by the tick.
import { SpanLine } from './spans.js';
import { cellWidth } from './terminalText.js';
import { memo } from 'react';
import { humanDuration } from '../model/duration.js';
import type { Countdown, PodView } from '../model/views.js';
import { themedText, useTheme, warningColor } from './theme.js';
import { useClock } from './useClock.js';

/** The model's functions, passed in so the line is drawn from whatever step is shown. */
export interface WhyModel {
  whyLine(view: PodView, now: number, step?: number): string | undefined;
  countdowns(view: PodView, now: number, step?: number): Countdown[];
}

export interface WhyLineProps {
  view: PodView | undefined;
  /** Timeline index when stepping; undefined for LIVE. */
  step: number | undefined;
  now: () => number;
  width: number;
  model: WhyModel;
}

/** "next try of app in 32s (back-off 40s)"; "grace period 12s left of 30s". */
export function countdownText(countdown: Countdown, now: number): string {
  const left = humanDuration(Math.max(0, countdown.until - now));
  const total = humanDuration(countdown.total);
  const of = countdown.container === undefined ? '' : ` of ${countdown.container}`;
  switch (countdown.kind) {
    case 'CrashLoopBackOff':
      return `next try${of} in ${left} (back-off ${total})`;
    case 'ImagePullBackOff':
      return `next pull${of} in ${left} (back-off ${total})`;
    case 'GracePeriod':
      return `grace period ${left} left of ${total}`;
  }
}

/** How the model's why line joins its parts: the pod's condition, the failing container, the latest Warning. */
const MODEL_SEPARATOR = ' · ';

/** Which part of the why line gives way first when it does not fit: the lower, the sooner. */
function keepRank(part: string): number {
  // "Ready=False ContainersNotReady": the conditions pane shows it in full.
  if (/^\w+=\w+/.test(part)) return 0;
  // "BackOff x7": the latest Warning, also in the log.
  if (/^\w+( x\d+)?$/.test(part)) return 1;
  // "app: CrashLoopBackOff (exit 1, 4 restarts, next try in 32s)", "Evicted: ...": the reason itself.
  return 2;
}

/**
 * The parts that fit in `width` cells, in their order: on a narrow terminal
 * the condition goes first, then the Warning, so the failing container and
 * its next try stay readable.
 */
export function fitParts(parts: readonly string[], width: number): string[] {
  const kept = [...parts];
  while (kept.length > 1 && cellWidth(kept.join(MODEL_SEPARATOR)) > width) {
    let drop = 0;
    for (let i = 1; i < kept.length; i++) if (keepRank(kept[i]!) < keepRank(kept[drop]!)) drop = i;
    kept.splice(drop, 1);
  }
  return kept;
}

export const WhyLine = memo(function WhyLine({ view, step, now: clock, width, model }: WhyLineProps) {
  const theme = useTheme();
  // Ticks only while a live countdown runs: a past step or a pod with nothing to wait for does not change by the second.
  const counting = view !== undefined && step === undefined && model.countdowns(view, clock()).length > 0;
  const now = useClock(clock, 1000, counting);
  if (!view) {
    return <SpanLine line={[{ text: 'No pod selected.', dim: true }]} width={width} ascii={theme.ascii} />;
  }
  const whyParts = (model.whyLine(view, now, step) ?? '').split(MODEL_SEPARATOR).filter((part) => part !== '');
  const whole = whyParts.join(MODEL_SEPARATOR);
  // The model's why already tells a failing container's next try; other waits (grace period) are added.
  const told = (c: Countdown) => c.container !== undefined && whole.includes(`${c.container}: `) && whole.includes('next try in');
  const extra = model
    .countdowns(view, now, step)
    .filter((c) => !told(c))
    .map((c) => countdownText(c, now));
  const label = step === undefined ? 'why' : 'then';
  if (whyParts.length === 0 && extra.length === 0) {
    return <SpanLine line={[{ text: `${label}: ${view.row.status}, nothing to explain`, dim: true }]} width={width} ascii={theme.ascii} />;
  }
  const dot = ` ${theme.middleDot} `;
  const why = themedText(theme, fitParts(whyParts, width - cellWidth(`${label}: ${extra.map((e) => dot + e).join('')}`)).join(MODEL_SEPARATOR));
  const line = [
    { text: `${label}: `, bold: true },
    { text: why, color: warningColor(theme) },
    { text: extra.length > 0 ? `${why === '' ? '' : dot}${extra.join(dot)}` : '' },
  ];
  return <SpanLine line={line} width={width} ascii={theme.ascii} />;
});
