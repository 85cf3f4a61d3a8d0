// The selected pod's one-line "why" and its countdowns (next CrashLoopBackOff
// retry, grace period left). The only part of the screen that ticks every
// second, so it keeps its own clock: nothing else is redrawn by the tick.
import { SpanLine } from './conditions/spans.js';
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

export const WhyLine = memo(function WhyLine({ view, step, now: clock, width, model }: WhyLineProps) {
  const theme = useTheme();
  // Ticks only while a live countdown runs: a past step or a pod with nothing to wait for does not change by the second.
  const counting = view !== undefined && step === undefined && model.countdowns(view, clock()).length > 0;
  const now = useClock(clock, 1000, counting);
  if (!view) {
    return <SpanLine line={[{ text: 'No pod selected.', dim: true }]} width={width} ascii={theme.ascii} />;
  }
  const why = themedText(theme, model.whyLine(view, now, step) ?? '');
  // The model's why already tells a failing container's next try; other waits (grace period) are added.
  const told = (c: Countdown) => c.container !== undefined && why.includes(`${c.container}: `) && why.includes('next try in');
  const extra = model
    .countdowns(view, now, step)
    .filter((c) => !told(c))
    .map((c) => countdownText(c, now));
  const label = step === undefined ? 'why' : 'then';
  const dot = ` ${theme.middleDot} `;
  const line =
    why === '' && extra.length === 0
      ? [{ text: `${label}: ${view.row.status}, nothing to explain`, dim: true }]
      : [
          { text: `${label}: `, bold: true },
          { text: why, color: warningColor(theme) },
          { text: extra.length > 0 ? `${why === '' ? '' : dot}${extra.join(dot)}` : '' },
        ];
  return <SpanLine line={line} width={width} ascii={theme.ascii} />;
});
