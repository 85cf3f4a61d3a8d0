// The all-pods log (`a`): the newest entries of every pod, deleted pods
// included, oldest first. The reducer journals every entry it adds or updates
// in arrival order, so this reads the journal's tail instead of merging
// 10,000 timelines, and it is cached per state version: cheap every frame.
import { compareEntries, isWarning } from './timeline.js';
import type { ClusterState } from './clusterState.js';
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
  const seen = new Set<string>();
  const newestFirst: TimelineEntry[] = [];
  // Walking back, the first copy of an id is its latest (an Event whose count grew).
  for (let i = journal.length - 1; i >= 0 && newestFirst.length < options.limit; i--) {
    const entry = journal[i]!;
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    if (options.warningsOnly && !isWarning(entry)) continue;
    newestFirst.push(entry);
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
