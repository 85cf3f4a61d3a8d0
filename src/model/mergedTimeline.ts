// The all-pods log (`a`): the newest entries of every pod, deleted pods
// included, oldest first. The reducer journals every pod version and every
// Event entry it adds or updates in arrival order, so this reads the
// journal's tail instead of merging 10,000 timelines (deriving only the
// versions it shows), and it is cached per state version: cheap every frame.
import { compareEntries, isWarning } from './timeline.js';
import type { ClusterState } from './clusterState.js';
import { VersionStep } from './podHistory.js';
import type { TimelineEntry } from './views.js';

export interface MergedTimelineOptions {
  warningsOnly?: boolean;
  limit: number;
}

const cache = new WeakMap<ClusterState, Map<string, TimelineEntry[]>>();

export function mergedTimeline(state: ClusterState, options: MergedTimelineOptions): TimelineEntry[] {
  const cacheKey = `${options.warningsOnly ? 'w' : 'a'}${options.limit}`;
  let byOptions = cache.get(state);
  const hit = byOptions?.get(cacheKey);
  if (hit) return hit;

  const { journal } = state.ledger;
  // An Event's line is journaled again each time it grows (a new object, same
  // Event); a transition's line only once. Walking back, the first line of an
  // Event is its latest. Keyed without building ids (written when read).
  const seen = new Set<unknown>();
  const newestFirst: TimelineEntry[] = [];
  const take = (entry: TimelineEntry) => {
    const key = entry.source === 'event' ? entry.event.uid : entry;
    if (seen.has(key)) return;
    seen.add(key);
    if (options.warningsOnly && !isWarning(entry)) return;
    newestFirst.push(entry);
  };
  for (let i = journal.length - 1; i >= 0 && newestFirst.length < options.limit; i--) {
    const item = journal[i]!;
    if (!(item instanceof VersionStep)) take(item);
    // A pod version's transitions, derived now if nobody read them yet.
    else for (let j = item.entries.length - 1; j >= 0 && newestFirst.length < options.limit; j--) take(item.entries[j]!);
  }
  // Array.prototype.sort is stable: ties keep arrival order.
  const result = newestFirst.reverse().sort(compareEntries);

  if (!byOptions) {
    byOptions = new Map();
    cache.set(state, byOptions);
  }
  byOptions.set(cacheKey, result);
  return result;
}
