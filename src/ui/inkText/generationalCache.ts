// A memo with a bound, for text layout that runs on every frame. Two
// generations: new entries go to the young one; when it is full it becomes
// the old one and the previous old one is let go. A hit in the old generation
// moves the entry to the young one, so whatever the screen still shows
// survives every turnover, and a hit costs one Map lookup (an LRU would
// re-insert on every hit, which is every frame for nearly every text).
export class GenerationalCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  /** At most 2 × `generation` entries are kept. */
  constructor(private readonly generation: number) {}

  get(key: string): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const kept = this.old.get(key);
    if (kept !== undefined) this.set(key, kept);
    return kept;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
