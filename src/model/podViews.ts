// The pods map the screen reads, as a view over the reducer's own records:
// each record holds its pod's current PodView, so an update replaces that one
// field and no second map has to be kept in step (a Map.set per update and
// per dropped entry, on a 10,000-entry map, was a tenth of the reducer).
import type { PodView } from './views.js';

export interface ViewHolder {
  readonly view: PodView;
}

export class PodViews implements ReadonlyMap<string, PodView> {
  constructor(private readonly records: ReadonlyMap<string, ViewHolder>) {}

  get size(): number {
    return this.records.size;
  }

  get(key: string): PodView | undefined {
    return this.records.get(key)?.view;
  }

  has(key: string): boolean {
    return this.records.has(key);
  }

  keys(): MapIterator<string> {
    return this.records.keys();
  }

  *values(): MapIterator<PodView> {
    for (const record of this.records.values()) yield record.view;
  }

  *entries(): MapIterator<[string, PodView]> {
    for (const [key, record] of this.records) yield [key, record.view];
  }

  [Symbol.iterator](): MapIterator<[string, PodView]> {
    return this.entries();
  }

  forEach(callback: (view: PodView, key: string, map: ReadonlyMap<string, PodView>) => void, thisArg?: unknown): void {
    for (const [key, record] of this.records) callback.call(thisArg, record.view, key, this);
  }
}
