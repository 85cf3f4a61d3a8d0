// A time as the panes print it: "5m ago" by default (kubectl's human
// duration, so it reads like AGE), the wall-clock time after `t`.
import { format } from 'date-fns';
import { humanAge } from '../../model/duration.js';

/**
 * "5m ago", or "2026-11-25 14:05:12" (local time) when absolute; "<none>"
 * when the API left it out. A time a little after `now` reads "0s ago": the
 * pane's `now` is the moment of its last render, and a cluster's clock may run
 * ahead of this one; "<invalid> ago" would help nobody.
 */
export function timeText(at: string | number | null | undefined, now: number, absolute: boolean): string {
  if (at === undefined || at === null || at === '') return '<none>';
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) return '<invalid>';
  return absolute ? format(ms, 'yyyy-MM-dd HH:mm:ss') : `${humanAge(Math.min(ms, now), now)} ago`;
}
