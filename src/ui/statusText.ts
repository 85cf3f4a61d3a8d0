// The words of the status bar, pure: connection state per watch stream, the
// namespaces in scope, pods by status, and LIVE or the step being looked at.
import { humanDuration } from '../model/duration.js';
import type { ConnectionState } from '../model/observations.js';
import { entryTime } from './logEntry.js';

/** One stream's state as a user needs it: what is wrong, since when, and when the next try is. */
export function connectionText(connection: ConnectionState, now: number): string {
  const { stream, detail } = connection;
  const withDetail = (text: string) => (detail ? `${text}: ${detail}` : text);
  switch (connection.phase) {
    case 'connecting':
      return `${stream} connecting`;
    case 'live':
      return `${stream} live`;
    case 'reconnecting': {
      const since = `reconnecting for ${humanDuration(now - connection.since)}`;
      const next =
        connection.nextAttemptAt === undefined
          ? ''
          : connection.nextAttemptAt <= now
            ? ', retrying now'
            : `, next try in ${humanDuration(connection.nextAttemptAt - now)}`;
      return withDetail(`${stream} ${since}${next}`);
    }
    case 'unauthorized':
      return withDetail(`${stream} unauthorized (401)`);
    case 'forbidden':
      return withDetail(`${stream} forbidden (403)`);
    case 'error':
      return withDetail(`${stream} error`);
  }
}

/** All streams live: one word. Otherwise each stream that is not, so the problem is not drowned in "live". */
export function connectionsText(connections: readonly ConnectionState[], now: number): { text: string; healthy: boolean } {
  if (connections.length === 0) return { text: 'connecting', healthy: false };
  const troubled = connections.filter((c) => c.phase !== 'live');
  if (troubled.length === 0) return { text: 'live', healthy: true };
  return { text: troubled.map((c) => connectionText(c, now)).join(' · '), healthy: false };
}

export function namespacesText(namespaces: readonly string[] | 'all'): string {
  if (namespaces === 'all') return 'all namespaces';
  return namespaces.length === 1 ? `ns ${namespaces[0]}` : `ns ${namespaces.join(',')}`;
}

/** "5 pods: 3 Running, 1 CrashLoopBackOff, 1 Completed" (at most `limit` statuses, the rest as "+N"). */
export function podCountsText(counts: readonly { status: string; count: number }[], shown: number, total: number, limit = 4): string {
  const pods = shown === total ? `${total} pods` : `${shown} of ${total} pods`;
  if (counts.length === 0) return pods;
  const listed = counts.slice(0, limit).map((c) => `${c.count} ${c.status}`);
  const rest = counts.slice(limit).reduce((sum, c) => sum + c.count, 0);
  return `${pods}: ${listed.join(', ')}${rest > 0 ? `, +${rest} other` : ''}`;
}

/** `LIVE`, or `step 7/23 · 14:03:12` (1-based, the step entry's wall-clock time). */
export function stepText(step: { index: number; total: number; at: number } | undefined, dot: string): string {
  if (!step) return 'LIVE';
  return `step ${step.index + 1}/${step.total} ${dot} ${entryTime(step.at, step.at, true)}`;
}
