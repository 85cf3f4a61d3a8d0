// One merged-log entry as the cells the log pane draws: when, what kind,
// reason (with the Event's repeat count), message. Pure, so the wording is
// checked without drawing.
import { format } from 'date-fns';
import { humanDuration } from '../model/duration.js';
import type { TimelineEntry } from '../model/views.js';

export interface LogEntryCells {
  time: string;
  source: 'transition' | 'event';
  warning: boolean;
  /** The pod's name, for the all-pods log. */
  pod: string;
  reason: string;
  message: string;
  /** "x7" for an Event seen 7 times, else empty. */
  count: string;
}

/** kubectl-style relative time ("35s", "3m20s") or the wall clock ("14:03:12"). */
export function entryTime(at: number, now: number, absolute: boolean): string {
  return absolute ? format(at, 'HH:mm:ss') : humanDuration(now - at);
}

export function isWarning(entry: TimelineEntry): boolean {
  return (entry.source === 'event' ? entry.event.type : entry.transition.type) === 'Warning';
}

/** Messages are drawn on one line: a multi-line message (a probe's output) is joined. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function logEntryCells(entry: TimelineEntry, now: number, absolute: boolean): LogEntryCells {
  const pod = entry.podKey.slice(entry.podKey.indexOf('/') + 1);
  const common = { time: entryTime(entry.at, now, absolute), source: entry.source, warning: isWarning(entry), pod };
  if (entry.source === 'event') {
    const { reason, message, count } = entry.event;
    return { ...common, reason, message: oneLine(message), count: count > 1 ? `x${count}` : '' };
  }
  return { ...common, reason: entry.transition.reason, message: oneLine(entry.transition.message), count: '' };
}
