// Durations the way kubectl prints them (apimachinery's duration.HumanDuration),
// so AGE and "(5m ago)" read the same in podtui as in `kubectl get pods`.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** Two units at most, dropping the smaller when it is zero: "3m", "3m20s". */
function pair(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${small}${smallUnit}`;
}

/** kubectl's human duration of `ms` milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  // kubectl tolerates up to 2 s of clock skew between client and server as "now".
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) return pair(minutes, 'm', seconds % 60, 's');
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) return pair(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(ms / DAY);
  if (hours < 8 * 24) return pair(days, 'd', hours % 24, 'h');
  if (hours < 2 * 365 * 24) return `${days}d`;
  const years = Math.trunc(ms / YEAR);
  if (hours < 8 * 365 * 24) return pair(years, 'y', days % 365, 'd');
  return `${years}y`;
}

/** Time since an RFC 3339 timestamp (or ms), as kubectl's AGE column shows it; "<unknown>" when absent. */
export function humanAge(since: string | number | null | undefined, now: number): string {
  if (since === undefined || since === null || since === '') return '<unknown>';
  const at = typeof since === 'number' ? since : Date.parse(since);
  if (Number.isNaN(at)) return '<unknown>';
  return humanDuration(now - at);
}
